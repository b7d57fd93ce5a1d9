import Foundation
import GRDB
import NoticeText
import NoticeVocabulary

/// Full-text search over task texts with exact substring semantics: a task matches when its
/// folded text contains every part of every clause (one alternative per OR clause) and none of
/// the excluded terms. FTS5 (policydex tokenizer, BM25) narrows and ranks; `instr` on the folded
/// text decides. When a query finds nothing, unquoted terms are split into ICU words and tried
/// again (托育机构反恐 → 托育 AND 机构 AND 反恐).
public struct Search: Sendable {
    public let store: IndexStore
    /// Expansions for the related tier (the genre thesaurus plus a user's synonyms.txt).
    public let thesaurus: Thesaurus

    public init(store: IndexStore, thesaurus: Thesaurus = Thesaurus()) {
        self.store = store
        self.thesaurus = thesaurus
    }

    /// Parses and runs `text`. Tier 1: the tasks whose text contains the query, first and
    /// complete (the exact property). Tier 2, only when tier 1 is short of the limit and
    /// `exactOnly` is off: tasks containing the query's words with their thesaurus expansions
    /// ("expanded" when an expansion is what they contain), then tasks sharing some of those
    /// words, ranked by how many they cover ("related"). Throws `QueryError` for a malformed query
    /// and `IndexError` for an unknown `--dept` or `--doc`.
    public func run(_ text: String, filters: SearchFilters = SearchFilters()) throws -> SearchResult {
        var result = try tiered(text, filters: filters)
        if !filters.allYears, !result.hits.isEmpty {
            // Current answers first: within each tier, tasks of a notice that a newer edition of
            // its series supersedes move after the others and say so.
            let docs = Set(result.hits.map(\.doc))
            let superseded = try store.read { db in try EditionChains.superseded(among: docs, db) }
            for i in result.hits.indices { result.hits[i].earlier = superseded.contains(result.hits[i].doc) }
            let exact = result.hits.filter { $0.match == "exact" }, rest = result.hits.filter { $0.match != "exact" }
            result.hits = exact.filter { !$0.earlier } + exact.filter(\.earlier) + rest.filter { !$0.earlier } + rest.filter(\.earlier)
        }
        return result
    }

