import Foundation
import NoticeText

/// What a department name looks like, and how a written list of them splits.
enum UnitNames {
    /// Endings of body names in this genre (科, 处, 办, 委, 中心, 领导小组, 各单位 ...).
    static let suffix = TextPattern("(?:科|处|室|办|局|委|院|中心|部|组|队|站|所|会|厅|司|馆|团|单位|机构|部门|政府|党委|党组|支部|街道|镇|乡|公司|集团|基地|支队|大队|委员会|办公室|小组|社区|科室|处室|机关|医院|分局|卫生院|学校|协会|联社|专班|法院|检察院|股|股室)$")
    private static let notAUnit = TextPattern("^(?:含|包括|如|与|和|及|即|第|以下简称|简称|详见|见|按|根据|依据|其中|试行|暂行)|[〔〕\\[\\]《》“”\"'：:。；！？]|\\d|年|月|日|版|号|等方面|工作$|^[一二三四五六七八九十]+$")

    /// A plausible department name, judged on its matching key (Simplified, width-folded).
    static func looksLikeUnit(_ name: String, known: Set<String> = []) -> Bool {
        let key = TextFolding.simplifiedKey(name)
        let n = key.count
        guard n >= 2, n <= 40 else { return false }
        if known.contains(key) { return true }
        if notAUnit.contains(in: key) { return false }
        return suffix.contains(in: key)
    }

    /// Splits "医政科、人口监测与家庭发展科，委属各单位" on 、 ， , ； ; and line breaks, never inside
    /// parentheses (各县（市、区）人民政府 stays whole); trims "等" and stray brackets.
    static func split(_ list: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in list {
            switch ch {
            case "（", "(": depth += 1; current.append(ch)
            case "）", ")":
                if depth > 0 { depth -= 1; current.append(ch) }
            case "、", "，", ",", "；", ";", "\n", "/", "／":
                if depth > 0 { current.append(ch) } else { parts.append(current); current = "" }
            default: current.append(ch)
            }
        }
        parts.append(current)
        return parts.map(clean).filter { !$0.isEmpty }
    }

    static func clean(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " 　:：。.\"“”‘’「」"))
        if s.hasPrefix("由") && s.count > 3 { s.removeFirst() }
        while s.hasSuffix("等") && s.count > 2 { s.removeLast() }
        // Unbalanced closing bracket left over from a label inside a parenthetical.
        while let last = s.last, last == "）" || last == ")",
              s.filter({ $0 == "（" || $0 == "(" }).count < s.filter({ $0 == "）" || $0 == ")" }).count {
            s.removeLast()
        }
        while let first = s.first, first == "（" || first == "(",
              s.filter({ $0 == "（" || $0 == "(" }).count > s.filter({ $0 == "）" || $0 == ")" }).count {
            s.removeFirst()
        }
        return s.removingAll(" ")
    }

    /// "委平安法治建设工作领导小组办公室（安稳办）" → "委平安法治建设工作领导小组办公室".
    static func withoutTrailingParenthetical(_ name: String) -> String {
        guard name.last == "）" || name.last == ")", let open = name.lastIndex(where: { $0 == "（" || $0 == "(" }),
              open > name.startIndex else { return name }
        return String(name[..<open])
    }

    /// Collectives: 各单位, 委属各单位, 机关各科室, 委相关处室, 有关部门.
    static func isCollective(_ name: String) -> Bool {
        let k = TextFolding.simplifiedKey(name)
        return k.contains("各" as Character) || k.hasPrefix("相关") || k.contains("相关") || k.hasPrefix("有关") || k.hasPrefix("全系统")
    }
}
