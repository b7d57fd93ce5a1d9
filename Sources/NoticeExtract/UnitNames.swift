import Foundation
import NoticeText
import NoticeVocabulary

/// What a department name looks like, and how a written list of them splits.
enum UnitNames {
    /// Endings of body names in this genre (科, 处, 办, 委, 中心, 领导小组, 各单位 ...).
    static let suffixes = WordEndings(GenreVocabulary.organisationSuffixes)
    private static let notAUnit = TextPattern("^(?:含|包括|如|与|和|及|即|第|以下简称|简称|详见|见|按|根据|依据|其中|试行|暂行)|[〔〕\\[\\]《》“”\"'：:。；！？]|\\d|年|月|日|版|号|等方面|工作$|^[一二三四五六七八九十]+$")
    /// Two names glued without a separator: 区市场监管局区司法局 splits before the second 区.
    private static let gluedBoundary = TextPattern("(?<=" + GenreVocabulary.alternation(GenreVocabulary.gluedNameEnds) + ")(?=" + GenreVocabulary.alternation(GenreVocabulary.placeStarts) + ")")
    /// "医政科等有关部门": the named unit, then the others as a collective.
    private static let othersTail = TextPattern(GenreVocabulary.alternation(GenreVocabulary.othersTails) + "$")
    /// 及 / 和 / 与 between two whole names separates them (文化和旅游部 is one name: 文化 is none).
    private static let conjunction = TextPattern("[及和与]")

    /// A plausible department name, judged on its matching key (Simplified, width-folded).
    static func looksLikeUnit(_ name: String, known: Set<String> = []) -> Bool {
        let key = TextFolding.simplifiedKey(name)
        let n = key.count
        guard n >= 2, n <= 40 else { return false }
        if known.contains(key) { return true }
        if notAUnit.contains(in: key) { return false }
        // 各地, 各区, 各街道: a collective of places (各项, 各类, 各级 are not units).
        if placeCollective.contains(in: key) { return true }
        // 规划信息处（爱卫办）: the name before its note.
        let bare = withoutTrailingParenthetical(key)
        return suffixes.endsAny(bare) && !notAUnit.contains(in: bare)
    }

    /// Splits "医政科、人口监测与家庭发展科，委属各单位" on 、 ， , ； ; and line breaks, never inside
    /// parentheses (各县（市、区）人民政府 stays whole); trims "等" and stray brackets; splits 及 / 和
    /// between whole names and names glued without a separator; "X等有关部门" is X.
    static func split(_ list: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        // Levels listed before one name (各县、市、区政府) are one name: keep their 、 inside.
        var protected = list
        for m in levelList.matches(in: TextFolding.simplifiedKey(list)).reversed() {
            let r = Range(m.range, in: protected)!
            protected.replaceSubrange(r, with: protected[r].replacingOccurrences(of: "、", with: "\u{1}")
                .replacingOccurrences(of: "，", with: "\u{2}").replacingOccurrences(of: ",", with: "\u{3}"))
        }
        // Scalars, not Characters: each case of a switch on a Character is a string comparison.
        // (A list comes from a reflowed line: no "\r\n", no marks combining with punctuation.)
        for ch in protected.unicodeScalars {
            switch ch {
            case "（", "(": depth += 1; current.append(ch)
            case "）", ")":
                if depth > 0 { depth -= 1; current.append(ch) }
            case "〔", "〕", "[", "]", "【", "】": break
            case "、", "，", ",", "；", ";", "\n", "/", "／":
                if depth > 0 { current.append(ch) } else { parts.append(String(current)); current = String.UnicodeScalarView() }
            default: current.append(ch)
            }
        }
        parts.append(String(current))
        parts = parts.map { $0.replacingOccurrences(of: "\u{1}", with: "、").replacingOccurrences(of: "\u{2}", with: "，")
            .replacingOccurrences(of: "\u{3}", with: ",") }
        return sharingSuffix(parts.flatMap(separated).map(clean).filter { !$0.isEmpty })
    }

    private static let placeGovernment = TextPattern("^(?<place>[\\p{Han}]{2,6}?)(?<suffix>[市县区]人民政府|[市县区]政府)$")

