import Foundation
import NoticeVocabulary
import NoticeText

/// A parsed search query: clauses that must all match, each a list of alternatives (OR), and
/// excluded terms. Every term is matched as a substring of the folded task text; the FTS5
/// expression built from it only narrows the candidates (see `MatchExpression`).
///
/// Syntax: words separated by spaces are ANDed; `"exact phrase"` keeps spaces; `A OR B`;
/// `-word` / `NOT word` excludes; `AND` is accepted and ignored. Only an ASCII (or full-width)
/// double quote at the start of a word opens a phrase; Chinese quotes “” and a quote inside a
/// word are ordinary characters of the text searched for.
public struct SearchQuery: Sendable, Equatable {
    /// One searched term: every part must occur in the task text (a literal term has one part;
    /// an unspaced Chinese term split by ICU has one part per word).
    public struct Term: Sendable, Equatable {
        /// As the user wrote it.
        public var text: String
        /// Folded (`SearchFolding.key`) substrings that must all occur.
        public var parts: [String]
        public var isPhrase: Bool
    }

    public static let maxLength = 1000
    public static let maxTerms = 64

    public var clauses: [[Term]]
    public var excluded: [Term]

    /// Every folded substring the query looks for (for highlighting).
    public var positiveParts: [String] { clauses.flatMap { $0.flatMap(\.parts) } }

    public static func parse(_ query: String) throws(QueryError) -> SearchQuery {
        let count = query.count
        if count > maxLength { throw .tooLong(length: count, limit: maxLength) }
        let items = try lex(query)
        if items.isEmpty { throw .empty }
        if !items.contains(where: { if case .term = $0 { return true } else { return false } }) { throw .onlyOperators }

        var clauses: [[Term]] = []
        var excluded: [Term] = []
        var pendingOr = false
        var pendingNot = false
        var droppedPunctuation = false
        var lastWasPositive = false
        for item in items {
            switch item {
            case .and:
                if pendingNot { throw .danglingOperator("NOT") }
            case .not:
                if pendingOr { throw .danglingOperator("OR") }
                pendingNot = true
            case .or:
                if !lastWasPositive || pendingOr || pendingNot { throw .danglingOperator("OR") }
                pendingOr = true
            case .term(let text, let phrase, let negated):
                let neg = negated || pendingNot
                pendingNot = false
                guard Tokenizer.hasTokens(text) else {
                    droppedPunctuation = true
                    if pendingOr { throw .danglingOperator("OR") }
                    lastWasPositive = false
                    continue
                }
                let term = Term(text: text, parts: [SearchFolding.key(text)], isPhrase: phrase)
                if neg {
                    if pendingOr { throw .danglingOperator("OR") }
                    excluded.append(term)
                    lastWasPositive = false
                } else if pendingOr {
                    clauses[clauses.count - 1].append(term)
                    pendingOr = false
                    lastWasPositive = true
                } else {
                    clauses.append([term])
                    lastWasPositive = true
                }
            }
        }
        if pendingOr { throw .danglingOperator("OR") }
        if pendingNot { throw .danglingOperator("NOT") }
        let terms = clauses.reduce(0) { $0 + $1.count } + excluded.count
        if terms > maxTerms { throw .tooManyTerms(count: terms, limit: maxTerms) }
        if clauses.isEmpty { throw excluded.isEmpty ? (droppedPunctuation ? .nothingToSearch : .onlyOperators) : .onlyExclusions }
        return SearchQuery(clauses: clauses, excluded: excluded)
    }

    /// The same query with each unquoted term of two or more ICU words split into those words
    /// (all required): the fallback when the literal query finds nothing. Nil when no term splits.
    public func segmented(using breaker: WordBreaker, keepPhrases: Bool = false) -> SearchQuery? {
        var changed = false
        let split = clauses.map { clause in
            clause.map { term -> Term in
                guard !term.isPhrase else { return term }
                let words = keepPhrases ? Self.questionStripped(term.text) : Self.topicalWords(of: term.text, using: breaker)
                guard words.count >= 2 || (words.count == 1 && words != [term.text]) else { return term }
                changed = true
                return Term(text: term.text, parts: words.map(SearchFolding.key), isPhrase: false)
            }
        }
        return changed ? SearchQuery(clauses: split, excluded: excluded) : nil
    }

