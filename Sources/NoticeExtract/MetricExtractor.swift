import Foundation
import NoticeModel
import NoticeText

/// Finds quantitative targets (see ../shared/eval/SCHEMA.md, "Metrics"): comparisons
/// (不少于2次, 需达100%, 1条以上), ranges (1-2个), frequencies (每季度听取一次) and directional
/// targets on rates and counts (提高知晓率, 案件数量双降低). Vague words (全覆盖) are not metrics.
public enum MetricExtractor {
    private static let number = "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]{1,5})"
    private static let unit = "(人次|家次|户次|万元|亿元|学时|课时|个百分点|次|个|条|篇|人|名|家|场|期|项|份|所|批|支|户|件|起|类|本|部|种|轮|套|台|张|例|天|工作日|日|分钟|小时|%)"
    private static let clauseBreak = TextPattern("[。；;，,\\n（）()]")
    private static let before = TextPattern("(不少于|不低于|至少|最少|不超过|不高于|不多于|低于|高于|控制在|保持在|需达到|需达|要达到|应达到|达到|达(?![标成]))([^\\d一二两三四五六七八九十、，。；]{0,16}?)\(number)\(unit)(?!性)(以上|以下|以内)?")
    private static let after = TextPattern("\(number)\(unit)(?!性)(以上|以下|以内)")
    private static let rangeValue = TextPattern("(\\d+)\\s*[-—~～至到]\\s*(\\d+)\(unit)")
    private static let percent = TextPattern("(\\d+(?:\\.\\d+)?)%")
    private static let directionalNumber = TextPattern("(提高|提升|增长|增加|降低|下降|减少|压降)(?:到|至)?(\\d+(?:\\.\\d+)?)(%|个百分点)")
    private static let frequency = TextPattern("每(年|季度|半年|月|周|日|天)([^，。；\\d]{0,12}?)\(number)(次|场|期|轮)(?!性)")
    private static let directional = TextPattern("(?:双降低|双下降|提高|提升|扩大|增加|降低|下降|减少|压降)")
    private static let rateObject = TextPattern("(?:(?<!效)率|满意度|参与度|知晓度|数量|金额|件数|人数|起数|发生数)")
    private static let periodWord = TextPattern("(每年|每季度|每半年|每月|每周|每日|每天|年内|全年|年度内)")