    /// Short pieces before a name that share its ending: 相关市、县政府 is one name (a level
    /// before another); 哈尔滨、黑河、绥芬河市政府 are three (places before a shared 市政府).
    private static func sharingSuffix(_ names: [String]) -> [String] {
        var out: [String] = []
        var pending: [String] = []
        for name in names {
            let key = TextFolding.simplifiedKey(name)
            if !looksLikeUnit(name), key.count <= 5, !key.contains("（") {
                pending.append(name)
                continue
            }
            if !pending.isEmpty {
                if pending.allSatisfy({ "市县区".contains($0.last!) }) {
                    out.append((pending + [name]).joined(separator: "、"))
                } else if let m = placeGovernment.firstMatch(in: name), let suffix = m["suffix"] {
                    out += pending.map { $0 + suffix } + [name]
                } else {
                    out += pending + [name]
                }
                pending = []
            } else {
                out.append(name)
            }
        }
        return out + pending
    }

    /// One written part of a list, as the names it holds.
    private static func separated(_ part: String) -> [String] {
        var s = part.trimmingWhitespace()
        let key = TextFolding.simplifiedKey(s)
        if let m = othersTail.firstMatch(in: key), m.range.location >= 2 {
            // "海关总署、商务部等有关部门": the named units are the list; the rest are unnamed.
            s = s.substring(utf16To: m.range.location)
        }
        return splitConjunction(s).flatMap(splitGlued)
    }

    /// "市级各有关部门及各县市区政府" → two names; "人力资源和社会保障局" stays one.
    private static func splitConjunction(_ s: String) -> [String] {
        let key = TextFolding.simplifiedKey(s)
        for m in conjunction.matches(in: key) {
            let left = s.substring(utf16To: m.range.location)
            let right = s.substring(utf16From: m.range.location + 1)
            // 各区县及园区 is one collective: both sides must be names of their own (three characters or more).
            if left.count >= 3, right.count >= 3, looksLikeUnit(left),
               looksLikeUnit(right) || splitConjunction(right).allSatisfy({ looksLikeUnit($0) }) {
                return [left] + splitConjunction(right)
            }
        }
        return [s]
    }

    /// "区市场监管局区司法局" → ["区市场监管局", "区司法局"], when every piece is a name.
    private static func splitGlued(_ s: String) -> [String] {
        let key = TextFolding.simplifiedKey(s)
        guard key.count >= 6, !key.contains("（"), !key.contains("(") else { return [s] }
        var pieces: [String] = []
        var start = 0
        for m in gluedBoundary.matches(in: key) where m.range.location - start >= 3 {
            pieces.append(s.substring(utf16: NSRange(location: start, length: m.range.location - start)))
            start = m.range.location
        }
        guard !pieces.isEmpty else { return [s] }
        pieces.append(s.substring(utf16From: start))
        return pieces.allSatisfy({ $0.count >= 3 && looksLikeUnit($0) }) ? pieces : [s]
    }

    /// A note after the last name that is the list's legend: （列第一位者为工作牵头单位，下同）.
    private static let legendNote = TextPattern("[（(][^（）()]*(?:下同|第一|首位)[^（）()]*[）)]$")
    /// 各县、市、区政府 · 相关市、县政府: levels listed before one name.
    private static let levelList = TextPattern("(?:^|(?<=[、，,]))(?:各|相关|有关)?[县市区](?:[、，,][县市区])+(?:人民政府|政府|党委|[\\p{Han}]{0,6}?(?:局|委|办))")
    /// 各地, 各区, 各街道: a collective of places.
    private static let placeCollective = TextPattern("^各(?:地|区|县|市|镇|乡|街道|乡镇|镇街|县区|区县|县市区|县（市、区）|县\\(市、区\\))$", startsWith: "[各]")

    static func clean(_ raw: String) -> String {
        var s = raw.trimmingWhitespaceAndNewlines()
        if let m = legendNote.firstMatch(in: TextFolding.simplifiedKey(s)), m.range.location > 0 {
            s = s.substring(utf16To: m.range.location)
        }
        s = s.trimming(anyOf: " 　:：。.\"“”‘’「」|")
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

    /// "医政科（牵头）" → "医政科".
    static func markedLead(_ name: String) -> String? {
        for mark in GenreVocabulary.leadMarks where name.hasSuffix(mark) && name.count > mark.count {
            return String(name.dropLast(mark.count))
        }
        return nil
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
        return GenreVocabulary.collectiveMarks.contains { k.contains($0) }
    }
}
