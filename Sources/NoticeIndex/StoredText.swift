import Foundation
import GRDB
import GRDBSQLite
import NoticeModel
import NoticeText
import ZIPFoundation

/// A notice's decoded text as the index keeps it: once per notice, deflated (Chinese text
/// shrinks to about 40%); its rows' texts are pieces of it, and `show` prints its lines
/// (`StoredTextReader` reads it back).
enum StoredText {
    static func deflate(_ text: String) throws -> Data {
        let data = Data(text.utf8)
        var out = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            chunk(of: data, position, size)
        }, consumer: { out.append($0) })
        return out
    }

    /// The inflated bytes of `data`; with `atLeast`, inflating may stop once that many are out
    /// (a task near a notice's start needs none of the rest: on average half is saved).
    static func inflatedBytes(_ data: Data, atLeast: Int? = nil) throws -> Data {
        var out = Data()
        do {
            // Smaller output chunks when a prefix will do, so inflating can stop early.
            _ = try Data.decompress(size: Int64(data.count), bufferSize: atLeast == nil ? 64 * 1024 : 4096, skipCRC32: true,
                                    provider: { position, size in chunk(of: data, position, size) },
                                    consumer: { chunk in
                                        out.append(chunk)
                                        if let atLeast, out.count >= atLeast { throw EnoughInflated() }
                                    })
        } catch is EnoughInflated {}
        return out
    }

    private struct EnoughInflated: Error {}

    /// ZIPFoundation asks for whole buffers; the last one is shorter.
    private static func chunk(of data: Data, _ position: Int64, _ size: Int) -> Data {
        let start = min(data.count, Int(position))
        return data.subdata(in: start..<min(data.count, start + size))
    }
}

/// What the index stores of one notice's texts, computed on the worker that extracted it: the
/// decoded text deflated, and the texts of its rows as pieces of that text (`TextSpans`).
struct StoredTexts: Sendable {
    var deflated: Data
    /// The notice's context paragraphs (`Notice.contextText`).
    var context: Data
    /// Each task's text and title, in the notice's order.
    var tasks: [TaskTexts]

    struct TaskTexts: Sendable {
        var text: Data
        var title: Data
    }

    init(_ notice: Notice, text: String) throws {
        deflated = try StoredText.deflate(text)
        (context, tasks) = SpanSource.with(Data(text.utf8)) { source in
            (source.spans(of: notice.contextText),
             notice.tasks.map { source.taskTexts(text: $0.text, title: $0.title, line: $0.source.line, endLine: $0.source.endLine) })
        }
    }
}

/// A notice's text as `TextSpans` encodes its rows' texts against: its bytes and where each line starts.
struct SpanSource {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offsets where lines 1, 2, … start.
    let lineStarts: [Int]

    static func with<R>(_ text: Data, _ body: (SpanSource) -> R) -> R {
        text.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            return body(SpanSource(bytes: bytes, lineStarts: starts))
        }
    }

    /// A task's text and title as pieces of this text, looked for first in the task's lines.
    func taskTexts(text: String, title: String, line: Int, endLine: Int) -> StoredTexts.TaskTexts {
        let lines = line...max(line, endLine)
        return .init(text: spans(of: text, lines: lines), title: spans(of: title, lines: lines))
    }

    /// `text` as pieces of this text, looked for first in `lines` (1-based, as SourceLocation counts).
    func spans(of text: String, lines: ClosedRange<Int>? = nil) -> Data {
        var region: Range<Int>?
        if let lines, lines.lowerBound >= 1, lines.lowerBound <= lineStarts.count {
            let start = lineStarts[lines.lowerBound - 1]
            region = start..<max(start, lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : bytes.count)
        }
        return TextSpans.encode(text, source: bytes, near: region)
    }
}

/// Decodes texts kept as byte ranges of their notices' stored texts (`TextSpans`), fetching and
/// inflating a notice's text once while its rows are read together (the last few are kept). A
/// reader made for one read (one snapshot) trusts what it keeps. A `revalidating` one outlives
/// reads (the SQL function, registered for the connection's life): once the database has changed
/// (a commit by any connection, a row written by this one) an entry is used only if the stored
/// bytes are still the same, since the notice may have been re-indexed under the same id (SQLite
/// reuses the largest rowid once its row is gone).
final class StoredTextReader: @unchecked Sendable {
    private unowned(unsafe) let db: Database
    private let revalidating: Bool
    private let prefixFirst: Bool
    /// Each kept notice's text as far as it was inflated (all of it once a row needed more than
    /// the first inflation gave), with its deflated bytes when revalidating.
    private var recent: [(id: Int64, deflated: Data, text: Data, whole: Bool)] = []
    private static let kept = 8
    /// The database's state when the entries in `checked` were last found current.
    private var checkedAt: (dataVersion: UInt32, changes: Int64)?
    private var checked = Set<Int64>()
    /// How far the rows announced by `expect` read into each notice's text.
    private var expected: [Int64: Int] = [:]