    /// The words a task would contain, from an unspaced query: question and role words cut out
    /// ("谁牵头反恐防暴" → 反恐防暴), ICU words kept, and runs of single characters (words ICU's
    /// dictionary does not know: 托|育, 反|恐) joined back into one chunk. A text of question
    /// words only gives its ICU words, unless `orAllWords` is off (a stretch of a longer query).
    static func topicalWords(of text: String, using breaker: WordBreaker, orAllWords: Bool = true) -> [String] {
        let pieces = questionStripped(text)
        var out: [String] = []
        for piece in pieces {
            var run = ""
            for w in breaker.words(of: piece).filter(Tokenizer.hasTokens) {
                if w.count == 1 {
                    run += w
                } else {
                    if !run.isEmpty { out.append(run); run = "" }
                    out.append(w)
                }
            }
            if !run.isEmpty { out.append(run) }
        }
        // A run's function characters are grammar, not topic (和大 → 大, 都装反诈 → 装反诈).
        out = out.compactMap { w in
            guard w.count > 1 else { return w }
            let trimmed = String(w.drop { functionCharacters.contains($0) }).reversed().drop { functionCharacters.contains($0) }
            return trimmed.isEmpty ? nil : String(trimmed.reversed())
        }.filter { !($0.count == 1 && functionCharacters.contains($0.first!)) }
        let topical = out.filter { !questionWords.contains(SearchFolding.key($0)) }
        return topical.isEmpty && orAllWords ? breaker.words(of: text).filter(Tokenizer.hasTokens) : topical
    }

    /// The text between the question and role words: "哪个科室牵头网络安全" → ["网络安全"].
    static func questionStripped(_ text: String) -> [String] {
        var pieces = [text]
        for q in questionWords.sorted(by: { $0.count > $1.count }) where q.count >= 2 || q == "谁" || q == "哪" {
            pieces = pieces.flatMap { $0.components(separatedBy: q) }.filter { !$0.isEmpty }
        }
        return pieces.filter(Tokenizer.hasTokens)
    }

    /// What a question asks for: 谁/哪个科室 → who leads, 几次/多少/比例 → the targets, 何时/时限 → the
    /// time limits; nil for a plain topic.
    public enum Intent: String, Sendable { case lead, metrics, deadlines }

    private static let intentWords: [(Intent, [String])] = [
        (.metrics, ["几次", "多少", "比例", "达到多少", "几个", "几场", "多大", "覆盖率", "知晓率"]),
        (.deadlines, ["什么时候", "何时", "时限", "截止", "几号", "多久", "多长时间", "几天", "哪天", "之前", "期限"]),
        (.lead, ["谁", "哪个部门", "哪个科室", "哪个单位", "由谁", "哪个处室", "谁牵头", "谁负责"]),
    ]

    /// The intent of a query's text.
    public static func intent(of text: String) -> Intent? {
        intentWords.first { $0.1.contains { text.contains($0) } }?.0
    }

    /// Words that ask about tasks rather than name them.
    static let questionWords: Set<String> = Set([
        "谁", "哪", "哪个", "哪些", "哪里", "什么", "怎么", "怎样", "如何", "是否", "有没有", "吗", "呢", "的", "了",
        "由", "是", "负责", "要", "安排", "多久", "多长时间", "几天", "几次", "几号", "多少", "什么时候", "何时",
        "时限", "截止", "比例", "达到多少", "一次", "搞", "办法", "每年", "每月", "每季度", "每周",
        // The asker's own time (今年由哪个科室牵头): every current task is this year's.
        "今年", "本年", "本年度", "目前", "现在", "当前", "找谁", "找",
    ] + GenreVocabulary.labelStems.filter { !$0.needsBody && $0.role != .responsible }.map(\.stem)
      + GenreVocabulary.labelBodies.filter { GenreVocabulary.departmentBodies.contains($0) })

    /// Characters that join the words of a spoken sentence (的, 和, 都 …, and 归/管/抓 of 归哪个科室管); at the edge of a run of
    /// characters ICU could not group they belong to no topic word.
    static let functionCharacters: Set<Character> = Set("的地得了着过和与及或跟同对把被给向从在于是都也就还又再很太这那个些吗呢吧啊归管抓")

    // MARK: - Lexing

    enum Item: Equatable {
        case term(String, phrase: Bool, negated: Bool)
        case or, and, not
    }

    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{3000}" }
    static func isQuote(_ c: Character) -> Bool { c == "\"" || c == "＂" }

    static func lex(_ s: String) throws(QueryError) -> [Item] {
        var items: [Item] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isSpace(c) { i += 1; continue }
            var negated = false
            var j = i
            if chars[j] == "-" || chars[j] == "－" {
                negated = true
                j += 1
                if j >= chars.count || isSpace(chars[j]) { throw .danglingOperator("-") }
            }
            if isQuote(chars[j]) {
                var k = j + 1
                while k < chars.count, !isQuote(chars[k]) { k += 1 }
                if k >= chars.count { throw .unbalancedQuote }
                let inner = String(chars[(j + 1)..<k]).trimmingCharacters(in: .whitespaces)
                if !inner.isEmpty { items.append(.term(inner, phrase: true, negated: negated)) }
                i = k + 1
                continue
            }
            var k = j
            while k < chars.count, !isSpace(chars[k]) { k += 1 }
            let word = String(chars[j..<k])
            if !negated, word == "OR" || word == "|" { items.append(.or) }
            else if !negated, word == "AND" || word == "&" { items.append(.and) }
            else if !negated, word == "NOT" { items.append(.not) }
            else { items.append(.term(word, phrase: false, negated: negated)) }
            i = k
        }
        return items
    }
}
