import Foundation

/// Reads a notice file of any supported kind into text: lines separated by "\n" (no "\r"),
/// table rows as tab-separated lines. The text is otherwise left as it was (widths, wrapping and
/// spacing are the Normalize stage's business).
///
/// - Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK/GB2312 or Big5 (ICU).
/// - `.html` / `.htm` (or content starting like a page): see `HTMLDecoder`.
/// - `.docx`: see `DocxDecoder`.
/// - `.pdf` (or bytes starting "%PDF-"): `pdftotext -layout`, see `PDFDecoder`.
public enum NoticeDecoder {
    /// Reads and decodes the file at `path`; `displayPath` is what error messages name.
    public static func decode(path: String, displayPath: String? = nil) throws -> DecodedText {
        let shown = displayPath ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DecodeError.missingFile(path: shown)
        }
        if isDirectory.boolValue { throw DecodeError.unreadable(path: shown, reason: "is a directory") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DecodeError.unreadable(path: shown, reason: TextLines.oneLine(error.localizedDescription))
        }
        if data.isEmpty { throw DecodeError.empty(path: shown) }
        switch kind(of: data, fileName: path) {
        case .pdf: return try PDFDecoder.decode(path: path, displayPath: shown)
        case .docx: return try DocxDecoder.decode(url: URL(fileURLWithPath: path), fileName: shown)
        default: break
        }
        return try decode(data: data, fileName: shown)
    }

    /// Decodes bytes; the file name's extension selects .docx / .html / .pdf handling.
    public static func decode(data: Data, fileName: String) throws -> DecodedText {
        if data.isEmpty { throw DecodeError.empty(path: fileName) }
        switch kind(of: data, fileName: fileName) {
        case .pdf:
            return try PDFDecoder.decode(data: data, fileName: fileName)
        case .docx:
            return try DocxDecoder.decode(data, fileName: fileName)
        case .zip:
            // A zip under another name: read it if it is a Word document, else it is not a notice.
            if let text = try? DocxDecoder.decode(data, fileName: fileName) { return text }
            throw DecodeError.binary(path: fileName)
        case .html:
            return try HTMLDecoder.decode(data, fileName: fileName)
        case .text:
            let result = try PlainTextDecoder.decode(data, fileName: fileName)
            return DecodedText(text: result.text, format: result.format)
        }
    }

    enum Kind { case text, html, docx, pdf, zip }

    /// What to do with a file: by extension, then by its first bytes.
    static func kind(of data: Data, fileName: String) -> Kind {
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "docx", "docm", "dotx": return .docx
        case "pdf": return .pdf
        case "html", "htm", "xhtml", "shtml": return .html
        default: break
        }
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if HTMLDecoder.looksLikeHTML(data) { return .html }
        return .text
    }
}
