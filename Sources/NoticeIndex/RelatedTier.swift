import Foundation
import GRDB
import NoticeText
import NoticeVocabulary

/// Tier 2 of a search: the tasks a query's words reach when its exact text is short of the limit.
/// Candidates are ranked by their folded text alone; full records are loaded only for the tasks listed.
extension Search {
    /// A related task chosen for the list: the query that reached it (for its snippet) and the
    /// thesaurus expansions it contains.
    private struct Pick {
        var candidate: Candidate
        var parts: [String]
        var expanded: [String]
    }

    /// Up to `room` tasks not in `excluding` (task ids): a unit named in the query first, then
    /// tasks holding the query's topic phrases, every word as written, every word through any of
    /// its alternatives, and last any word, ranked by how many words they cover.
    func related(_ query: SearchQuery, words: [Widened], scope: Scope, filters: SearchFilters,
                 intent: SearchQuery.Intent?, excluding: Set<String>, room: Int, _ db: Database) throws -> [TaskHit] {
        var seen = excluding
        var picks: [Pick] = []
        let pool = max(room * 4, 40)
        // Expansions only: a word's own ICU words (same text) are not an expansion.
        let expansionTerms = words.flatMap { w in w.alternatives.dropFirst().filter { $0.text != w.alternatives[0].text } }
        func pick(_ found: [Candidate], reachedBy q: SearchQuery, expansions: Bool) {
            for c in found where seen.insert(c.taskID).inserted {
                let through = expansions ? expansionTerms.filter { $0.parts.allSatisfy(c.key.contains) }.map(\.text) : []
                picks.append(Pick(candidate: c, parts: q.positiveParts, expanded: Array(Set(through)).sorted()))
            }
        }
        // A unit named in the query (医政科 医疗纠纷) is a role, not text: its tasks about the rest.
        // Its tasks come first only when they hold at least half the topic: a unit's task sharing one
        // common word (医疗) with a long question is no better an answer than any other task.
        if filters.dept == nil, let (q, unitScope, topic) = try unitTier(query, words: words, filters: filters, db) {
            let ranked = try Self.rankedByCoverage(try candidates(q, scope: unitScope, limit: pool, db), of: topic, intent: intent, db)
            pick(ranked.filter { Self.holdsHalf($0, of: topic) }, reachedBy: q, expansions: false)
        }
        // A place or issuer named in the query (渝北卫健委…, 武进医院…) picks its notices: their
        // tasks holding half the rest of the query come next.
        if filters.doc == nil, let (topic, noticeScope) = try noticeTier(words: words, scope: scope, db) {
            let q = SearchQuery(clauses: [topic.flatMap(\.alternatives)], excluded: query.excluded)
            let ranked = try Self.rankedByCoverage(try candidates(q, scope: noticeScope, limit: pool, db), of: topic, intent: intent, db)
            pick(ranked.filter { Self.holdsHalf($0, of: topic) }, reachedBy: q, expansions: true)
        }
        // The topic phrases left once question and role words are cut (哪个科室牵头网络安全 → 网络安全).
        let phrases = query.clauses.flatMap { $0.filter { !$0.isPhrase }.flatMap { SearchQuery.questionStripped($0.text) } }
            .filter(Tokenizer.hasTokens)
            .map { SearchQuery.Term(text: $0, parts: [SearchFolding.key($0)], isPhrase: false) }
        let ownWords = SearchQuery(clauses: words.map { [$0.alternatives[0]] }, excluded: query.excluded)
        let allWords = SearchQuery(clauses: words.map { $0.alternatives }, excluded: query.excluded)
        let ordered = (phrases.isEmpty ? [] : [SearchQuery(clauses: phrases.map { [$0] }, excluded: query.excluded)]) + [ownWords, allWords]
        for q in ordered where picks.count < room {
            pick(try Self.rankedByCoverage(try candidates(q, scope: scope, limit: pool, db), of: words, intent: intent, db),
                 reachedBy: q, expansions: true)
        }
        if picks.count < room {
            // Any word, and any ICU word of a multi-word alternative (非法行医 → 行医).
            let pieces = words.flatMap(\.alternatives).flatMap { alt -> [SearchQuery.Term] in
                alt.parts.count > 1 ? alt.parts.map { SearchQuery.Term(text: $0, parts: [$0], isPhrase: false) } : [alt]
            }
            var anyWord = SearchQuery(clauses: [pieces], excluded: query.excluded)
            var covered = words
            // Coverage reranks this pool, so it is wide: BM25 alone may rank a task holding most
            // of the query's words below tasks repeating one common word.
            var found = try candidates(anyWord, scope: scope, limit: Self.coveragePool, db)
            if found.isEmpty {
                // Last resort: a query none of whose words is in any task is read by its character
                // pairs (扩托位这事归 → 托位), the way the index itself reads Chinese.
                let pairs = Self.characterPairs(of: words)
                anyWord = SearchQuery(clauses: [pieces + pairs], excluded: query.excluded)
                covered += pairs.map { Widened(alternatives: [$0]) }
                found = pairs.isEmpty ? [] : try candidates(anyWord, scope: scope, limit: Self.coveragePool, db)
            }
            pick(try Self.rankedByCoverage(found.filter { !seen.contains($0.taskID) }, of: covered, intent: intent, db),
                 reachedBy: anyWord, expansions: true)
        }
        return try picks.prefix(room).map { p in
            var hit = try HitLoader.load([HitLoader.Row(rowID: p.candidate.rowID, score: p.candidate.score, role: nil)],
                                         parts: p.parts, filters: filters, db)[0]
            hit.match = p.expanded.isEmpty ? "related" : "expanded"
            hit.expanded = p.expanded.isEmpty ? nil : p.expanded
            return hit
        }
    }

