import GRDB
import NoticeText

/// The FTS5 tokenizer `policydex`: NoticeText's `Tokenizer` (CJK bigrams as positions, each
/// run's last character colocated in documents, Traditional/width folding, UTF-8 offsets into the text).
/// `IndexStore` registers it on every connection.
final class PolicyTokenizer: FTS5CustomTokenizer {
    static let name = "policydex"

    private let tokenizer = Tokenizer()

    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization,
                  pText: UnsafePointer<CChar>?, nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let mode: Tokenizer.Mode = tokenization.contains(.document) || tokenization.contains(.aux) ? .index : .query
        var rc: CInt = 0
        let text = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        tokenizer.tokenize(utf8: text, mode: mode) { bytes, start, end, colocated in
            let pointer = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            rc = tokenCallback(context, colocated ? FTS5TokenFlags.colocated.rawValue : 0, pointer,
                               CInt(bytes.count), CInt(start), CInt(end))
            return rc == 0
        }
        return rc
    }
}