    /// `prefixFirst`: a notice is inflated only as far as the row needs (on average half of it;
    /// further when `expect` said its other rows read further), and wholly when a later row
    /// needs more. Without it (a scan reading a notice's every task) whole texts at once.
    init(_ db: Database, revalidating: Bool = false, prefixFirst: Bool = false) {
        self.db = db
        self.revalidating = revalidating
        self.prefixFirst = prefixFirst
    }

    /// The text `spans` encode against notice `noticeID`'s text; a row whose pieces do not fit its
    /// notice's text (a damaged file) reads as empty.
    func text(notice noticeID: Int64, spans: Data) -> String {
        decoded(notice: noticeID, spans: spans) ?? ""
    }

    /// The same, nil when the pieces cannot be resolved (the notice's text is missing, cannot be
    /// inflated or is shorter than they say).
    func decoded(notice noticeID: Int64, spans: Data) -> String? {
        let expected = self.expected[noticeID] ?? 0
        return spans.withUnsafeBytes { pieces in TextSpans.decode(pieces) { try? self.source(of: noticeID, reaching: max($0, expected)) } }
    }

    /// The rows about to be read (each notice's id and a row's pieces): a prefix inflated for the
    /// first of a notice's rows reaches as far as the furthest of them (a listing of every hit of
    /// 信访 had inflated each of 6,000 notices whole, or a prefix per row).
    func expect<S: Sequence>(_ rows: S) where S.Element == (notice: Int64, spans: Data) {
        for (notice, spans) in rows { expected[notice] = max(expected[notice] ?? 0, TextSpans.extent(spans)) }
    }

    /// Lines `first...last` (1-based) of notice `noticeID`'s text, for the source lines `show`
    /// prints; none when it has no stored text (an index from before schema 6 not re-indexed).
    func lines(of noticeID: Int64, _ first: Int, _ last: Int) throws -> [(line: Int, text: String)] {
        guard let text = try source(of: noticeID, reaching: .max) else { return [] }
        let all = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let from = max(1, first), to = min(all.count, max(from, last))
        guard from <= to else { return [] }
        return (from...to).map { ($0, String(all[$0 - 1])) }
    }

    /// Notice `noticeID`'s text, at least its first `extent` bytes.
    private func source(of noticeID: Int64, reaching extent: Int) throws -> Data? {
        if revalidating {
            // Two counters read from the connection, no query: SQLite's data version (bumped by
            // every commit, this connection's too) and the rows this connection has written.
            var version: UInt32 = 0
            _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_DATA_VERSION, &version)
            let now = (dataVersion: version, changes: sqlite3_total_changes64(db.sqliteConnection))
            if checkedAt == nil || checkedAt! != now {
                checked.removeAll()
                checkedAt = now
            }
        }
        let kept = recent.first { $0.id == noticeID }
        let reaches = kept.map { $0.whole || $0.text.count >= extent } ?? false
        if let kept, reaches, !revalidating || checked.contains(noticeID) { return kept.text }
        guard let deflated = try Data.fetchOne(db.cachedStatement(sql: "SELECT deflated FROM notice_texts WHERE notice_id = ?"),
                                               arguments: [noticeID]) else { return nil }
        checked.insert(noticeID)
        let same = kept.map { !revalidating || $0.deflated == deflated } ?? false
        if let kept, same, reaches { return kept.text }
        // A prefix the first time (prefixFirst); all of it when a kept prefix fell short (the rows
        // of a notice come in order: a prefix at a time would inflate it again for each).
        let whole = !prefixFirst || (same && !reaches)
        let text = try StoredText.inflatedBytes(deflated, atLeast: whole ? nil : extent)
        recent.removeAll { $0.id == noticeID }
        recent.insert((noticeID, revalidating ? deflated : Data(), text, whole || text.count < extent), at: 0)
        if recent.count > Self.kept { recent.removeLast() }
        return text
    }

    /// `policydex_text(notice_id, spans)`: the views `tasks` and `notices` (schema v11) show their
    /// texts through it, for the full-text indexes' reads and the delete triggers. Registered on
    /// every connection, with a revalidating reader of its own. Pieces it cannot resolve are an
    /// error (SQLITE_CORRUPT), not an empty text: a delete trigger would otherwise take nothing
    /// out of the full-text index and leave the row's postings behind.
    static func function(for db: Database) -> DatabaseFunction {
        let reader = StoredTextReader(db, revalidating: true)
        return DatabaseFunction("policydex_text", argumentCount: 2, pure: false) { values in
            guard let id = Int64.fromDatabaseValue(values[0]), let spans = Data.fromDatabaseValue(values[1]) else { return nil }
            guard let text = reader.decoded(notice: id, spans: spans) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "notice \(id): its stored text does not hold the pieces of a row's text")
            }
            return text
        }
    }
}
