import Foundation
import NoticeText
import NoticeVocabulary

/// A line of unit names written under an item without a label, as a 落实科室 column flattened
/// into paragraphs gives it: "办公室", "各科室、医疗保障事业管理中心按职责分工落实".
enum UnitLine {
    private static let dutyEnd = TextPattern(GenreVocabulary.alternation(GenreVocabulary.sharedDutyVerbs) + "$")

    /// Whether a paragraph is nothing but unit names (with a 按职责分工落实 ending).
    static func isUnitLine(_ paragraph: String) -> Bool {
        let key = TextFolding.simplifiedKey(paragraph)
        guard key.count <= 100, !key.contains("。"), !key.contains("："), !key.contains(":") else { return false }
        return read(paragraph, known: []) != nil
    }

    static func read(_ line: String, known: Set<String>) -> Responsibility? {
        let key = TextFolding.simplifiedKey(line)
        if let v = VerbalResponsibility.read(line, known: known, unitContext: true), !v.isEmpty { return v }
        var body = line
        let shared = dutyEnd.firstMatch(in: key)
        if let s = shared { body = line.substring(utf16To: s.range.location) }
        let names = UnitNames.split(body)
        guard !names.isEmpty, names.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { return nil }
        return shared != nil ? Responsibility(responsible: names) : Responsibility.listed(names)
    }
}