    func tiered(_ text: String, filters: SearchFilters) throws -> SearchResult {
        let query = try SearchQuery.parse(text)
        return try store.read { db in
            let scope = try Scope(filters: filters, db)
            var result = try run(query, scope: scope, filters: filters, text: text, db)
            for i in result.hits.indices { result.hits[i].match = "exact" }
            result.intent = SearchQuery.intent(of: text)
            let answers: (TaskHit) -> Bool = { h in
                switch result.intent {
                case .metrics?: return !h.metrics.isEmpty
                case .deadlines?: return !h.deadlines.isEmpty
                case .lead?: return !h.lead.isEmpty || !h.responsible.isEmpty
                case nil: return false
                }
            }
            if result.total == 0 { result.note = try emptyNote(text, filters: filters, db) }
            // In no task as written: the corpus words it may have meant (信仿 → 信访, 电诈 → 电信网络诈).
            if result.total == 0, query.clauses.count == 1, query.clauses[0].count == 1, !query.clauses[0][0].isPhrase {
                result.suggestions = try CorpusVocabulary.suggestions(for: SearchFolding.key(query.clauses[0][0].text), db)
            }
            guard !filters.exactOnly, result.hits.count < filters.limit else { return result }
            let words = widening(query, suggestions: result.suggestions)
            guard !words.isEmpty else { return result }
            var seen = Set(result.hits.map(\.id))
            var extra: [TaskHit] = []
            let room = filters.limit - result.hits.count
            let pool = SearchFilters(dept: filters.dept, role: filters.role, year: filters.year, doc: filters.doc,
                                     limit: max(room * 4, 40), highlight: filters.highlight)
            // Every word as written (the query's own words, cut from its question), then every word
            // through any of its alternatives, then any word: ranked by how many words it covers.
            // The topic phrases left once question and role words are cut (哪个科室牵头网络安全 → 网络安全) come first.
            let phrases = query.clauses.flatMap { $0.filter { !$0.isPhrase }.flatMap { SearchQuery.questionStripped($0.text) } }
                .filter(Tokenizer.hasTokens)
                .map { SearchQuery.Term(text: $0, parts: [SearchFolding.key($0)], isPhrase: false) }
            let ownPhrases = SearchQuery(clauses: phrases.map { [$0] }, excluded: query.excluded)
            let ownWords = SearchQuery(clauses: words.map { [$0.alternatives[0]] }, excluded: query.excluded)
            let allWords = SearchQuery(clauses: words.map { $0.alternatives }, excluded: query.excluded)
            // Any word, and any ICU word of a multi-word alternative (非法行医 → 行医), ranked by coverage.
            let pieces = words.flatMap(\.alternatives).flatMap { alt -> [SearchQuery.Term] in
                alt.parts.count > 1 ? alt.parts.map { SearchQuery.Term(text: $0, parts: [$0], isPhrase: false) } : [alt]
            }
            // Last resort: a query none of whose words is in any task is read by its character
            // pairs (扩托位这事归 → 托位), the way the index itself reads Chinese.
            var bigrams: [SearchQuery.Term] = []
            if try run(SearchQuery(clauses: [pieces], excluded: query.excluded), scope: scope,
                       filters: SearchFilters(limit: 1), text: text, db).total == 0 {
                var seenPairs = Set<String>()
                for w in words {
                    let chars = Array(w.alternatives[0].parts[0])
                    guard chars.count >= 3 else { continue }
                    for k in 0..<(chars.count - 1) {
                        let pair = String(chars[k...(k + 1)])
                        if pair.unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }), seenPairs.insert(pair).inserted {
                            bigrams.append(SearchQuery.Term(text: pair, parts: [pair], isPhrase: false))
                        }
                    }
                }
            }
            let covered = bigrams.isEmpty ? words : words + bigrams.map { Widened(alternatives: [$0]) }
            let anyWord = SearchQuery(clauses: [pieces + bigrams], excluded: query.excluded)
            // A unit named in the query (医政科 医疗纠纷) is a role, not text: its tasks about the rest.
            var unitTier: (SearchQuery, Scope)?
            if filters.dept == nil, words.count >= 2 {
                for (i, w) in words.enumerated() {
                    // The unit as this notice or a neighbouring one writes it (县医保局 / 医疗保障局).
                    guard let ids = UnitDirectory.resolveLoosely(w.alternatives[0].text, db), let id = ids.first,
                          let name = try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = ?", arguments: [id]) else { continue }
                    var f = pool
                    f.dept = name
                    guard let unitScope = try? Scope(filters: f, db) else { continue }
                    let topic = words.enumerated().filter { $0.offset != i }.map(\.element.alternatives)
                    unitTier = (SearchQuery(clauses: [topic.flatMap { $0 }], excluded: query.excluded), unitScope)
                    break
                }
            }
            if let (q, unitScope) = unitTier {
                for var h in try run(q, scope: unitScope, filters: pool, text: text, db).hits where !seen.contains(h.id) {
                    h.match = "related"
                    seen.insert(h.id)
                    extra.append(h)
                }
            }
            let tiers = (phrases.isEmpty ? [] : [(0, ownPhrases)]) + [(0, ownWords), (0, allWords), (1, anyWord)]
            for (tier, q) in tiers where extra.count < room {
                var hits = try run(q, scope: scope, filters: pool, text: text, db).hits.filter { !seen.contains($0.id) }
                let keys = hits.map { SearchFolding.key($0.text) }
                let coverage = keys.map { key in covered.filter { w in w.alternatives.contains { $0.parts.allSatisfy(key.contains) } }.count }
                if tier == 1 {
                    // More of the query's words first; among equals, tasks that hold what a question asks for.
                    let order = hits.indices.sorted {
                        if coverage[$0] != coverage[$1] { return coverage[$0] > coverage[$1] }
                        if answers(hits[$0]) != answers(hits[$1]) { return answers(hits[$0]) }
                        return hits[$0].score > hits[$1].score
                    }
                    hits = order.map { hits[$0] }
                }
                for var h in hits {
                    let key = SearchFolding.key(h.text)
                    // Expansions only: a word's own ICU words (same text) are not an expansion.
                    let through = words.flatMap { w in w.alternatives.dropFirst().filter { $0.text != w.alternatives[0].text } }
                        .filter { $0.parts.allSatisfy(key.contains) }.map(\.text)
                    h.match = !through.isEmpty ? "expanded" : "related"
                    h.expanded = through.isEmpty ? nil : Array(Set(through)).sorted()
                    seen.insert(h.id)
                    extra.append(h)
                }
                if extra.count >= room { break }
            }
            let added = Array(extra.prefix(room))
            result.hits += added
            result.exactTotal = result.total
            result.total += added.count
            if result.total > 0 { result.note = nil }
            var listed = Set<String>()
            result.widened = words.flatMap { $0.alternatives.map(\.text) }.filter { listed.insert($0).inserted }
            return result
        }
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

    /// One word of a query with its alternatives (itself first, then its thesaurus expansions).
    struct Widened {
        var alternatives: [SearchQuery.Term]
    }

    /// The words a query is widened through: each unquoted term's topical words (question and
    /// role words cut), or the term itself, each with its thesaurus expansions.
    func widening(_ query: SearchQuery, suggestions: [String] = []) -> [Widened] {
        let breaker = WordBreaker()
        var out: [Widened] = []
        var seen = Set<String>()
        func term(_ t: String) -> SearchQuery.Term { SearchQuery.Term(text: t, parts: [SearchFolding.key(t)], isPhrase: false) }
        // The thesaurus is read in the query's own script and in Simplified (消防安全檢查 → 消防安全检查).
        func direct(_ t: String) -> [String] {
            var list = thesaurus.expansions(of: t)
            for e in thesaurus.expansions(of: SearchFolding.key(t)) where !list.contains(e) { list.append(e) }
            return list
        }
        // One more hop: an expansion's own equivalents (保安 → 专职保安 → …), after the direct ones.
        func expansions(_ t: String) -> [String] {
            var list = direct(t)
            for e in list { for f in direct(e) where f != t && !list.contains(f) { list.append(f) } }
            return list
        }
        for clause in query.clauses {
            for t in clause {
                // The whole term first: 电动车 is a thesaurus word before it is two ICU words; a
                // query in no task also stands for the corpus words it may have meant.
                let whole = expansions(t.text) + suggestions
                let pieces = t.isPhrase || !whole.isEmpty ? [t.text] : SearchQuery.questionStripped(t.text).flatMap { piece -> [String] in
                    if !expansions(piece).isEmpty { return [piece] }
                    let words = SearchQuery.topicalWords(of: piece, using: breaker)
                    return words.isEmpty ? [piece] : words
                }
                for piece in pieces where Tokenizer.hasTokens(piece) && seen.insert(SearchFolding.key(piece)).inserted {
                    var alternatives = [term(piece)] + (expansions(piece).prefix(8) + (piece == t.text ? suggestions : [])).map(term)
                    // A thesaurus word kept whole also stands for its ICU words, all required.
                    let words = SearchQuery.topicalWords(of: piece, using: breaker)
                    if alternatives.count > 1, words.count > 1 {
                        alternatives.append(SearchQuery.Term(text: piece, parts: words.map(SearchFolding.key), isPhrase: false))
                    }
                    out.append(Widened(alternatives: alternatives))
                }
            }
        }
        return out.count > 1 || out.first.map({ $0.alternatives.count > 1 || $0.alternatives[0].text != query.clauses.first?.first?.text }) == true
            ? out : []
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
