import Foundation
import GRDB
import NoticeText

/// One notice answering `search --notices`.
public struct NoticeHit: Sendable, Equatable, Encodable {
    public var file: String
    public var title: String?
    public var issuer: String?
    public var year: Int?
    /// How many of its tasks hold some word of the query.
    public var tasks: Int
    /// Where its own text (title, preamble, headings …) holds the query, highlighted; "" when
    /// only its tasks do.
    public var snippet: String
}

/// `search --notices`: the notices holding every word of a query anywhere, in their tasks or in
/// their own text (title, issuer, preamble, goals, organisation paragraphs, headings).
public struct NoticeSearchResult: Sendable, Equatable, Encodable {
    public var query: String
    public var total: Int
    public var notices: [NoticeHit]
}

extension Search {
    /// Words are ANDed across the whole notice (not within one task), OR-alternatives and
    /// exclusions as in a task search. Matching is FTS5's over the policydex tokens: a Chinese word
    /// is its run of character pairs, so it matches as written.
    public func notices(_ text: String, limit: Int = 20, highlight: (open: String, close: String) = ("[", "]")) throws -> NoticeSearchResult {
        let query = try SearchQuery.parse(text)
        return try store.read { db in
            func noticesHolding(_ term: SearchQuery.Term) throws -> Set<Int64> {
                guard let expr = Self.noticeExpression(term) else { return [] }
                var ids = Set(try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT t.notice_id FROM tasks_fts f JOIN tasks t ON t.id = f.rowid WHERE tasks_fts MATCH ?
                    """, arguments: [expr]))
                ids.formUnion(try Int64.fetchAll(db, sql: "SELECT rowid FROM notices_fts WHERE notices_fts MATCH ?", arguments: [expr]))
                return ids
            }
            var found: Set<Int64>?
            for clause in query.clauses {
                var any = Set<Int64>()
                for term in clause { any.formUnion(try noticesHolding(term)) }
                found = found.map { $0.intersection(any) } ?? any
            }
            var ids = found ?? []
            for term in query.excluded { ids.subtract(try noticesHolding(term)) }

            let positive = query.clauses.flatMap { $0 }.compactMap(Self.noticeExpression)
            let anyWord = positive.isEmpty ? nil : positive.joined(separator: " OR ")
            // Each full-text query runs once over the whole index, never once per notice: a prefix
            // term (办 is "办" *) merges every doclist it names at each run, and a MATCH per
            // notice made `search --notices 办` at 10,000 notices run for minutes.
            var taskCounts: [Int64: Int] = [:]
            if let anyWord {
                for row in try Row.fetchAll(db, sql: """
                    SELECT t.notice_id AS id, count(*) AS n FROM tasks_fts f JOIN tasks t ON t.id = f.rowid
                    WHERE tasks_fts MATCH ? GROUP BY t.notice_id
                    """, arguments: [anyWord]) {
                    taskCounts[row["id"]] = row["n"]
                }
            }
            var hits: [(id: Int64, hit: NoticeHit)] = []
            for chunk in IDList.chunks(Array(ids)) {
                let (list, arguments) = IDList.sql(Array(chunk))
                for n in try Row.fetchAll(db, sql: "SELECT id, file, title, issuer, year FROM notices WHERE id IN \(list)", arguments: arguments) {
                    let id: Int64 = n["id"]
                    hits.append((id, NoticeHit(file: n["file"], title: n["title"], issuer: n["issuer"], year: n["year"],
                                               tasks: taskCounts[id] ?? 0, snippet: "")))
                }
            }
            // Notices with more matching tasks first, then the newest.
            hits.sort { ($0.hit.tasks, $0.hit.year ?? 0, $1.hit.file) > ($1.hit.tasks, $1.hit.year ?? 0, $0.hit.file) }
            var shown = Array(hits.prefix(limit))
            if let anyWord, !shown.isEmpty {
                // Snippets of the shown notices only, in the same single pass (the CASE keeps the
                // id list from becoming a per-notice lookup of the full-text index).
                var snippets: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT id, s FROM (SELECT rowid AS id, CASE WHEN rowid IN (SELECT value FROM json_each(?))
                        THEN snippet(notices_fts, -1, ?, ?, '…', 24) END AS s FROM notices_fts WHERE notices_fts MATCH ?)
                    WHERE s IS NOT NULL
                    """, arguments: ["[" + shown.map { String($0.id) }.joined(separator: ",") + "]", highlight.open, highlight.close, anyWord]) {
                    snippets[row["id"]] = (row["s"] as String).replacingOccurrences(of: "\n", with: " ")
                }
                for i in shown.indices { shown[i].hit.snippet = snippets[shown[i].id] ?? "" }
            }
            return NoticeSearchResult(query: text, total: hits.count, notices: shown.map(\.hit))
        }
    }

    /// A term's FTS5 expression at the notice level. A term of Latin letters or digits alone (APP,
    /// 110) has none in a task search (it may be the tail of a longer token there, so the task
    /// tier scans); here it is read as a token or a token's start ("app" *).
    static func noticeExpression(_ term: SearchQuery.Term) -> String? {
        if let expr = MatchExpression.forTerm(term) { return expr }
        let runs = term.parts.filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy { Tokenizer.isWordScalar($0.value) && !Tokenizer.isCJK($0.value) } }
        guard !runs.isEmpty, runs.count == term.parts.count else { return nil }
        return "(" + runs.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\" *" }.joined(separator: " AND ") + ")"
    }
}
