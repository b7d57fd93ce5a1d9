import GRDB
import NoticeText

/// Full-text search over task texts with exact substring semantics: a task matches when its
/// folded text contains every part of every clause (one alternative per OR clause) and none of
/// the excluded terms. FTS5 (policydex tokenizer, BM25) narrows and ranks; `instr` on the folded
/// text decides. When a query finds nothing, unquoted terms are split into ICU words and tried
/// again (托育机构反恐 → 托育 AND 机构 AND 反恐).
public struct Search: Sendable {
    public let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    /// Parses and runs `text`. Throws `QueryError` for a malformed query and `IndexError` for an
    /// unknown `--dept` or `--doc`.
    public func run(_ text: String, filters: SearchFilters = SearchFilters()) throws -> SearchResult {
        let query = try SearchQuery.parse(text)
        return try store.read { db in
            let scope = try Scope(filters: filters, db)
            var result = try run(query, scope: scope, filters: filters, text: text, db)
            // Nothing contains the query as written: first its topic phrases (question words cut),
            // then their words.
            let breaker = WordBreaker()
            if result.total == 0, let phrases = query.segmented(using: breaker, keepPhrases: true) {
                result = try run(phrases, scope: scope, filters: filters, text: text, db)
            }
            if result.total == 0, let split = query.segmented(using: breaker) {
                result = try run(split, scope: scope, filters: filters, text: text, db)
            }
            return result
        }
    }

    func run(_ query: SearchQuery, scope: Scope, filters: SearchFilters, text: String, _ db: Database) throws -> SearchResult {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        let match = MatchExpression.forQuery(query)
        var from = "tasks t JOIN notices n ON n.id = t.notice_id"
        var rank = "0.0"
        if let match {
            from = "tasks_fts JOIN tasks t ON t.id = tasks_fts.rowid JOIN notices n ON n.id = t.notice_id"
            rank = "bm25(tasks_fts, 1.0, 0.5)"
            conditions.append("tasks_fts MATCH ?")
            arguments.append(match)
        }
        for clause in query.clauses {
            var alternatives: [String] = []
            for term in clause {
                alternatives.append("(" + term.parts.map { _ in "instr(t.text_key, ?) > 0" }.joined(separator: " AND ") + ")")
                arguments.append(contentsOf: term.parts)
            }
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        for term in query.excluded {
            conditions.append("NOT (" + term.parts.map { _ in "instr(t.text_key, ?) > 0" }.joined(separator: " AND ") + ")")
            arguments.append(contentsOf: term.parts)
        }
        conditions.append(contentsOf: scope.conditions)
        arguments.append(contentsOf: scope.arguments)
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from)\(whereClause)",
                                     arguments: StatementArguments(arguments)) ?? 0
        let rows = try GRDB.Row.fetchAll(db, sql: """
            SELECT t.id AS id, \(rank) AS rank FROM \(from)\(whereClause)
            ORDER BY rank, n.file, t.ordinal LIMIT ?
            """, arguments: StatementArguments(arguments + [max(0, filters.limit)]))
        let hitRows = rows.map { HitLoader.Row(rowID: $0["id"], score: -($0["rank"] as Double), role: nil) }
        let hits = try HitLoader.load(hitRows, parts: query.positiveParts, filters: filters, db)
        return SearchResult(query: text, total: total, hits: hits)
    }
}
