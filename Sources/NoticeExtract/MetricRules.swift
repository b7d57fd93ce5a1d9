import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// Every target form, in precedence order over one clause: a rule claims its span and later rules
/// cannot match over it. The order, written once: a change by a number (增长8%以上) before the
/// comparisons (不少于2次, 控制在5%以内), comparisons before bare ranges (1-2个) and "N以上"
/// tails, those before frequencies (每季度听取一次), frequencies before bare percentages, bare
/// percentages before fixed counts (建成3所), and a direction without a number (提高知晓率) last.
enum MetricRules {
    static let number = "(?<n>\\d+(?:\\.\\d+)?|[" + GenreVocabulary.numeralCharacters + "]{1,5})"
    static let arabic = "(?<n>\\d+(?:\\.\\d+)?)"
    /// Counters of a target, as written (万名 keeps its 万: the value is then 1 for 1万名).
    static let unit = "(?<unit>(?:万|亿)?(?:人次|家次|户次|场次|个百分点|学时|课时|个月|次|个|条|篇|人|名|家|场|期|项|份|所|批|支|户|件|起|类|本|部|种|轮|套|台|张|例|间|座|张|床|万元|亿元|吨|亩|公里|平方米|处|工作日|日|天|分钟|小时)|%|‰)"
    /// Counters that are amounts of money or time: a comparison may use them, a bare count may not.
    /// (An investment of 200亿元 is a target; a subsidy cap is a rule's parameter, excluded by clause.)
    static let notCounted: Set<String> = ["个月", "工作日", "日", "天", "分钟", "小时"]

    /// Verbs of a direction without a number, either way, and the one pattern of them: the rule
    /// below and the extractor's test for a clause that may hold a target.
    private static let directionVerbs = GenreVocabulary.loweringVerbs + GenreVocabulary.raisingVerbs
    static let direction = TextPattern(GenreVocabulary.alternation(directionVerbs),
                                       needsAny: GenreVocabulary.characters(heldByEach: directionVerbs))

