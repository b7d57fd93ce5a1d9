import Foundation
import NoticeModel
import NoticeText

/// The extraction pipeline for one notice: decoded text → normalized paragraphs → outline → tasks.
public enum CatalogBuilder {
    /// Reads, decodes and extracts the notice at `path`; `relativePath` becomes `Notice.file`
    /// and names the file in errors.
    public static func notice(atPath path: String, relativePath: String) throws -> Notice {
        let decoded = try NoticeDecoder.decode(path: path, displayPath: relativePath)
        return notice(decoded: decoded, relativePath: relativePath)
    }

    /// Extracts the catalog entry of already-decoded text.
    public static func notice(decoded: DecodedText, relativePath: String) -> Notice {
        Notice(file: relativePath, format: decoded.format)
    }
}
