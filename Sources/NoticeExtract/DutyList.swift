import Foundation
import NoticeText
import NoticeVocabulary

/// A trailing list of units that carry the duty: （区直各部门负责）, （A、B负责，排在第一位的部门为
/// 牵头部门，下同）, （A、B，各省级人民政府按职责分工负责）, （国务院各部门分别负责，年内持续推进）.
/// Without a legend the units are responsible and nobody leads; once a legend has said so, the
/// first listed unit leads, the rest support, and all are responsible.
enum DutyList {
    private static let trailingParen = TextPattern("[（(〔]([^（）()〔〕]*(?:[（(][^（）()]*[）)][^（）()〔〕]*)*)[）)〕]\\s*[。.；;]?\\s*$", needsAny: "（(〔")
    private static let legend = TextPattern("(?:排在|排|列|位列)?(?:第一位|首位|第一个|排名第一)(?:的|者)?(?:部门|单位)?为(?:工作)?牵头", needsAny: "牵")
    private static let groupBreaks = UnitSet("，,。；;".utf16)
    private static let dutyEnd = TextPattern("(?:按照?职责分工负责|按各自职责负责|按职责负责|分别负责|共同负责|分工负责|负责)$")
    private static let sameBelow = TextPattern("^(?:下同|以下同|后同)$")

    /// Whether a text states the first-leads legend.
    static func hasLegend(_ text: String) -> Bool { legend.contains(in: TextFolding.simplifiedKey(text)) }

    static func read(_ text: String, known: Set<String>, firstListedLeads: Bool) -> Responsibility? {
        // The last paragraph holding such a list (a sentence may run over a break reflow could not mend).
        let flat = text.removingAll("\n")
        let candidates = [flat] + text.split(separator: "\n").reversed().map(String.init)
        guard let m = candidates.lazy.compactMap({ trailingParen.firstMatch(in: $0) }).first, let inner = m.group(1) else { return nil }
        let key = TextFolding.simplifiedKey(inner)
        if key.contains("牵头") && !legend.contains(in: key) || key.contains("配合") || key.contains("：") || key.contains(":") { return nil }
        // The legend and everything after it in the bracket is not a list.
        var body = inner, bodyKey = key
        if let l = legend.firstMatch(in: key) {
            let cut = key.utf16Offsets(ofAny: groupBreaks).last(where: { $0 < l.range.location }) ?? l.range.location
            body = inner.substring(utf16To: cut)
            bodyKey = key.substring(utf16To: cut)
        }
        // Groups up to the last one ending in 负责; later groups (年内持续推进) are not units.
        let groups = bodyKey.utf16Pieces(separatedBy: groupBreaks).map { body.substring(utf16: $0).trimmingWhitespace() }
            .filter { !$0.isEmpty && !sameBelow.contains(in: $0) }
        guard let last = groups.lastIndex(where: { dutyEnd.contains(in: TextFolding.simplifiedKey($0)) }) else { return nil }
        var names: [String] = []
        for g in groups[...last] {
            let gk = TextFolding.simplifiedKey(g)
            let trimmed = dutyEnd.firstMatch(in: gk).map { g.substring(utf16To: $0.range.location) } ?? g
            names += UnitNames.split(trimmed)
        }
        guard !names.isEmpty, names.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { return nil }
        return firstListedLeads ? Responsibility.listed(names) : Responsibility(responsible: names)
    }
}
