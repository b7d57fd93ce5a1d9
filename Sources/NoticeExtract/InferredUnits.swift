import Foundation
import NoticeText
import NoticeVocabulary

/// Units the prose names as doing the work ("委安稳办要科学编制…", "X具体负责"): the subjects of
/// clauses. Used only when a task has no explicit responsibility, and reported as `inferred`.
struct InferredUnits {
    /// Unit names never contain the duty verbs that follow them (要, 应, 将 …). The word lists
    /// (`GenreVocabulary.ClauseSubject`) are alternations behind a first-character test (no word
    /// in a list begins another, so their order changes no match): this expression is tried at
    /// every clause of every task.
    private static let generic: String = {
        typealias Words = GenreVocabulary.ClauseSubject
        let alt = GenreVocabulary.alternation
        let nameCharacter = "[[\\p{Han}]--[" + Words.dutyCharacters + "]]"
        return "(?:" + alt(Words.scopes) + "?各(?:相关|级)?" + nameCharacter + "{0,8}?" + alt(Words.collectiveBodies)
            + "|(?:相关|有关)" + alt(Words.relatedBodies)
            + "|" + nameCharacter + "{0,30}?" + alt(Words.namedBodies)
            + "|" + nameCharacter + "{1,30}?[" + Words.departmentEnds + "])"
    }()
    private static let follower = GenreVocabulary.alternation(GenreVocabulary.ClauseSubject.followers)
    private static let byUnit = TextPattern("由([^，,。；;由]{2,30}?)(?:具体)?负责(?:[。；;，,]|$)")
    private static let clauseBreaks = UnitSet("。；;，,：:\n".utf16)
    private static let excluded = TextPattern("^(?:事发|承办|涉事|有关单位|该|其|本|此)")

    let lexicon: UnitLexicon
    /// The lexicon's names (worked out once: the lexicon is complete by now).
    private let knownKeys: Set<String>
    /// Clause-initial unit names followed by a verb of duty; compiled once per notice, since
    /// the notice's own unit names are part of it.
    let subject: TextPattern

    init(lexicon: UnitLexicon) {
        self.lexicon = lexicon
        knownKeys = lexicon.knownKeys
        // `alternation` puts them longest first, so a name wins over a name it begins (医政科室
        // over 医政科), in one fixed order (the compiled pattern is cached by its text).
        let known = knownKeys.filter { $0.count >= 2 }
        let unit = "(?:" + (known.isEmpty ? "" : GenreVocabulary.alternation(Array(known)) + "|") + Self.generic + ")(?:[（(][\\p{Han}]{2,10}[）)])?"
        subject = TextPattern.cached("^(" + unit + "(?:[、和及与]" + unit + ")*)" + Self.follower)
    }

    func subjects(in text: String) -> [String] {
        let key = TextFolding.simplifiedKey(text)
        let keyNS = key as NSString
        var starts = [0]
        for offset in key.utf16Offsets(ofAny: Self.clauseBreaks) { starts.append(offset + 1) }
        var out: [String] = []
        // "此项工作由办公室负责": the prose names who does it.
        for m in Self.byUnit.matches(in: key) {
            let name = UnitNames.clean(text.substring(utf16: m.ranges[1]))
            if UnitNames.looksLikeUnit(name, known: knownKeys) {
                let resolved = lexicon.resolve(name)
                if !out.contains(resolved) { out.append(resolved) }
            }
        }
        let prepared = TextPattern.Prepared(key)
        for s in starts where s < keyNS.length {
            let rest = NSRange(location: s, length: keyNS.length - s)
            guard let m = subject.firstMatch(in: prepared, range: rest, anchored: true) else { continue }
            let list = text.substring(utf16: m.ranges[1])
            for name in Self.splitSubjects(list) where !Self.excluded.contains(in: TextFolding.simplifiedKey(name)) {
                let resolved = lexicon.resolve(name)
                if !out.contains(resolved) { out.append(resolved) }
            }
        }
        return out
    }

    private static func splitSubjects(_ list: String) -> [String] {
        // Split on 、和及与 outside parentheses, but keep names that contain 与 (人口监测与家庭发展科)
        // when the left part does not look like a unit by itself.
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in list {
            if ch == "（" || ch == "(" { depth += 1 }
            if ch == "）" || ch == ")" { depth -= 1 }
            if depth == 0, "、和及与".contains(ch), UnitNames.looksLikeUnit(UnitNames.withoutTrailingParenthetical(current)) {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map(UnitNames.clean).filter { !$0.isEmpty }
    }
}