    /// The query's first word that names a unit (as this notice or a neighbouring one writes it:
    /// 县医保局 / 医疗保障局), with the rest of its words as the query within that unit's tasks.
    func unitTier(_ query: SearchQuery, words: [Widened], filters: SearchFilters, _ db: Database) throws -> (SearchQuery, Scope, [Widened])? {
        guard words.count >= 2 else { return nil }
        for (i, w) in words.enumerated() {
            guard let id = UnitDirectory.resolveLoosely(w.alternatives[0].text, db)?.first,
                  let name = try String.fetchOne(db, sql: "SELECT name FROM units WHERE id = ?", arguments: [id]) else { continue }
            var unitFilters = filters
            unitFilters.dept = name
            guard let unitScope = try? Scope(filters: unitFilters, db) else { continue }
            let topic = words.enumerated().filter { $0.offset != i }.map(\.element)
            return (SearchQuery(clauses: [topic.flatMap(\.alternatives)], excluded: query.excluded), unitScope, topic)
        }
        return nil
    }

    /// The query's words that name notices by their issuer (渝北, 郑州, 武进, 广东省: words in the
    /// issuer of few notices, and not a generic body such as 卫健委 or 县医院),
    /// with the rest of its words as the topic within those notices.
    func noticeTier(words: [Widened], scope: Scope, _ db: Database) throws -> (topic: [Widened], scope: Scope)? {
        guard words.count >= 2 else { return nil }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM notices") ?? 0
        guard total >= 2 else { return nil }
        var named: Set<Int64>?
        var topic: [Widened] = []
        for w in words {
            let key = w.alternatives[0].parts.joined()
            guard key.count >= 2, key.unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }), !Self.isGenericBody(key),
                  let match = MatchExpression.forPart(key) else { topic.append(w); continue }
            // The issuer only (a title's words are topics as often as places: 艾滋病防治工作方案), and
            // there as a place, not as a topic word of a body's name (体制改革领导小组).
            let ids = try Self.notices(namingPlace: key, match: match, db)
            guard !ids.isEmpty, ids.count * 5 <= max(total, 10) else { topic.append(w); continue }
            named = named.map { $0.intersection(ids) } ?? ids
        }
        guard let named, !named.isEmpty, !topic.isEmpty else { return nil }
        var s = scope
        s.conditions.append("n.id IN \(IDList.marks(named.count))")
        s.arguments.append(contentsOf: Array(named))
        return (topic, s)
    }

    /// The notices whose issuer names `key` as a place (see `places(inIssuer:)`).
    static func notices(namingPlace key: String, match: String? = nil, _ db: Database) throws -> Set<Int64> {
        guard let match = match ?? MatchExpression.forPart(key) else { return [] }
        let place = placeName(key)
        return Set(try Row.fetchAll(db, sql: "SELECT n.id, n.issuer FROM notices_fts f JOIN notices n ON n.id = f.rowid WHERE notices_fts MATCH ?",
                                    arguments: ["issuer : (" + match + ")"])
            .filter { places(inIssuer: SearchFolding.key($0["issuer"] as String? ?? "")).contains(place) }.map { $0["id"] as Int64 })
    }

    /// The places an issuer names: each name before a level (重庆|市 渝北|区 → 重庆, 渝北), and what is
    /// left of the body's own name once its kind is taken off (常州市武进人民医院 → 常州, 武进).
    static func places(inIssuer issuer: String) -> Set<String> {
        var out = Set<String>()
        var current = ""
        for c in issuer {
            if Self.levels.contains(c), current.count >= 2 {
                out.insert(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        var rest = current
        var changed = true
        while changed {
            changed = false
            for suffix in GenreVocabulary.organisationSuffixes.sorted(by: { $0.count > $1.count }) + GenreVocabulary.bodyKindWords where rest.hasSuffix(suffix) && rest.count > suffix.count {
                rest = String(rest.dropLast(suffix.count))
                changed = true
                break
            }
        }
        // Only after a place (常州市 …): a body's name alone (国务院) names no place.
        if !out.isEmpty, rest.count >= 2, !isGenericBody(rest), rest != current { out.insert(rest) }
        return out
    }

    /// A query word as the place it may name: 渝北区 → 渝北, 广东省 → 广东.
    static func placeName(_ word: String) -> String {
        if let last = word.last, levels.contains(last), word.count >= 3 { return String(word.dropLast()) }
        return word
    }

    static let levels: Set<Character> = Set(GenreVocabulary.levelPrefixes.joined())

    /// A name that is only a kind of body: a level, an abbreviation and an ending (卫健委, 县医保局,
    /// 人民政府), with nothing of a place or a name left.
    static func isGenericBody(_ key: String) -> Bool {
        var rest = key
        for level in GenreVocabulary.levelPrefixes + ["本", "我"] where rest.hasPrefix(level) { rest = String(rest.dropFirst(level.count)); break }
        for suffix in GenreVocabulary.organisationSuffixes.sorted(by: { $0.count > $1.count }) where rest.hasSuffix(suffix) {
            rest = String(rest.dropLast(suffix.count))
            break
        }
        for (short, full) in GenreVocabulary.unitAbbreviations where rest == short || rest == full { rest = "" }
        return rest.count < 2 || GenreVocabulary.bodyKindWords.contains(rest)
    }

    /// More of the query's words first; among equals, tasks that hold what a question asks for; then BM25.
    static func rankedByCoverage(_ found: [Candidate], of words: [Widened], intent: SearchQuery.Intent?,
                                 _ db: Database) throws -> [Candidate] {
        let coverage = found.map { covered($0, by: words) }
        let adjacency = found.map { adjacentPairs($0, of: words) }
        let holding = try holdingAnswer(to: intent, among: found.map(\.rowID), db)
        let answers = found.map { holding.contains($0.rowID) }
        return found.indices.sorted {
            if coverage[$0] != coverage[$1] { return coverage[$0] > coverage[$1] }
            if adjacency[$0] != adjacency[$1] { return adjacency[$0] > adjacency[$1] }
            if answers[$0] != answers[$1] { return answers[$0] }
            return found[$0].score > found[$1].score
        }.map { found[$0] }
    }

    /// How many neighbouring words of the query the task writes side by side (病原微生物实验室的生物安全检查:
    /// a task saying 生物安全检查 is closer than one saying 生物安全 and 检查 apart).
    static func adjacentPairs(_ c: Candidate, of words: [Widened]) -> Int {
        zip(words, words.dropFirst()).filter { a, b in
            c.key.contains(a.alternatives[0].parts.joined() + b.alternatives[0].parts.joined())
        }.count
    }

    /// Whether the task holds at least half of the topic's words of two or more characters (a
    /// lone 年 or 处 left over from a sentence says nothing about the task).
    static func holdsHalf(_ c: Candidate, of topic: [Widened]) -> Bool {
        let words = topic.filter { $0.alternatives[0].parts.joined().count >= 2 }
        guard !words.isEmpty else { return covered(c, by: topic) * 2 >= topic.count }
        return covered(c, by: words) * 2 >= words.count
    }

    /// How many of `words` the task holds (through any alternative).
    static func covered(_ c: Candidate, by words: [Widened]) -> Int {
        words.filter { w in w.alternatives.contains { $0.parts.allSatisfy(c.key.contains) } }.count
    }

    /// Of `rowIDs`, the tasks that hold what a question asks for: a metric, a deadline, or a lead
    /// (or responsible) unit. One query for the whole pool.
    static func holdingAnswer(to intent: SearchQuery.Intent?, among rowIDs: [Int64], _ db: Database) throws -> Set<Int64> {
        guard !rowIDs.isEmpty else { return [] }
        let marks = IDList.marks(rowIDs.count)
        let sql: String
        switch intent {
        case .metrics?: sql = "SELECT DISTINCT task_id FROM metrics WHERE task_id IN \(marks)"
        case .deadlines?: sql = "SELECT DISTINCT task_id FROM deadlines WHERE task_id IN \(marks)"
        case .lead?: sql = "SELECT DISTINCT task_id FROM task_units WHERE role IN \(StoredRole.leadingCodes) AND task_id IN \(marks)"
        case nil: return []
        }
        return Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(rowIDs)))
    }

    /// The CJK character pairs of the query's words of three or more characters, once each.
    static func characterPairs(of words: [Widened]) -> [SearchQuery.Term] {
        var seen = Set<String>()
        var pairs: [SearchQuery.Term] = []
        for w in words {
            let chars = Array(w.alternatives[0].parts[0])
            guard chars.count >= 3 else { continue }
            for k in 0..<(chars.count - 1) {
                let pair = String(chars[k...(k + 1)])
                if pair.unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }), seen.insert(pair).inserted {
                    pairs.append(SearchQuery.Term(text: pair, parts: [pair], isPhrase: false))
                }
            }
        }
        return pairs
    }

    /// The words with each one that no task holds and nothing expands (县域医共体, 都装反诈: a
    /// colloquial run ICU cannot split) replaced by the corpus's own words: its longest pieces
    /// that some task holds (县域医 + 共体, 反诈), and for two to four characters the corpus words
    /// it may abbreviate or misspell. A word with no such piece is dropped: it can only cost coverage.
    func grounded(_ words: [Widened], scope: Scope, _ db: Database) throws -> [Widened] {
        var out: [Widened] = []
        var seen = Set(words.map { $0.alternatives[0].parts.joined() })
        func held(_ key: String) throws -> Bool {
            try Self.holdsAny(SearchQuery(clauses: [[SearchQuery.Term(text: key, parts: [key], isPhrase: false)]], excluded: []), scope: scope, db)
        }
        for w in words {
            let own = w.alternatives[0]
            guard w.alternatives.count == 1, own.parts.count == 1, !own.isPhrase,
                  own.parts[0].unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }),
                  try !held(own.parts[0]) else { out.append(w); continue }
            // A place an issuer names (渝北, 武进) is no typo even when no task writes it.
            if own.parts[0].count >= 2, try !Self.notices(namingPlace: own.parts[0], db).isEmpty { out.append(w); continue }
            let chars = Array(own.parts[0])
            // The vocabulary's readings first (an abbreviation or typo of the whole word), then held pieces.
            let fuller = try CorpusVocabulary.suggestions(for: own.parts[0], frequentVariants: words.count == 1, db)
            if !fuller.isEmpty {
                out.append(Widened(alternatives: [own] + fuller.map { SearchQuery.Term(text: $0, parts: [$0], isPhrase: false) }))
                continue
            }
            guard chars.count <= Self.longestGroundedWord else { out.append(w); continue }
            guard chars.count >= 3 else { continue }
            // A piece naming an issuer's place (渝北 of 渝北卫健委) is kept like a held one.
            let pieces = try LongestMatch.spans(in: own.parts[0], lengths: 2...(chars.count - 1),
                                                accepts: { try held($0) || !Self.notices(namingPlace: $0, db).isEmpty })
                .filter { $0.matched && seen.insert($0.text).inserted }
                .map { Widened(alternatives: [SearchQuery.Term(text: $0.text, parts: [$0.text], isPhrase: false)]) }
            out += pieces
        }
        return out
    }

    /// `text` cut into the longest thesaurus words it holds, left to right, and the stretches between.
    func thesaurusSpans(in text: String, known: (String) -> Bool) -> [(text: String, isThesaurusWord: Bool)] {
        LongestMatch.spans(in: text, lengths: 2...Self.longestThesaurusWord, accepts: known).map { ($0.text, $0.matched) }
    }

    static let longestThesaurusWord = 8
    /// How many tasks sharing any query word are ranked by coverage.
    static let coveragePool = 400

    /// Longer runs are left whole: their pieces would cost a query per substring.
    static let longestGroundedWord = 8

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
            for written in clause {
                // Question words and ICU words are read in Simplified (由哪個部門牽頭 → 由哪个部门牵头).
                var t = written
                if !t.isPhrase { t.text = SearchFolding.key(t.text) }
                // The whole term first: 电动车 is a thesaurus word before it is two ICU words; a
                // query in no task also stands for the corpus words it may have meant.
                let whole = expansions(t.text) + suggestions
                let pieces = t.isPhrase || !whole.isEmpty ? [t.text] : SearchQuery.questionStripped(t.text).flatMap { piece -> [String] in
                    if !expansions(piece).isEmpty { return [piece] }
                    // Thesaurus words inside the piece stay whole (攝像頭 is one word, not 摄像|头);
                    // ICU splits what lies between them.
                    return thesaurusSpans(in: piece, known: { !expansions($0).isEmpty }).flatMap { span -> [String] in
                        if span.isThesaurusWord { return [span.text] }
                        return SearchQuery.topicalWords(of: span.text, using: breaker, orAllWords: false)
                    }
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

}
