import Foundation

/// One kind of notice file: the extensions that name it, how its first bytes look, and how its bytes
/// become text. `NoticeFormat.all` is the registry (read by `NoticeDecoder` and, through
/// `NoticeFiles.supportedExtensions`, by the indexer and the catalog builder); a new format is one
/// more entry there.
public struct NoticeFormat: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Portable Document Format, read by `pdftotext -layout`.
        case pdf
        /// A Word document (Office Open XML).
        case docx
        /// A zip archive under another name: a Word document if it reads as one, else not a notice.
        case zip
        /// A web page.
        case html
        /// Plain text in a Unicode or legacy Chinese encoding.
        case text
    }

    public let kind: Kind
    /// Lower-case file-name extensions of this format; together they make `NoticeFiles.supportedExtensions`.
    public let extensions: Set<String>
    /// Whether one of `extensions` settles the format whatever the bytes are. Plain text's do not:
    /// a `.txt` is often a saved web page or a renamed PDF.
    let extensionDecides: Bool
    /// Whether a file's first bytes say it is this format.
    let sniff: @Sendable (_ head: Data) -> Bool
    /// Bytes → text; errors name `fileName`.
    let decodeData: @Sendable (_ data: Data, _ fileName: String) throws -> DecodedText
    /// A file on disk → text, for formats read better from the path than from bytes in memory
    /// (nil: the bytes are decoded). Errors name `displayPath`.
    let decodeFile: (@Sendable (_ path: String, _ displayPath: String) throws -> DecodedText)?
}

extension NoticeFormat {
    /// The registry. A file gets
    /// 1. the first entry with `extensionDecides` whose `extensions` hold the file's extension, else
    /// 2. the first entry, in this order, whose `sniff` accepts the first bytes: "%PDF-", then a zip
    ///    signature, then the start of an HTML page; plain text accepts anything, so it comes last.
    public static let all: [NoticeFormat] = [pdf, docx, zip, html, text]

    static let pdf = NoticeFormat(
        kind: .pdf, extensions: ["pdf"], extensionDecides: true,
        sniff: { $0.starts(with: Array("%PDF-".utf8)) },
        decodeData: { data, fileName in try PDFDecoder.decode(data: data, fileName: fileName) },
        decodeFile: { path, shown in try PDFDecoder.decode(path: path, displayPath: shown) })

    static let docx = NoticeFormat(
        kind: .docx, extensions: ["docx", "docm", "dotx"], extensionDecides: true,
        sniff: { _ in false },  // a zip is only a Word document once it reads as one: see `zip`
        decodeData: { data, fileName in try DocxDecoder.decode(data, fileName: fileName) },
        decodeFile: { path, shown in try DocxDecoder.decode(url: URL(fileURLWithPath: path), fileName: shown) })

    static let zip = NoticeFormat(
        kind: .zip, extensions: [], extensionDecides: false,
        sniff: { $0.starts(with: [0x50, 0x4B, 0x03, 0x04]) },
        decodeData: { data, fileName in
            if let text = try? DocxDecoder.decode(data, fileName: fileName) { return text }
            throw DecodeError.binary(path: fileName)
        },
        decodeFile: nil)

    static let html = NoticeFormat(
        kind: .html, extensions: ["html", "htm", "xhtml", "shtml"], extensionDecides: true,
        sniff: { HTMLDecoder.looksLikeHTML($0) },
        decodeData: { data, fileName in try HTMLDecoder.decode(data, fileName: fileName) },
        decodeFile: nil)

    static let text = NoticeFormat(
        kind: .text, extensions: ["txt", "text", "tsv", "csv"], extensionDecides: false,
        sniff: { _ in true },
        decodeData: { data, fileName in
            let result = try PlainTextDecoder.decode(data, fileName: fileName)
            return DecodedText(text: result.text, format: result.format, warnings: result.warnings)
        },
        decodeFile: nil)

    /// The entry for a file named `fileName` (a path is fine) whose bytes are `data`; see `all` for the order.
    public static func of(_ data: Data, fileName: String) -> NoticeFormat {
        let ext = (fileName as NSString).pathExtension.lowercased()
        if !ext.isEmpty, let named = all.first(where: { $0.extensionDecides && $0.extensions.contains(ext) }) {
            return named
        }
        // Every sniff looks at the first 2 KB at most.
        let head = data.prefix(2048)
        return all.first { $0.sniff(head) } ?? text
    }
}