    static let all: [MetricRule] = [
        // 增长8%以上, 下降5%, 提高到95%, 增加2个百分点
        MetricRule("change by a number", "(?<verb>\(GenreVocabulary.alternation(GenreVocabulary.changeByNumberVerbs)))(?<to>到|至)?\(arabic)(?<unit>%|个百分点)(?<tail>以上|左右|以内|以下)?") { m, c in
            let cmp: Metric.Comparator
            switch m["tail"] {
            case "以上": cmp = .atLeast
            case "以内", "以下": cmp = .atMost
            default: cmp = m["to"] != nil ? .atLeast : .equal
            }
            return Metric(text: m.text, comparator: cmp, value: MetricExtractor.value(m["n"]!), unit: c.unit(m),
                          period: c.period(before: m.range.location))
        },
        // 不少于2次, 控制在5%以内, 需达100%, 稳定在95%以上, 超过80%
        MetricRule("comparison", "(?<word>不少于|不低于|至少|最少|不超过|不高于|不多于|低于|高于|超过|突破|控制在|保持在|稳定在|需达到|需达|要达到|应达到|力争达到|达到|达(?![标成]))(?<gap>[^\\d一二两三四五六七八九十、，。；]{0,16}?)\(number)\(unit)(?!性)(?<tail>以上|以下|以内|左右)?") { m, c in
            var cmp: Metric.Comparator
            switch m["word"]! {
            case "不少于", "不低于", "至少", "最少", "高于", "超过", "突破": cmp = .atLeast
            case "不超过", "不高于", "不多于", "低于", "控制在": cmp = .atMost
            default: cmp = .equal
            }
            if m["tail"] == "以上" { cmp = .atLeast } else if m["tail"] == "以下" || m["tail"] == "以内" { cmp = .atMost }
            return Metric(text: m.text, comparator: cmp, value: MetricExtractor.value(m["n"]!), unit: c.unit(m),
                          period: c.period(before: m.range.location))
        },
        // 1-2个, 3—12个月, 1到2个
        MetricRule("range", "(?<lo>\\d+)\\s*[-—~～至到]\\s*(?<hi>\\d+)\(unit)") { m, c in
            guard let lo = Double(m["lo"]!), let hi = Double(m["hi"]!), lo < hi else { return nil }
            return Metric(text: m.text, comparator: .range, value: .range(lo, hi), unit: c.unit(m),
                          period: c.period(before: m.range.location))
        },
        // 500家以上, 3%以内
        MetricRule("number with a bound", "\(number)\(unit)(?!性)(?<tail>以上|以下|以内)") { m, c in
            Metric(text: m.text, comparator: m["tail"] == "以上" ? .atLeast : .atMost, value: MetricExtractor.value(m["n"]!),
                   unit: c.unit(m), period: c.period(before: m.range.location))
        },
        // 每季度听取一次, 每年至少开展2次
        MetricRule("frequency", "每(?<period>年|季度|半年|月|周|日|天)(?<gap>[^，。；\\d]{0,12}?)\(number)(?<unit>次|场|期|轮)(?!性)") { m, c in
            let gap = m["gap"] ?? ""
            let cmp: Metric.Comparator = gap.contains("至少") || gap.contains("不少于") ? .atLeast : .equal
            return Metric(text: m.text, comparator: cmp, value: MetricExtractor.value(m["n"]!), unit: c.unit(m),
                          period: DeadlineExtractor.period(m["period"]!))
        },
        // 6.2%左右, 95%
        MetricRule("percentage", "\(arabic)%") { m, c in
            Metric(text: m.text, comparator: .equal, value: MetricExtractor.value(m["n"]!), unit: "%",
                   period: c.period(before: m.range.location))
        },
        // 建成3所, 实施16个乡镇卫生院改扩建, 培养100名, 1万名左右: a fixed count of what is to be done.
        MetricRule("fixed count", "(?<![\\d.第前近后约共计每])\(arabic)\(unit)(?!性|以[上下内]|[\\d%])(?<tail>左右)?") { m, c in
            let u = m["unit"]!
            guard u != "%", !notCounted.contains(u) else { return nil }
            let written = c.unit(m) ?? u
            // 121人才梯队, 365健康: a number naming a programme, not a count of people.
            let next = c.text.substring(utf16: NSRange(location: min(m.range.location + m.range.length, c.length), length: m.range.location + m.range.length < c.length ? 1 : 0))
            if u == "人", "才员口民群大".contains(next), !next.isEmpty { return nil }
            return Metric(text: m.text, comparator: .equal, value: MetricExtractor.value(m["n"]!), unit: written,
                          period: c.period(before: m.range.location))
        },
        // 提高知晓率, 案件数量“双降低”, 知晓率进一步提高: a direction on a rate or a count only.
        MetricRule("direction on a rate or count", direction) { m, c in
            guard !c.found.contains(where: { [.increase, .decrease].contains($0.comparator) }) else { return nil }
            let afterRange = NSRange(location: m.range.location + m.range.length,
                                     length: min(24, c.length - m.range.location - m.range.length))
            let beforeRange = NSRange(location: max(0, m.range.location - 16), length: min(16, m.range.location))
            let objectAfter = rateObject.firstMatch(in: c.text, range: afterRange)
            let objectBefore = objectAfter == nil ? rateObject.matches(in: c.text, range: beforeRange).last : nil
            guard objectAfter != nil || objectBefore != nil else { return nil }
            let up = GenreVocabulary.raisingVerbs.contains(m.text)
            let span = objectAfter.map {
                NSRange(location: m.range.location, length: $0.range.location + $0.range.length - m.range.location)
            } ?? m.range
            return (span, Metric(text: c.substring(span), comparator: up ? .increase : .decrease, value: nil, unit: nil, period: nil))
        },
    ]

    static let rateObject = TextPattern("(?:(?<!效)率|满意度|参与度|知晓度|数量|金额|件数|人数|起数|发生数)")
}
