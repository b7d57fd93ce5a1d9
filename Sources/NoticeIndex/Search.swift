import Foundation
import GRDB
import NoticeText
import NoticeVocabulary

/// Full-text search over task texts with exact substring semantics: a task matches when its
/// folded text contains every part of every clause (one alternative per OR clause) and none of
/// the excluded terms. FTS5 (policydex tokenizer, BM25) narrows and ranks; where it cannot decide,
/// the folded text does. When a query finds nothing, unquoted terms are split into ICU words and tried
/// again (托育机构反恐 → 托育 AND 机构 AND 反恐).
public struct Search: Sendable {
    public let store: IndexStore
    private let expansions: LoadedOnce<Thesaurus>

    /// Expansions for the related tier (the genre thesaurus plus a user's synonyms.txt), read the
    /// first time a search widens: a query the exact tier answers never parses it.
    public var thesaurus: Thesaurus { expansions.value }

    public init(store: IndexStore, thesaurus: Thesaurus = Thesaurus()) {
        self.init(store: store, loadingThesaurus: { thesaurus })
    }

    public init(store: IndexStore, loadingThesaurus: @escaping @Sendable () -> Thesaurus) {
        self.store = store
        self.expansions = LoadedOnce(loadingThesaurus)
    }

    /// Parses and runs `text`. Tier 1: the tasks whose text contains the query, first and
    /// complete (the exact property). Tier 2, only when tier 1 is short of the limit and
    /// `exactOnly` is off: tasks containing the query's words with their thesaurus expansions
    /// ("expanded" when an expansion is what they contain), then tasks sharing some of those
    /// words, ranked by how many they cover ("related"). Throws `QueryError` for a malformed query
    /// and `IndexError` for an unknown `--dept` or `--doc`.
    public func run(_ text: String, filters: SearchFilters = SearchFilters()) throws -> SearchResult {
        try store.read { db in
            var result = try tiered(text, filters: filters, db)
            guard !filters.allYears, !result.hits.isEmpty else { return result }
            // Current answers first: within each tier, tasks of a notice that a newer edition of
            // its series supersedes move after the others and say so.
            let superseded = try EditionChains.superseded(among: Set(result.hits.map(\.doc)), db)
            for i in result.hits.indices { result.hits[i].earlier = superseded.contains(result.hits[i].doc) }
            let exact = result.hits.filter { $0.match == "exact" }, rest = result.hits.filter { $0.match != "exact" }
            result.hits = exact.filter { !$0.earlier } + exact.filter(\.earlier) + rest.filter { !$0.earlier } + rest.filter(\.earlier)
            return result
        }
    }

    func tiered(_ text: String, filters: SearchFilters, _ db: Database) throws -> SearchResult {
        let query = try SearchQuery.parse(text)
        let scope = try Scope(filters: filters, db)
        var result = try run(query, scope: scope, filters: filters, text: text, db)
        for i in result.hits.indices { result.hits[i].match = "exact" }
        result.intent = SearchQuery.intent(of: SearchFolding.key(text))
        if result.total == 0 { result.note = try emptyNote(text, filters: filters, db) }
        // In no task as written: the corpus words it may have meant (信仿 → 信访, 电诈 → 电信网络诈).
        if result.total == 0, query.clauses.count == 1, query.clauses[0].count == 1, !query.clauses[0][0].isPhrase {
            result.suggestions = try CorpusVocabulary.suggestions(for: SearchFolding.key(query.clauses[0][0].text), db)
        }
        guard !filters.exactOnly, result.hits.count < filters.limit else { return result }
        let words = try grounded(widening(query, suggestions: result.suggestions), scope: scope, db)
        guard !words.isEmpty else { return result }
        let added = try related(query, words: words, scope: scope, filters: filters, intent: result.intent,
                                excluding: Set(result.hits.map(\.id)), room: filters.limit - result.hits.count, db)
        result.hits += added
        result.exactTotal = result.total
        result.total += added.count
        if result.total > 0 { result.note = nil }
        var listed = Set<String>()
        result.widened = words.flatMap { $0.alternatives.map(\.text) }.filter { listed.insert($0).inserted }
        return result
    }

