import Foundation
import NoticeText

/// A parenthetical of unit names closing a paragraph (after a sentence end or a heading):
/// "…措施。（医务处、公卫科、院感科）" — the first leads, the rest support, all responsible.
enum UnlabelledList {
    private static let trailingParen = TextPattern("(?:^|[。；;，,.！？!?\\p{Han}])\\s*[（(]([^（）()：:]*(?:[（(][^（）()]*[）)][^（）()：:]*)*)[）)]\\s*[。.；;]?\\s*$", needsAny: "（(")

    static func read(_ text: String, known: Set<String>) -> Responsibility? {
        for paragraph in text.split(separator: "\n").reversed() {
            let p = String(paragraph)
            guard let m = trailingParen.firstMatch(in: p) else { continue }
            let ns = p as NSString
            let parenOffset = (m.text as NSString).rangeOfCharacter(from: CharacterSet(charactersIn: "（(")).location
            var k = m.range.location + parenOffset - 1
            while k >= 0, ns.character(at: k) == 0x20 { k -= 1 }
            let prev: String? = k >= 0 ? ns.substring(with: NSRange(location: k, length: 1)) : nil
            // "X（安稳办）" right after a name is an alias, not a list; only a sentence end or the
            // paragraph start may precede a list (or a heading line such as "1.抓好X（医务处）").
            let afterSentence = prev == nil || "。；;，,.！？!?".contains(prev!)
            let headingLine = !p.contains("。") && p.count <= 60
            guard afterSentence || headingLine else { continue }
            let names = UnitNames.split(m.group(1)!)
            guard !names.isEmpty,
                  names.allSatisfy({ UnitNames.looksLikeUnit(UnitNames.markedLead($0) ?? $0, known: known) }) else { continue }
            if let marked = names.first(where: { UnitNames.markedLead($0) != nil }) {
                // "（疾控科（牵头）、办公室）": the marked name leads.
                return Responsibility(lead: [UnitNames.markedLead(marked)!], support: names.filter { $0 != marked }, responsible: [])
            }
            if !afterSentence, names.count == 1, !known.contains(TextFolding.simplifiedKey(names[0])) { continue }
            return Responsibility.listed(names)
        }
        return nil
    }
}
