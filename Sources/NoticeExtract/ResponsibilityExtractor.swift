import Foundation
import NoticeText

/// Finds explicit responsibility in a task's text: labelled (牵头单位：X；配合单位：Y, 责任处室：lines),
/// verbal (X牵头，Y按职责分工负责 / 由X牵头，Y配合), and unlabelled trailing lists （医务处、公卫科）.
/// `text` is the task's paragraphs joined with "\n".
enum ResponsibilityExtractor {
    enum Role { case lead, support, responsible, ignored }

    /// Responsibility labels, and the other fields written beside them (完成时限：, 责任人：), which
    /// end a list of units; an inner note such as 责任单位（部门）： is part of the label.
    private static let label = TextPattern("(?:[【\\[]\\s*)?(完成时限|完成时间|完成期限|时间节点|时间要求|时限要求|时限|进度安排|责任人|联系人|联系电话|分管领导|工作目标|目标任务|工作要求|工作措施|备注|(?:主要)?(?:牵头|主办|主责|配合|协办|协作|协同|协助|参与|责任)(?:责任)?(?:单位|部门|处室|科室|股室|机构|领导|主体)?)\\s*(?:[（(][^）)：:]{1,8}[）)])?\\s*(?:[：:]|[】\\]])")

    private static let otherFields: Set<String> = [
        "完成时限", "完成时间", "完成期限", "时间节点", "时间要求", "时限要求", "时限", "进度安排", "责任人", "联系人",
        "联系电话", "分管领导", "工作目标", "目标任务", "工作要求", "工作措施", "备注",
    ]

    static func role(of label: String) -> Role {
        if label.hasSuffix("领导") || otherFields.contains(label) { return .ignored }   // people, dates: not units
        let core = label.hasPrefix("主要") ? String(label.dropFirst(2)) : label
        if core.hasPrefix("牵头") || core.hasPrefix("主办") || core.hasPrefix("主责") { return .lead }
        if core.hasPrefix("责任") { return .responsible }
        return .support
    }

    /// A paragraph that is only a responsibility annotation: "牵头单位：X；配合单位：Y".
    static func isLabelLine(_ paragraph: String) -> Bool {
        let key = TextFolding.simplifiedKey(paragraph)
        guard let m = label.firstMatch(in: key, anchored: true) else { return false }
        return role(of: m.group(1)!) != .ignored
    }

    static func explicit(in text: String, known: Set<String>) -> Responsibility? {
        if let r = labelled(in: text) { return r }
        if let r = verbal(in: text, known: known) { return r }
        return unlabelledList(in: text, known: known)
    }

    // MARK: labelled

    static func labelled(in text: String) -> Responsibility? {
        let key = TextFolding.simplifiedKey(text)
        let ns = text as NSString
        let keyNS = key as NSString
        let matches = label.matches(in: key)
        guard !matches.isEmpty else { return nil }
        var leads: [String] = [], supports: [String] = [], responsibles: [String] = []
        for (i, m) in matches.enumerated() {
            let start = m.range.location + m.range.length
            let hardEnd = i + 1 < matches.count ? matches[i + 1].range.location : keyNS.length
            var end = start
            var depth = 0
            scan: while end < hardEnd {
                let c = keyNS.character(at: end)
                switch c {
                case 0xFF08, 0x28: depth += 1             // （ (
                case 0xFF09, 0x29:                         // ） )
                    if depth == 0 { break scan }
                    depth -= 1
                case 0x0A where keyNS.substring(with: NSRange(location: start, length: end - start))
                        .trimmingCharacters(in: .whitespaces).isEmpty:
                    break                                  // "责任单位：" + line break + the units
                case 0x0A, 0x3002: break scan              // \n 。
                default: break
                }
                end += 1
            }
            let value = ns.substring(with: NSRange(location: start, length: end - start))
            let names = UnitNames.split(value)
            switch role(of: m.group(1)!) {
            case .lead: leads += names
            case .support: supports += names
            case .responsible: responsibles += names
            case .ignored: break
            }
        }
        // "责任部门：医政科（牵头）、法规科": the marked name leads.
        for list in [responsibles, supports] {
            for name in list where markedLead(name) != nil {
                leads.append(markedLead(name)!)
            }
        }
        if !leads.isEmpty {
            responsibles = responsibles.filter { markedLead($0) == nil }
            supports = supports.filter { markedLead($0) == nil }
            leads = leads.map { markedLead($0) ?? $0 }
            // With a lead named, 责任单位 play the supporting role.
            return Responsibility(lead: dedupe(leads), support: dedupe(supports + responsibles), responsible: [])
        }
        if !responsibles.isEmpty {
            var r = Responsibility.listed(dedupe(responsibles))
            r.support = dedupe(r.support + supports)
            return r
        }
        if !supports.isEmpty { return Responsibility(support: dedupe(supports)) }
        return nil
    }

