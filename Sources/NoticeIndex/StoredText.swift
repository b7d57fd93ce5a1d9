import Foundation
import GRDB
import NoticeText
import ZIPFoundation

/// A notice's decoded text as the index keeps it: once per notice, deflated (Chinese text
/// shrinks to about 40%), read back for the source lines `show` prints.
enum StoredText {
    static func deflate(_ text: String) throws -> Data {
        let data = Data(text.utf8)
        var out = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            chunk(of: data, position, size)
        }, consumer: { out.append($0) })
        return out
    }

    static func inflate(_ data: Data) throws -> String {
        var out = Data()
        _ = try Data.decompress(size: Int64(data.count), bufferSize: 64 * 1024, skipCRC32: true, provider: { position, size in
            chunk(of: data, position, size)
        }, consumer: { out.append($0) })
        return String(decoding: out, as: UTF8.self)
    }

    /// ZIPFoundation asks for whole buffers; the last one is shorter.
    private static func chunk(of data: Data, _ position: Int64, _ size: Int) -> Data {
        let start = min(data.count, Int(position))
        return data.subdata(in: start..<min(data.count, start + size))
    }

    /// Lines `first...last` (1-based) of notice `noticeID`'s text; none when the notice has no
    /// stored text (an index migrated but not yet re-indexed).
    static func lines(of noticeID: Int64, _ first: Int, _ last: Int, _ db: Database) throws -> [(line: Int, text: String)] {
        guard let data = try Data.fetchOne(db, sql: "SELECT deflated FROM notice_texts WHERE notice_id = ?", arguments: [noticeID]) else {
            return []
        }
        let all = try inflate(data).split(separator: "\n", omittingEmptySubsequences: false)
        let from = max(1, first), to = min(all.count, max(from, last))
        guard from <= to else { return [] }
        return (from...to).map { ($0, String(all[$0 - 1])) }
    }
}

/// `policydex_fold(text)`: the search folding of a text, for the conditions that check a query's
/// words in the text itself (`instr`) and the suggestion scan; registered on every connection.
enum FoldFunction {
    static let function = DatabaseFunction("policydex_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(SearchFolding.key)
    }
}
