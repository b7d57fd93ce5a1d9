import Foundation
import NoticeText
import NoticeVocabulary

/// Labelled responsibility: （牵头单位：X；配合单位：Y）, label lines after the item
/// (责任处室：A、B), 【牵头单位】X, labels with a note (责任单位（部门）：). Label words and their
/// roles come from `GenreVocabulary`; people fields and other fields (完成时限：) end a list.
enum LabelledResponsibility {
    /// Searched only before a colon or closing bracket (a label ends at one): with bounded spaces a
    /// match is at most [ + 4 spaces + the word + 4 + a 10-unit note + 4 + the colon long.
    static let label = TextPattern("(?:[【\\[]\\s{0,4})?(?<word>" + GenreVocabulary.labelWordPattern + ")\\s{0,4}(?:[（(][^）)：:]{1,8}[）)])?\\s{0,4}(?:[：:]|[】\\]])",
                                   needsAny: "：:】]", maxLength: GenreVocabulary.labelWordMaxLength + 24, endsAtNeeded: true)

    /// A paragraph that is only a responsibility annotation: "牵头单位：X；配合单位：Y".
    static func isLabelLine(_ paragraph: String) -> Bool {
        let key = TextFolding.simplifiedKey(paragraph)
        guard let m = label.firstMatch(in: key, anchored: true) else { return false }
        return GenreVocabulary.role(ofLabel: m["word"]!)?.namesUnits == true
    }

    static func read(_ text: String) -> Responsibility? {
        let key = TextFolding.simplifiedKey(text)
        let matches = label.matches(in: key)
        guard !matches.isEmpty else { return nil }
        let keyNS = key as NSString
        var lead: [String] = [], support: [String] = [], responsible: [String] = []
        var stated: Responsibility?   // a value that itself says who leads: 部门分工：X牵头，Y配合
        for (i, m) in matches.enumerated() {
            guard let role = GenreVocabulary.role(ofLabel: m["word"]!), role.namesUnits else { continue }
            let start = m.range.location + m.range.length
            let hardEnd = i + 1 < matches.count ? matches[i + 1].range.location : keyNS.length
            let end = valueEnd(keyNS, from: start, to: hardEnd)
            let value = text.substring(utf16: NSRange(location: start, length: end - start))
            if let v = VerbalResponsibility.read(value, known: [], unitContext: true) {
                stated = stated ?? v
                continue
            }
            let names = UnitNames.split(value)
            switch role {
            case .lead: lead += names
            case .support: support += names
            default: responsible += names
            }
        }
        if let s = stated, lead.isEmpty, responsible.isEmpty { 
            return Responsibility(lead: s.lead, support: Responsibility.dedupe(s.support + support), responsible: s.responsible)
        }
        return Responsibility.combine(lead: lead, support: support, responsible: responsible)
    }

    /// Where a label's value ends: a closing bracket of the annotation, a sentence end, a line
    /// break (unless the value starts on the next line), or the next label.
    private static func valueEnd(_ key: NSString, from start: Int, to hardEnd: Int) -> Int {
        var end = start, depth = 0
        while end < hardEnd {
            let c = key.character(at: end)
            switch c {
            case 0xFF08, 0x28: depth += 1                      // （ (
            case 0xFF09, 0x29, 0x3015, 0x3011:                 // ） ) 〕 】
                if depth == 0 { return end }
                depth -= 1
            case 0x0A where key.substring(with: NSRange(location: start, length: end - start))
                    .trimmingWhitespace().isEmpty:
                break                                          // "责任单位：" + line break + the units
            case 0x0A, 0x3002: return end                      // \n 。
            default: break
            }
            end += 1
        }
        return end
    }
}