    /// "医政科（牵头）" → "医政科".
    static func markedLead(_ name: String) -> String? {
        for suffix in ["（牵头）", "(牵头)", "（牵头单位）", "(牵头单位)"] where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return nil
    }

    // MARK: verbal

    /// "X牵头，Y配合" at a clause start (after 由, or a short lead-in such as 此项工作由), the
    /// sentence going on after it or not: "由医政科牵头，公卫科配合，开展…".
    private static let leadClause = TextPattern("^(?:[^，,]{0,12}?由)?([^，,]{2,60}?)牵头(?:负责|实施)?(?:[，,、]\\s*([^，,]{2,90}?)(?:按职责分工负责|按照职责分工负责|按职责负责|按各自职责负责|分工负责|负责配合|共同配合|配合实施|等配合|配合|参与|协助|协同|共同负责))?(?=$|[，,])")
    /// "医政科为牵头单位，区人民医院、区中医院为配合单位" and "由医政科负责，法规科配合".
    private static let namedRoles = TextPattern("^([^，,]{2,60}?)(?:为牵头(?:单位|部门|科室|处室)?|[（(]牵头[）)])[，,、]\\s*([^，,]{2,90}?)(?:为(?:配合|协办|参与)(?:单位|部门|科室|处室)?|配合|协助|参与)(?=$|[，,])")
    /// "规划发展处为责任单位", "医政医管处、安全生产科为责任单位".
    private static let namedResponsible = TextPattern("^([^，,]{2,90}?)为(?:责任|主责)(?:单位|部门|科室|处室)$")
    private static let dutyAndHelp = TextPattern("^由([^，,]{2,60}?)负责[，,]\\s*([^，,]{2,90}?)(?:配合|协助|参与)(?=$|[，,])")
    private static let sharedClause = TextPattern("^([^，,]{2,90}?)(?:按职责分工负责|按照职责分工负责|按职责负责|按各自职责负责|分工负责|共同负责)(?=$|[，,])")
    private static let clauseBreak = TextPattern("[。；;\\n（）()]")
    private static let commaBreak = TextPattern("[，,]")
    private static let sentenceBreak = TextPattern("[。；;]")