    public static func metrics(in text: String) -> [Metric] {
        // Patterns match the Simplified key; texts are taken from the original at the same offsets.
        let plain = text.removingAll(" ")
        let key = TextFolding.simplifiedKey(plain)
        let ns = key as NSString
        let written = plain as NSString
        var out: [(Int, Metric)] = []
        var clauseStart = 0
        var bounds: [NSRange] = []
        for m in clauseBreak.matches(in: key) {
            bounds.append(NSRange(location: clauseStart, length: m.range.location - clauseStart))
            clauseStart = m.range.location + 1
        }
        bounds.append(NSRange(location: clauseStart, length: ns.length - clauseStart))
        for r in bounds where r.length > 1 {
            let clause = ns.substring(with: r)
            guard mayHoldMetric(clause) else { continue }
            for (offset, var metric) in metrics(inClause: clause) {
                if let range = metric.sourceRange {
                    metric.text = written.substring(with: NSRange(location: r.location + range.location, length: range.length))
                }
                out.append((r.location + offset, metric.metric))
            }
        }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A metric found in a clause, with the clause range its text came from.
    struct Found {
        var metric: Metric
        var sourceRange: NSRange?
        var text: String {
            get { metric.text }
            set { metric.text = newValue }
        }
    }

    static func metrics(inClause clause: String) -> [(Int, Found)] {
        var found: [(Int, Found)] = []
        var taken: [NSRange] = []
        func add(_ r: NSRange, _ metric: Metric) {
            guard !taken.contains(where: { NSIntersectionRange($0, r).length > 0 }) else { return }
            taken.append(r)
            found.append((r.location, Found(metric: metric, sourceRange: r)))
        }
        let period = periodBefore(in: clause)
        for m in directionalNumber.matches(in: clause) {
            let up = ["提高", "提升", "增长", "增加"].contains(m.group(1)!)
            let to = m.text.contains("到" as Character) || m.text.contains("至" as Character)
            add(m.range, Metric(text: m.text, comparator: to ? .atLeast : (up ? .increase : .decrease),
                                value: value(m.group(2)!), unit: m.group(3)!, period: period(m.range.location)))
        }
        for m in before.matches(in: clause) {
            let word = m.group(1)!
            let tail = m.group(5)
            var cmp: Metric.Comparator
            switch word {
            case "不少于", "不低于", "至少", "最少", "高于": cmp = .atLeast
            case "不超过", "不高于", "不多于", "低于", "控制在": cmp = .atMost
            default: cmp = .equal
            }
            if tail == "以上" { cmp = .atLeast } else if tail == "以下" || tail == "以内" { cmp = .atMost }
            add(m.range, Metric(text: m.text, comparator: cmp, value: value(m.group(3)!), unit: m.group(4)!,
                                period: period(m.range.location)))
        }
        for m in rangeValue.matches(in: clause) {
            guard let lo = Double(m.group(1)!), let hi = Double(m.group(2)!) else { continue }
            add(m.range, Metric(text: m.text, comparator: .range, value: .range(lo, hi), unit: m.group(3)!,
                                period: period(m.range.location)))
        }
        for m in after.matches(in: clause) {
            let cmp: Metric.Comparator = m.group(3) == "以上" ? .atLeast : .atMost
            add(m.range, Metric(text: m.text, comparator: cmp, value: value(m.group(1)!), unit: m.group(2)!,
                                period: period(m.range.location)))
        }
        for m in frequency.matches(in: clause) {
            let gap = m.group(2) ?? ""
            let cmp: Metric.Comparator = gap.contains("至少") || gap.contains("不少于") ? .atLeast : .equal
            add(m.range, Metric(text: m.text, comparator: cmp, value: value(m.group(3)!), unit: m.group(4)!,
                                period: DeadlineExtractor.period(m.group(1)!)))
        }
        for m in percent.matches(in: clause) {
            add(m.range, Metric(text: m.text, comparator: .equal, value: value(m.group(1)!), unit: "%",
                                period: period(m.range.location)))
        }
        // Directional targets without a number, only on rates and counts.
        if found.isEmpty || !found.contains(where: { [.increase, .decrease].contains($0.1.metric.comparator) }) {
            for m in directional.matches(in: clause) where !taken.contains(where: { NSIntersectionRange($0, m.range).length > 0 }) {
                let ns = clause as NSString
                let afterRange = NSRange(location: m.range.location + m.range.length,
                                         length: min(24, ns.length - m.range.location - m.range.length))
                let beforeRange = NSRange(location: max(0, m.range.location - 16), length: min(16, m.range.location))
                let objectAfter = rateObject.firstMatch(in: clause, range: afterRange)
                // "案件数量双降低", "知晓率进一步提高": the rate or count may come first.
                let objectBefore = objectAfter == nil ? rateObject.matches(in: clause, range: beforeRange).last : nil
                guard objectAfter != nil || objectBefore != nil else { continue }
                let up = ["提高", "提升", "扩大", "增加"].contains(m.text)
                let span: NSRange
                if let o = objectAfter {
                    span = NSRange(location: m.range.location, length: o.range.location + o.range.length - m.range.location)
                } else {
                    span = m.range   // "案件数量、涉案金额“双降低”": the target is the verb
                }
                add(span, Metric(text: ns.substring(with: span), comparator: up ? .increase : .decrease,
                                 value: nil, unit: nil, period: nil))
                break
            }
        }
        return found
    }

    /// Numbers (Arabic or Chinese) or a directional verb: without either a clause has no target.
    static func mayHoldMetric(_ clause: String) -> Bool {
        for u in clause.unicodeScalars {
            if (0x30...0x39).contains(u.value) || "一二两三四五六七八九十百千万%".unicodeScalars.contains(u) { return true }
        }
        return directional.contains(in: clause)
    }

    /// The period word (每年, 每季度, 年内 …) nearest before `location` in the clause.
    private static func periodBefore(in clause: String) -> (Int) -> Deadline.Period? {
        let words = periodWord.matches(in: clause)
        return { location in
            guard let w = words.last(where: { $0.range.location <= location }) else { return nil }
            switch w.text {
            case "每年", "年内", "全年", "年度内": return .year
            case "每季度": return .quarter
            case "每半年": return .halfYear
            case "每月": return .month
            case "每周": return .week
            default: return .day
            }
        }
    }

    static func value(_ s: String) -> Metric.Value? {
        if let d = Double(s) { return .number(d) }
        return ChineseNumeral.value(of: s).map { .number(Double($0)) }
    }
}