    /// Why a search found nothing, when a filter or the query's script explains it.
    func emptyNote(_ text: String, filters: SearchFilters, _ db: Database) throws -> String? {
        if let year = filters.year, try Int.fetchOne(db, sql: "SELECT count(*) FROM notices WHERE year = ?", arguments: [year]) == 0 {
            let years = try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM notices WHERE year IS NOT NULL ORDER BY year")
            return "--year \(year): no notice of \(year) in the index (years: \(years.map(String.init).joined(separator: ", ")))"
        }
        if !text.unicodeScalars.contains(where: { Tokenizer.isCJK($0.value) }) {
            // The units with the most tasks are a place to start.
            let units = try String.fetchAll(db, sql: """
                SELECT u.name FROM units u JOIN task_units tu ON tu.unit_id = u.id
                GROUP BY u.id ORDER BY count(*) DESC, u.name LIMIT 5
                """)
            return "the notices are in Chinese: '\(text)' matches no task; search with Chinese words (消防, 信访, 反诈 …)"
                + (units.isEmpty ? "" : " or a unit (" + units.joined(separator: "、") + ")")
        }
        return nil
    }

    func run(_ query: SearchQuery, scope: Scope, filters: SearchFilters, text: String, _ db: Database) throws -> SearchResult {
        let selection = Self.selection(query, scope: scope)
        let total: Int
        let found: [(rowID: Int64, score: Double)]
        if selection.checksText {
            // Every match is read once to be checked: counted and ranked from that one pass.
            let all = try Self.checkedRows(selection, db)
            total = all.count
            found = Self.best(all, limit: filters.limit)
        } else if selection.ranksByIndex, filters.limit > 0 {
            // Ranking scores every match once, so it counts them too: no second pass over the
            // doclists (10,000 notices: 消防安全 counted in 1.3 ms of its 6.7), in a scope too.
            (found, total) = try rankedAndCounted(selection, limit: filters.limit, db)
        } else {
            total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(selection.from)\(selection.whereClause)",
                                     arguments: StatementArguments(selection.arguments)) ?? 0
            // Ranked ids only: the hit loader reads each winner's row once (10,000 hits of 信访 had
            // every row read twice).
            found = try ranked(selection, limit: filters.limit, db)
        }
        let hits = try HitLoader.load(found.map { HitLoader.Row(rowID: $0.rowID, score: $0.score, role: nil) },
                                      parts: query.positiveParts, filters: filters, db)
        return SearchResult(query: text, total: total, hits: hits)
    }

    /// A task a query reaches, before its full record is loaded: enough to rank and deduplicate.
    struct Candidate {
        var rowID: Int64
        var taskID: String
        var score: Double
        var text: String
        /// The folded text, computed when asked: the related tier reads it, a listing does not.
        var key: String { SearchFolding.key(text) }
    }

    /// The best `limit` tasks of `query` in `scope`, by BM25 (or index order when the query has no
    /// tokens); equal scores in index order (a notice's tasks in order, notices as indexed), which
    /// the full-text index can keep while it ranks.
    func candidates(_ query: SearchQuery, scope: Scope, limit: Int, _ db: Database) throws -> [Candidate] {
        let best = try ranked(Self.selection(query, scope: scope), limit: limit, db)
        guard !best.isEmpty else { return [] }
        var records: [Int64: (task: String, text: String)] = [:]
        let reader = StoredTextReader(db, prefixFirst: true)
        for chunk in IDList.chunks(best.sorted { $0.rowID < $1.rowID }) {
            let (list, arguments) = IDList.sql(chunk.map(\.rowID))
            let rows = try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT id, task_id, notice_id, text_spans FROM task_rows WHERE id IN \(list)"),
                                             arguments: arguments)
            reader.expect(rows.map { (notice: $0["notice_id"] as Int64, spans: $0["text_spans"] as Data) })
            for row in rows { records[row["id"]] = (row["task_id"], reader.text(notice: row["notice_id"], spans: row["text_spans"])) }
        }
        return best.compactMap { r in records[r.rowID].map { Candidate(rowID: r.rowID, taskID: $0.task, score: r.score, text: $0.text) } }
    }

    /// The best `limit` task rows of a selection with their scores (BM25, higher is better; equal
    /// scores in index order: a notice's tasks in order, notices as indexed). A selection the
    /// index decides alone is ranked inside the full-text index, reading no task row.
    func ranked(_ selection: Selection, limit: Int, _ db: Database) throws -> [(rowID: Int64, score: Double)] {
        guard limit > 0 else { return [] }
        if selection.checksText { return Self.best(try Self.checkedRows(selection, db), limit: limit) }
        if selection.ranksByIndex { return try rankedAndCounted(selection, limit: limit, db).rows }
        return try ordered(selection, limit: limit, db)
    }

    /// The first `limit` rows of a selection by its rank, in SQL.
    private func ordered(_ selection: Selection, limit: Int, _ db: Database) throws -> [(rowID: Int64, score: Double)] {
        try GRDB.Row.fetchAll(db, sql: """
            SELECT t.id AS id, \(selection.rank) AS rank FROM \(selection.from)\(selection.whereClause) ORDER BY rank, t.id LIMIT ?
            """, arguments: StatementArguments(selection.arguments + [limit]))
            .map { (rowID: $0["id"], score: -($0["rank"] as Double)) }
    }

    /// The best `limit` rows of a selection the full-text index ranks, and how many match: the
    /// ranking pass scores each match once (each the scope keeps), and counts them. A selection
    /// the index decides alone is ranked without reading task rows, and a lone phrase without
    /// its IDF (one pass over its doclist, not two), scaled after to bm25()'s bits.
    func rankedAndCounted(_ selection: Selection, limit: Int, _ db: Database) throws -> (rows: [(rowID: Int64, score: Double)], total: Int) {
        guard selection.indexAlone != nil else {
            let (rows, total) = try Self.counting(db) { try ordered(selection, limit: limit, db) }
            return (rows, total)
        }
        // Cached statements: a server answers these many times over.
        let ((rows, idf), total) = try Self.counting(db) {
            (try GRDB.Row.fetchAll(db.cachedStatement(sql: """
                SELECT rowid AS id, \(TaskRank.deferredName)(tasks_fts, 1.0, 0.5) AS rank FROM tasks_fts WHERE tasks_fts MATCH ?
                ORDER BY rank, rowid LIMIT ?
                """), arguments: [selection.indexAlone, limit + Self.tieMargin]),
             // Read before the count: taking the count resets the tally the IDF is worked out from.
             try Double.fetchOne(db.cachedStatement(sql: "SELECT \(TaskRank.idfName)()")))
        }
        // Scaled, two scores a float apart may round to one, and bm25() orders those by rowid:
        // a few rows beyond the cut are fetched, so one of them that ties the last shown can
        // take its place as bm25() would give it.
        let scored = rows.map { row in (rowID: row["id"] as Int64, score: (idf ?? 1) * -(row["rank"] as Double)) }
        return (Self.best(scored, limit: limit), total)
    }

    /// `body`'s answer, and how many rows the rank function scored while it ran (the tally is
    /// taken, which resets it, before and after).
    static func counting<T>(_ db: Database, _ body: () throws -> T) throws -> (T, Int) {
        let tally = try db.cachedStatement(sql: "SELECT \(TaskRank.rowsName)()")
        _ = try Int.fetchOne(tally)
        let answer = try body()
        return (answer, try Int.fetchOne(tally) ?? 0)
    }

    /// Rows fetched beyond a deferred ranking's cut (see `rankedAndCounted`).
    static let tieMargin = 8

    /// Whether any task in `scope` matches `query`: the first match, unranked (ranking a common
    /// word's every task only to learn that one exists is what `candidates(limit: 1)` would cost).
    static func holdsAny(_ query: SearchQuery, scope: Scope, _ db: Database) throws -> Bool {
        let selection = Self.selection(query, scope: scope)
        if selection.checksText { return try !checkedRows(selection, first: true, db).isEmpty }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(selection.from)\(selection.whereClause))",
                                 arguments: StatementArguments(selection.arguments)) ?? false
    }

    /// The rows of a selection that checks text, with their scores (unordered; `first`: stop at
    /// the first). SQL selects what the index and the scope decide, in index order (a notice's
    /// tasks together, so its text is inflated once); each text is then folded and checked here.
    static func checkedRows(_ selection: Selection, first: Bool = false, _ db: Database) throws -> [(rowID: Int64, score: Double)] {
        let reader = StoredTextReader(db)
        var out: [(rowID: Int64, score: Double)] = []
        // Asked only whether one exists, the rows are not ranked (a rank reads each phrase's doclist).
        let rows = try GRDB.Row.fetchCursor(db, sql: """
            SELECT t.id AS id, \(first ? Selection.unranked : selection.rank) AS rank, t.notice_id, t.text_spans FROM \(selection.from)\(selection.whereClause)
            """, arguments: StatementArguments(selection.arguments))
        while let row = try rows.next() {
            let key = SearchFolding.key(reader.text(notice: row["notice_id"], spans: row["text_spans"]))
            guard selection.accepts(key) else { continue }
            out.append((row["id"], -(row["rank"] as Double)))
            if first { break }
        }
        return out
    }

    /// The best `limit` of scored rows: higher score first, equal scores in index order (as
    /// `ORDER BY rank, t.id` ranks them).
    static func best(_ rows: [(rowID: Int64, score: Double)], limit: Int) -> [(rowID: Int64, score: Double)] {
        Array(rows.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rowID < $1.rowID }.prefix(max(0, limit)))
    }

    /// The tables, rank and conditions that select `query` in `scope`: FTS5 narrows and ranks when
    /// the query has index tokens; the folded text decides what the index cannot (`Selection.accepts`).
    static func selection(_ query: SearchQuery, scope: Scope) -> Selection {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        var from = "task_rows t JOIN notice_rows n ON n.id = t.notice_id"
        var rank = Selection.unranked
        var match = MatchExpression.forQuery(query)
        var excluded = query.excluded
        if let positive = match {
            // An excluded term the index decides exactly is left out by the index (`A NOT B`), not
            // by reading and folding every candidate's text ("风险排查" -演练: 89 → 5 ms at 10,000).
            let decided = excluded.filter { $0.parts.allSatisfy(MatchExpression.decidesAlone) }
            let expressions = decided.compactMap(MatchExpression.forTerm)
            if !decided.isEmpty, expressions.count == decided.count {
                match = "(" + positive + ")" + expressions.map { " NOT " + $0 }.joined()
                excluded.removeAll { term in decided.contains(term) }
            }
        }
        if let match {
            // CROSS JOIN: the full-text index drives. Driven by a scope (one notice's tasks), SQLite
            // probed it once per task, and a prefix term (办) merges every doclist it names at each
            // probe: `办 --doc` 0.44 → 0.15 s at 10,000 notices.
            from = "tasks_fts CROSS JOIN task_rows t ON t.id = tasks_fts.rowid JOIN notice_rows n ON n.id = t.notice_id"
            rank = "\(TaskRank.name)(tasks_fts, 1.0, 0.5)"
            conditions.append("tasks_fts MATCH ?")
            arguments.append(match)
        }
        // A clause the MATCH expression decides exactly needs no check of its own.
        let checked = query.clauses.filter { clause in
            match == nil || !clause.allSatisfy { $0.parts.allSatisfy(MatchExpression.decidesAlone) }
        }
        conditions.append(contentsOf: scope.conditions)
        arguments.append(contentsOf: scope.arguments)
        return Selection(from: from, rank: rank, whereClause: conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "),
                         arguments: arguments,
                         indexAlone: conditions.count == 1 && checked.isEmpty && excluded.isEmpty ? match : nil,
                         clauses: checked.map { $0.map(\.parts) }, excluded: excluded.map(\.parts))
    }

    /// The SQL pieces that select a query's tasks.
    struct Selection {
        var from: String
        var rank: String
        var whereClause: String
        var arguments: [any DatabaseValueConvertible]
        /// The MATCH expression, when it is the only condition (no text to check, no filter): the
        /// full-text index then counts and ranks alone.
        var indexAlone: String?
        /// What the folded text must hold where the index cannot decide: for each clause, all parts
        /// of one of its alternatives; and for no excluded term, all of its parts.
        var clauses: [[[String]]] = []
        var excluded: [[String]] = []

        var checksText: Bool { !clauses.isEmpty || !excluded.isEmpty }
        /// Ranked by the full-text index's rank function (the query has index tokens).
        var ranksByIndex: Bool { rank != Selection.unranked }
        /// The rank of a selection without index tokens: every row ranks the same.
        static let unranked = "0.0"

        func accepts(_ key: String) -> Bool {
            clauses.allSatisfy { $0.contains { $0.allSatisfy(key.contains) } } && !excluded.contains { $0.allSatisfy(key.contains) }
        }
    }
}

/// A value computed the first time it is read, then kept (thread-safe).
final class LoadedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var load: (@Sendable () -> Value)?
    private var loaded: Value?

    init(_ load: @escaping @Sendable () -> Value) {
        self.load = load
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let v = load!()
        loaded = v
        load = nil
        return v
    }
}
