import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// The units of one notice: names seen in explicit lists, aliases defined in the text
/// (委平安法治建设工作领导小组办公室（安稳办）, X（以下简称Y）) and issuer-prefixed forms (委安稳办 → 安稳办).
struct UnitLexicon {
    /// Matching key of a surface form → canonical name as written.
    private(set) var canonical: [String: String] = [:]
    /// Canonical name → other surface forms, in order of appearance.
    private(set) var aliases: [String: [String]] = [:]
    private(set) var known: Set<String> = []

    /// The longest name an alias is given to, in characters.
    private static let longestNamed = 40
    /// Searched only near an opening parenthesis (a match is at most 58 units long), from where
    /// the run of Han characters before it begins.
    private static let aliasDefinition = TextPattern("([\\p{Han}]{2,\(longestNamed)}?)[（(](?:以下简称|下称|简称)?[“\"]?([\\p{Han}]{2,10})[”\"]?[）)]",
                                                     needsAny: "（(", maxLength: 64, hanRunBeforeNeeded: longestNamed)
    /// Up to the last verb or particle of a text. Anchored (a match, if any, starts at 0), and the
    /// words behind a first-character lookahead: unanchored, a text without one was tried from
    /// every position, every word at every backtracking step (14 µs for 12 characters).
    private static let verbBoundary = TextPattern("^.*" + GenreVocabulary.alternation(GenreVocabulary.wordsBeforeAName))
    private static let issuerPrefixes = GenreVocabulary.issuerPrefixes

    /// Builds the lexicon from the explicit names found in the notice and its full body text.
    init(explicitNames: [String], bodyText: String) {
        for n in explicitNames { known.insert(TextFolding.simplifiedKey(n)) }
        // Alias definitions: count each (long form, abbreviation) pair; a long form keeps the
        // abbreviation it is given most often (a one-off "（办公室）" typo must not win).
        var votes: [String: [String: Int]] = [:]
        var order: [String] = []
        var standalone: [String: Bool] = [:]   // per abbreviation: counted once per notice
        for m in Self.aliasDefinition.matches(in: bodyText) {
            var long = m.group(1)!
            let short = m.group(2)!
            if let cut = Self.verbBoundary.firstMatch(in: long) { long = String(long.dropFirst(cut.text.count)) }
            let declared = m.text.contains("简称") || m.text.contains("下称")
            guard long.count > short.count, long.count >= 4,
                  UnitNames.looksLikeUnit(long), UnitNames.looksLikeUnit(short) || declared,
                  declared || {
                      if let known = standalone[short] { return known }
                      let used = Self.usedOnItsOwn(short, in: bodyText)
                      standalone[short] = used
                      return used
                  }() else { continue }
            if votes[long] == nil { order.append(long) }
            votes[long, default: [:]][short, default: 0] += 1
        }
        for long in order {
            guard let best = votes[long]?.max(by: { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value })?.key
            else { continue }
            addAlias(long, of: best)
            known.insert(TextFolding.simplifiedKey(best))
            known.insert(TextFolding.simplifiedKey(long))
        }
    }

    /// `short` occurs in the text outside "（short）": it is used as a name, not only as a note.
    static func usedOnItsOwn(_ short: String, in text: String) -> Bool {
        // Counted as UTF-8 bytes: Character-wise search over a whole notice, three times per
        // short name, was a twentieth of extraction.
        let all = ByteSearch.count(of: short, in: text)
        let noted = ByteSearch.count(of: "（" + short + "）", in: text) + ByteSearch.count(of: "(" + short + ")", in: text)
        return all > noted
    }

    private mutating func addAlias(_ alias: String, of name: String) {
        let key = TextFolding.simplifiedKey(alias)
        guard canonical[key] == nil, alias != name else { return }
        canonical[key] = name
        aliases[name, default: []].append(alias)
    }

    /// Registers issuer-prefixed forms of known names (委安稳办 → 安稳办) among `names`.
    mutating func learnPrefixedForms(_ names: [String]) {
        let keys = Set(names.map(TextFolding.simplifiedKey)).union(canonical.keys).union(known)
        for n in Set(names) {
            let k = TextFolding.simplifiedKey(n)
            for p in Self.issuerPrefixes where k.hasPrefix(p) && k.count > p.count + 1 {
                let rest = String(n.dropFirst(p.count))
                if keys.contains(TextFolding.simplifiedKey(rest)), names.contains(where: { TextFolding.simplifiedKey($0) == TextFolding.simplifiedKey(rest) }) || canonical[TextFolding.simplifiedKey(rest)] != nil {
                    addAlias(n, of: resolve(rest))
                    break
                }
            }
        }
    }

    /// The canonical form of a written name.
    func resolve(_ name: String) -> String {
        var n = name
        // "委平安法治建设工作领导小组办公室（安稳办）": the parenthesised abbreviation is the name.
        if let open = n.firstIndex(where: { $0 == "（" || $0 == "(" }), n.last == "）" || n.last == ")" {
            let inner = String(n[n.index(after: open)..<n.index(before: n.endIndex)])
            let outer = String(n[..<open])
            if canonical[TextFolding.simplifiedKey(outer)] != nil || known.contains(TextFolding.simplifiedKey(inner)),
               !inner.contains("、") {
                n = canonical[TextFolding.simplifiedKey(outer)] ?? inner
            }
        }
        var seen = Set<String>()
        while let next = canonical[TextFolding.simplifiedKey(n)], seen.insert(n).inserted { n = next }
        if seen.isEmpty, let short = shortenedLongForm(n) { return short }
        return n
    }

    /// A long form written without its leading place name ("委平安法治建设工作领导小组" for the
    /// defined "渝北区卫生健康委平安法治建设工作领导小组（以下简称领导小组）") is the same unit.
    private func shortenedLongForm(_ name: String) -> String? {
        let key = TextFolding.simplifiedKey(name)
        guard key.count >= 6 else { return nil }
        var best: (length: Int, name: String)?
        for (longKey, short) in canonical where longKey.count > key.count && longKey.hasSuffix(key) {
            if best == nil || longKey.count < best!.length { best = (longKey.count, short) }
        }
        return best?.name
    }

    func resolve(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map(resolve).filter { seen.insert($0).inserted }
    }

    var knownKeys: Set<String> { known.union(canonical.keys) }
}
