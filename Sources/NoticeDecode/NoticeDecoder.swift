import Foundation

/// Reads a notice file of any supported format (`NoticeFormat.all`) into text: lines separated by
/// "\n" (no "\r"), table rows as tab-separated lines. The text is otherwise left as it was (widths,
/// wrapping and spacing are the Normalize stage's business).
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
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw DecodeError.tooLarge(path: shown, bytes: size, limit: maxBytes)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DecodeError.unreadable(path: shown, reason: TextLines.oneLine(error.localizedDescription))
        }
        if data.isEmpty { throw DecodeError.empty(path: shown) }
        let format = NoticeFormat.of(data, fileName: path)
        if let decodeFile = format.decodeFile { return try decodeFile(path, shown) }
        return try format.decodeData(data, shown)
    }

    /// Decodes bytes; the file name's extension, then the bytes, select the format (see `NoticeFormat.all`).
    /// The largest notice file read (the largest real notice seen is a few MB; a 200 MB file is a
    /// mistake or an attack, and reading it would hold up the whole corpus).
    public static let maxBytes = 50 << 20

    public static func decode(data: Data, fileName: String) throws -> DecodedText {
        if data.isEmpty { throw DecodeError.empty(path: fileName) }
        if data.count > maxBytes { throw DecodeError.tooLarge(path: fileName, bytes: data.count, limit: maxBytes) }
        return try NoticeFormat.of(data, fileName: fileName).decodeData(data, fileName)
    }
}
