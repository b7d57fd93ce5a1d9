import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// Finds quantitative targets (see ../shared/eval/SCHEMA.md, "Metrics"): comparisons
/// (不少于2次, 需达100%, 1条以上), ranges (1-2个), frequencies (每季度听取一次) and directional
/// targets on rates and counts (提高知晓率, 案件数量双降低). Vague words (全覆盖) are not metrics.
public enum MetricExtractor {
    /// Where a clause ends: one unit each, found by a scan (as an expression it was searched
    /// over every task's text, 3 µs a task).
    private static let clauseBreaks = UnitSet("。；;，,\n（）()".utf16)
    /// A rule's parameter set for others, not a target the units must reach: 补贴最高不超过10万元,
    /// 每户每年只能申领一次.
    private static let ruleParameter = TextPattern("最高|最多不超过|上限|封顶|只能|限申领|限领|一次性")
    /// Period words; 年内 after a number is a time limit (5年内), not the period of a target.
    /// (年内 last: no other word starting with 年 can match where it does, so the order is kept.)
    private static let periodWord = TextPattern("(?:" + GenreVocabulary.alternation(GenreVocabulary.periodWords.map(\.word).filter { $0 != "年内" })
        + "|(?<![\\d" + GenreVocabulary.numeralCharacters + "])年内)")

    public static func metrics(in text: String) -> [Metric] {
        explained(in: text).map(\.metric)
    }

    /// Every metric with the name of the rule that found it, in text order.
    static func explained(in text: String) -> [(rule: String, metric: Metric)] {
        // Patterns match the Simplified key; texts are taken from the original at the same offsets.
        let plain = text.removingAll(" ")
        let key = TextFolding.simplifiedKey(plain)
        var out: [(Int, String, Metric)] = []
        for r in key.utf16Pieces(separatedBy: clauseBreaks) where r.length > 1 {
            let clause = key.substring(utf16: r)
            guard mayHoldMetric(clause), !ruleParameter.contains(in: clause) else { continue }
            for (range, rule, var metric) in metrics(inClause: clause, written: plain.substring(utf16: r)) {
                metric.text = plain.substring(utf16: NSRange(location: r.location + range.location, length: range.length))
                out.append((r.location + range.location, rule, metric))
            }
        }
        return out.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
    }

    /// The rules of `MetricRules.all`, in order, over one clause; each metric with the span it came from.
    static func metrics(inClause clause: String, written: String? = nil) -> [(NSRange, String, Metric)] {
        var context = MetricClause(clause, written: written ?? clause, periodPattern: periodWord)
        var found: [(NSRange, String, Metric)] = []
        let prepared = TextPattern.Prepared(clause)   // converted once for the whole table
        for rule in MetricRules.all {
            for m in rule.pattern.matches(in: prepared) {
                guard !found.contains(where: { NSIntersectionRange($0.0, m.range).length > 0 }),
                      let (claim, metric) = rule.build(m, context),
                      !found.contains(where: { NSIntersectionRange($0.0, claim).length > 0 }) else { continue }
                found.append((claim, rule.name, metric))
                context.found.append(metric)
                if rule.name == "direction on a rate or count" { break }   // one direction per clause
            }
        }
        return found.sorted { $0.0.location < $1.0.location }
    }

    /// Numbers (Arabic or Chinese) or a directional verb: without either a clause has no target.
    static func mayHoldMetric(_ clause: String) -> Bool {
        for u in clause.unicodeScalars {
            switch u {
            case "0"..."9", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "%": return true
            default: continue
            }
        }
        return MetricRules.direction.contains(in: clause)
    }

    static func value(_ s: String) -> Metric.Value? {
        if let d = Double(s) { return .number(d) }
        return ChineseNumeral.value(of: s).map { .number(Double($0)) }
    }
}