    static func verbal(in paragraphs: String, known: Set<String>) -> Responsibility? {
        // A sentence may run over a paragraph break that reflow could not mend; only label lines need those.
        let text = paragraphs.removingAll("\n")
        let key = TextFolding.simplifiedKey(text)
        guard key.firstRange(of: "牵头") != nil || key.firstRange(of: "负责") != nil || key.firstRange(of: "责任") != nil
        else { return nil }
        let ns = text as NSString
        var cuts = [0]
        for m in clauseBreak.matches(in: key) { cuts.append(m.range.location); cuts.append(m.range.location + 1) }
        cuts.append((key as NSString).length)
        // Every clause, and every comma-started tail of one ("开展整治，由医政科牵头，…").
        var ranges: [NSRange] = []
        var i = 0
        while i + 1 < cuts.count {
            let r = NSRange(location: cuts[i], length: cuts[i + 1] - cuts[i])
            i += 2
            ranges.append(r)
            for c in commaBreak.matches(in: key, range: r) {
                let s = c.range.location + 1
                ranges.append(NSRange(location: s, length: r.location + r.length - s))
            }
        }
        // Whole sentences too, where a parenthesis is part of the statement: "疾控股（牵头）、Y配合".
        var start = 0
        for m in sentenceBreak.matches(in: key) + [] {
            ranges.append(NSRange(location: start, length: m.range.location - start))
            start = m.range.location + 1
        }
        ranges.append(NSRange(location: start, length: (key as NSString).length - start))
        for r in ranges {
            guard r.length >= 4 else { continue }
            let clauseKey = (key as NSString).substring(with: r).trimmingCharacters(in: .whitespaces)
            let clause = ns.substring(with: r).trimmingCharacters(in: .whitespaces)
            for pattern in [namedRoles, dutyAndHelp] {
                if let m = pattern.firstMatch(in: clauseKey) {
                    let l = namesAt(m.ranges[1], in: clause, offsetFrom: clauseKey)
                    let s = namesAt(m.ranges[2], in: clause, offsetFrom: clauseKey)
                    if !l.isEmpty, (l + s).allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) {
                        return Responsibility(lead: l, support: s, responsible: [])
                    }
                }
            }
            if let m = namedResponsible.firstMatch(in: clauseKey) {
                let names = namesAt(m.ranges[1], in: clause, offsetFrom: clauseKey)
                if !names.isEmpty, names.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) {
                    return Responsibility.listed(names)
                }
            }
            if let m = leadClause.firstMatch(in: clauseKey) {
                let leadNames = namesAt(m.ranges[1], in: clause, offsetFrom: clauseKey)
                guard !leadNames.isEmpty, leadNames.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { continue }
                var supportNames: [String] = []
                if m.ranges[2].location != NSNotFound {
                    supportNames = namesAt(m.ranges[2], in: clause, offsetFrom: clauseKey)
                    guard supportNames.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { continue }
                }
                return Responsibility(lead: leadNames, support: supportNames, responsible: [])
            }
            if let m = sharedClause.firstMatch(in: clauseKey) {
                let names = namesAt(m.ranges[1], in: clause, offsetFrom: clauseKey)
                guard !names.isEmpty, names.allSatisfy({ UnitNames.looksLikeUnit($0, known: known) }) else { continue }
                return Responsibility(lead: [], support: [], responsible: names)
            }
        }
        return nil
    }

    private static func namesAt(_ range: NSRange, in clause: String, offsetFrom clauseKey: String) -> [String] {
        // The key and the clause have equal UTF-16 lengths, so the key's range applies to the clause.
        UnitNames.split((clause as NSString).substring(with: range))
    }

    // MARK: unlabelled lists

    /// A parenthetical of unit names closing a paragraph (after a sentence end or a heading):
    /// "…措施。（医务处、公卫科、院感科）" — the first leads, the rest support.
    private static let trailingParen = TextPattern("(?:^|[。；;，,.！？!?\\p{Han}])\\s*[（(]([^（）()：:]*(?:[（(][^（）()]*[）)][^（）()：:]*)*)[）)]\\s*[。.；;]?\\s*$")

    static func unlabelledList(in text: String, known: Set<String>) -> Responsibility? {
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
            let headingLine = !p.contains("。" as Character) && p.count <= 60
            guard afterSentence || headingLine else { continue }
            let names = UnitNames.split(m.group(1)!)
            guard !names.isEmpty, names.allSatisfy({ UnitNames.looksLikeUnit(markedLead($0) ?? $0, known: known) }) else { continue }
            if let marked = names.first(where: { markedLead($0) != nil }) {
                // "（疾控科（牵头）、办公室）": the marked name leads.
                return Responsibility(lead: [markedLead(marked)!], support: names.filter { $0 != marked }, responsible: [])
            }
            if !afterSentence, names.count == 1, !known.contains(TextFolding.simplifiedKey(names[0])) { continue }
            return Responsibility.listed(names)
        }
        return nil
    }

    static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
