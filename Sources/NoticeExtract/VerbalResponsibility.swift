import Foundation
import NoticeText
import NoticeVocabulary

/// Responsibility stated in a sentence: X牵头，Y配合 · 由X牵头，Y按职责分工负责 · X为牵头单位 ·
/// 由X负责，Y配合 · X主办，Y协办 · X、Y按职责分工负责 (no lead) · in a table cell, X会Y.
enum VerbalResponsibility {
    /// One verbal form over a clause; named groups `lead`, `support`, `shared` (no lead), `listed`
    /// (the first leads), `convener`/`convened` (X会Y: listed).
    struct Rule: Sendable {
        let name: String
        let pattern: TextPattern
        /// Only inside a unit cell or a label's value, where the words around are all names.
        let unitContextOnly: Bool

        /// `needs`: characters of which every match holds one (see `TextPattern.needsAny`).
        init(_ name: String, _ pattern: String, needs: String, unitContextOnly: Bool = false) {
            self.name = name
            self.pattern = TextPattern(pattern, needsAny: needs)
            self.unitContextOnly = unitContextOnly
        }
    }

    private static let supportVerb = GenreVocabulary.alternation(GenreVocabulary.supportVerbs)
    private static let sharedVerb = GenreVocabulary.alternation(GenreVocabulary.sharedDutyVerbs)
    private static let sharedVerbNeeds = GenreVocabulary.characters(heldByEach: GenreVocabulary.sharedDutyVerbs)
    private static let leadVerb = GenreVocabulary.alternation(GenreVocabulary.leadVerbs)
    private static let leadVerbNeeds = GenreVocabulary.characters(heldByEach: GenreVocabulary.leadVerbs)

    /// In precedence order: the forms that name both roles before the bare lead and shared forms.
    static let rules: [Rule] = [
        // 医政科为牵头单位，区人民医院为配合单位 · 疾控股（牵头）、办公室配合
        Rule("named roles", "^(?<lead>[^，,]{2,60}?)(?:为牵头(?:单位|部门|科室|处室)?|[（(]牵头[）)])[，,、]\\s*(?<support>[^，,]{2,90}?)(?:为(?:配合|协办|参与)(?:单位|部门|科室|处室)?|配合|协助|参与)(?=$|[，,])", needs: "牵"),
        // 由医政科负责，法规科配合
        Rule("duty and help", "^由(?<lead>[^，,]{2,60}?)负责[，,]\\s*(?<support>[^，,]{2,90}?)(?:配合|协助|参与)(?=$|[，,])", needs: "由"),
        // 局防控办主办、各工作组协办
        Rule("host and assist", "^(?<lead>[^，,]{2,60}?)主办[，,、]\\s*(?<support>[^，,]{2,90}?)协办(?=$|[，,])", needs: "办"),
        // 规划发展处为责任单位
        Rule("named responsible", "^(?<listed>[^，,]{2,90}?)为(?:责任|主责)(?:单位|部门|科室|处室)$", needs: "为"),
        // (由)X牵头(，Y配合)
        Rule("lead clause", "^(?:[^，,]{0,12}?由)?(?<lead>[^，,]{2,60}?)\(leadVerb)(?:[，,、]\\s*(?<support>[^，,]{2,90}?)\(supportVerb))?(?=$|[，,])", needs: leadVerbNeeds),
        // X、Y按职责分工负责: responsible, no lead
        Rule("shared duty", "^(?<shared>[^，,]{2,90}?)\(sharedVerb)(?=$|[，,])", needs: sharedVerbNeeds),
        // 宣传处会办公室: the first convenes, the second helps (a table cell)
        Rule("convene", "^(?<convener>[^，,、]{2,30}?)会同?(?<convened>[^，,]{2,60})$", needs: "会", unitContextOnly: true),
    ]

    private static let clauseBreaks = UnitSet("。；;\n（）()〔〕".utf16)
    private static let commaBreaks = UnitSet("，,".utf16)
    private static let sentenceBreaks = UnitSet("。；;".utf16)
    private static let cue = TextPattern("牵头|负责|责任|主办|落实|会同?")

    /// `unitContext`: the text is a unit cell or a label's value (enables `unitContextOnly` rules).
    static func read(_ paragraphs: String, known: Set<String>, unitContext: Bool = false) -> Responsibility? {
        // A sentence may run over a paragraph break that reflow could not mend; only label lines need those.
        let text = paragraphs.removingAll("\n")
        let key = TextFolding.simplifiedKey(text)
        guard cue.contains(in: key) else { return nil }
        for r in clauses(of: key) {
            guard r.length >= 4 else { continue }
            let clauseKey = key.substring(utf16: r).trimmingWhitespace()
            let clause = text.substring(utf16: r).trimmingWhitespace()
            let prepared = TextPattern.Prepared(clauseKey)   // converted once for the rule table
            for rule in rules where unitContext || !rule.unitContextOnly {
                guard let m = rule.pattern.firstMatch(in: prepared) else { continue }
                func names(_ group: String) -> [String]? {
                    let g = m.range(named: group)
                    guard g.location != NSNotFound else { return nil }
                    // The key and the clause have equal UTF-16 lengths, so the key's range applies.
                    return UnitNames.split(clause.substring(utf16: g))
                }
                let all = ["lead", "support", "shared", "listed", "convener", "convened"].flatMap { names($0) ?? [] }
                guard !all.isEmpty, all.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { continue }
                if let listed = names("listed") { return Responsibility.listed(listed) }
                // "宣传处会办公室": the first convenes, both are responsible.
                if let convener = names("convener") { return Responsibility.listed(convener + (names("convened") ?? [])) }
                if let shared = names("shared") { return Responsibility(responsible: shared) }
                return Responsibility(lead: names("lead") ?? [], support: names("support") ?? [], responsible: [])
            }
        }
        return nil
    }

    /// Every clause, every comma-started tail of one ("开展整治，由医政科牵头，…"), and whole
    /// sentences, where a parenthesis is part of the statement ("疾控股（牵头）、Y配合").
    /// A parenthesis inside a name (各县（市、区）卫生健康局) does not cut a clause.
    private static let nameParenthesis = TextPattern("[（(][\\p{Han}、]{1,8}[）)](?=\\p{Han})")

    private static func clauses(of text: String) -> [NSRange] {
        var key = text
        for m in nameParenthesis.matches(in: text).reversed() {
            let r = Range(m.range, in: key)!
            key.replaceSubrange(r, with: key[r].replacingOccurrences(of: "（", with: "⟨").replacingOccurrences(of: "）", with: "⟩")
                .replacingOccurrences(of: "(", with: "⟨").replacingOccurrences(of: ")", with: "⟩"))
        }
        let length = (key as NSString).length
        var cuts = [0]
        for offset in key.utf16Offsets(ofAny: clauseBreaks) { cuts.append(offset); cuts.append(offset + 1) }
        cuts.append(length)
        let commas = key.utf16Offsets(ofAny: commaBreaks)
        var ranges: [NSRange] = []
        var i = 0
        while i + 1 < cuts.count {
            let r = NSRange(location: cuts[i], length: cuts[i + 1] - cuts[i])
            i += 2
            ranges.append(r)
            for c in commas where c >= r.location && c < r.location + r.length {
                ranges.append(NSRange(location: c + 1, length: r.location + r.length - c - 1))
            }
        }
        return ranges + key.utf16Pieces(separatedBy: sentenceBreaks)
    }
}
