import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// Every time-limit form, in precedence order: a rule claims its span of the text, and a later
/// rule cannot match over a claimed span. So the order is the tie-break, written once here:
/// exact dates before spans of years, explicit periods (上半年, 第三季度, 即日起至…) before bare
/// months, recurring duties before the months inside them (每月15日前 is not 15日), ranges before
/// their end points (3月-4月 is not 4月), "by" dates before month parts, and response times and
/// reporting regimes last (they never overlap a calendar expression).
enum DeadlineRules {
    static let number = "[\\d一二三四五六七八九十两〇零]{1,4}"
    /// A point in time: [YYYY年][M月][D日|上旬|中旬|下旬|初|底|末|中].
    static var point: String { "(?:(?:\\d{4}|次|明)年)?\(number)月(?:\(number)日|上旬|中旬|下旬|初|底|末|中)?" }

    /// Each rule names characters one of which every match holds (`needs`), so a task without
    /// any is not searched: a time limit has a 月, 年, 每… somewhere.
    static let all: [DeadlineRule] = [
        // 2024.3.31, 2024-06-30
        DeadlineRule("numeric date", "(?<![\\d.])(?<y>\\d{4})[./-](?<m>\\d{1,2})[./-](?<d>\\d{1,2})(?![\\d.])(?:前|之前|以前)?", needs: "./-") { m, c in
            guard let y = Int(m["y"]!), let mo = Int(m["m"]!), let d = Int(m["d"]!),
                  (1...12).contains(mo), d >= 1, d <= TimePoint.daysIn(mo, y) else { return nil }
            return Deadline(text: c.original(m.range), kind: .date, end: String(format: "%04d-%02d-%02d", y, mo, d))
        },
        // 每月最后一个工作日
        DeadlineRule("last day of every month", "每月(?:最后一个工作日|最后一周|最后一天|末)(?:前|之前)?", needs: "每") { m, c in
            Deadline(text: c.original(m.range), kind: .recurring, every: .month)
        },
        // 2024年至2025年, 2024-2026年
        DeadlineRule("span of years", "(?<a>\\d{4})年?\\s*(?:至|到|-|—|–)\\s*(?<b>\\d{4})年", needs: "年") { m, c in
            guard let a = Int(m["a"]!), let b = Int(m["b"]!), a < b, b - a <= 10 else { return nil }
            return Deadline(text: c.original(m.range), kind: .range,
                            start: String(format: "%04d-01-01", a), end: String(format: "%04d-12-31", b))
        },
        // 2024年上半年
        DeadlineRule("half of a year", "(?<y>\\d{4})年(?<half>上半年|下半年)", needs: "半") { m, c in
            guard let p = TimePoint(m["half"]!, year: Int(m["y"]!)) else { return nil }
            return Deadline(text: c.original(m.range), kind: .range, start: p.first, end: p.last)
        },
        // 即日起至2024年12月31日
        DeadlineRule("from today until", "(?:自|从)?即日起(?:至|到)(?<p>\(point))", needs: "即") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .date, end: p.last)
        },
        // 到2025年底, 到2026年, 至2025年6月底: the target year (or month) is the limit.
        DeadlineRule("by a target year", "(?:到|至|截至|截止到?)(?<p>\\d{4}年(?:年?底|末)?(?:\(number)月(?:底|末)?)?)(?:前|之前|以前)?(?![\\d至到-])", needs: "年") { m, c in
            guard let p = TimePoint(m["p"]!.replacingOccurrences(of: "年年", with: "年"), year: c.year) else { return nil }
            let start = m.range.location + 1 + (m.text.hasPrefix("截至") || m.text.hasPrefix("截止") ? 1 : 0)
                + (m.text.hasPrefix("截止到") ? 1 : 0)
            let r = NSRange(location: start, length: m.range.location + m.range.length - start)
            return (m.range, Deadline(text: c.original(r), kind: .date, end: p.last))
        },
        // 第三季度 (the quarter), 2024年第一季度末 (by its end)
        DeadlineRule("quarter", "(?:(?<y>\\d{4})年)?第(?<q>[一二三四1-4])季度(?<end>末|底|前|之前|完成|结束前)?", needs: "季") { m, c in
            guard let q = ChineseNumeral.value(of: m["q"]!), (1...4).contains(q),
                  let y = m["y"].flatMap({ Int($0) }) ?? c.year else { return nil }
            let first = String(format: "%04d-%02d-01", y, q * 3 - 2)
            let last = String(format: "%04d-%02d-%02d", y, q * 3, TimePoint.daysIn(q * 3, y))
            return m["end"] == nil ? Deadline(text: c.original(m.range), kind: .range, start: first, end: last)
                                   : Deadline(text: c.original(m.range), kind: .date, end: last)
        },
        // （国务院各部门分别负责，年内持续推进）: the work year, as an annotation's time limit.
        DeadlineRule("the year as a limit in an annotation", "(?<=[，,（(])(?<limit>(?:年内|全年)(?:持续推进|完成|落实|推进)?)(?=[）)])", needs: "年") { m, c in
            guard let y = c.year else { return nil }
            let r = m.range(named: "limit")
            return (r, Deadline(text: c.original(r), kind: .range, start: String(format: "%04d-01-01", y), end: String(format: "%04d-12-31", y)))
        },
        // 每月15日前
        DeadlineRule("day of every period", "每(?<period>月|季度?|周|年)(?:的)?(?<day>\\d{1,2}|[一二三四五六七八九十]{1,3})日(?:前|之前|以前)?", needs: "每") { m, c in
            Deadline(text: c.original(m.range), kind: .recurring, every: DeadlineExtractor.period(m["period"]!),
                     byDay: ChineseNumeral.value(of: m["day"]!))
        },
        // 每年6月, 每年3月底前
        DeadlineRule("month of every year", "每年(?:的)?(?<month>\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?<day>\\d{1,2})日)?(?:底|末|中旬|上旬|下旬)?(?:前|之前)?", needs: "每") { m, c in
            Deadline(text: c.original(m.range), kind: .recurring, every: .year)
        },
        // 每月月底前, 每季度末
        DeadlineRule("end of every period", "每(?<period>月|季度?|半年|年)(?:月底|底|末|季末|年底|结束)(?:前|之前)?", needs: "每") { m, c in
            Deadline(text: c.original(m.range), kind: .recurring, every: DeadlineExtractor.period(m["period"]!))
        },
        // 3月-4月, 7月下旬至10月底
        DeadlineRule("range of months", "(?<a>\(point))\\s*(?:-|—|–|~|～|至|到)\\s*(?<b>\(point))", needs: "月") { m, c in
            guard let a = TimePoint(m["a"]!, year: c.year), let b = TimePoint(m["b"]!, year: a.explicitYear ?? c.year)
            else { return nil }
            return Deadline(text: c.original(m.range), kind: .range, start: a.first, end: b.last)
        },
        // 2024年3-5月
        DeadlineRule("range of months in a year", "(?<y>\\d{4}年)(?<a>\\d{1,2})\\s*(?:-|—|～|~|至)\\s*(?<b>\\d{1,2})月", needs: "月") { m, c in
            guard let a = TimePoint(m["y"]! + m["a"]! + "月", year: c.year),
                  let b = TimePoint(m["y"]! + m["b"]! + "月", year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .range, start: a.first, end: b.last)
        },
        // 2022年10月底前, 年底前, 6月30日前; "7月上旬完成" is the period 7月上旬.
        DeadlineRule("by a date", "(?<p>(?:(?:\\d{4}|次|明)年)?(?:\(number)月(?:\(number)日|上旬|中旬|下旬|初|底|末)?|年底|年末|上半年|下半年|年中|\\d{4}年年?(?:底|末)?))(?<verb>前|之前|以前|完成|截止)", needs: "月年") { m, c in
            let point = m["p"]!
            guard let p = TimePoint(point.replacingOccurrences(of: "年年", with: "年"), year: c.year) else { return nil }
            guard m["verb"] == "完成" || m["verb"] == "截止" else {
                return (m.range, Deadline(text: c.original(m.range), kind: .date, end: p.last))
            }
            let r = m.range(named: "p")
            let isPart = point.hasSuffix("上旬") || point.hasSuffix("中旬") || point.hasSuffix("下旬")
            return (m.range, isPart ? Deadline(text: c.original(r), kind: .range, start: p.first, end: p.last)
                                    : Deadline(text: c.original(r), kind: .date, end: p.last))
        },
        // 10月底
        DeadlineRule("end of a month", "(?<p>(?:(?:\\d{4}|次|明)年)?\(number)月(?:底|末))", needs: "月") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .date, end: p.last)
        },
        // 7月中旬
        DeadlineRule("part of a month", "(?<p>(?:(?:\\d{4})年)?\(number)月(?:上旬|中旬|下旬))", needs: "旬") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .range, start: p.first, end: p.last)
        },
        // （7月）
        DeadlineRule("month in brackets", "[（(](?<p>(?:\\d{4}年)?\(number)月)[）)]", needs: "月") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            let r = m.range(named: "p")
            return (r, Deadline(text: c.original(r), kind: .range, start: p.first, end: p.last))
        },
        // 委将于11月组织开展专项督查
        DeadlineRule("in a month", "(?<=于|在)(?<p>(?:\\d{4}年)?\\d{1,2}月(?:上旬|中旬|下旬|底|末)?)(?![\\d日前至到\\-—])", needs: "月") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .date, end: p.last)
        },
        // 6月集中开展宣传: a month opening a clause is when the work happens.
        DeadlineRule("month opening a clause", "(?:^|(?<=[，,。；;]))(?<p>\\d{1,2}月)(?=集中|开展|组织|启动|召开|部署|进行|举办|完成)", needs: "月") { m, c in
            guard let p = TimePoint(m["p"]!, year: c.year) else { return nil }
            return Deadline(text: c.original(m.range), kind: .range, start: p.first, end: p.last)
        },
        // 黄金4小时
        DeadlineRule("golden hours", "黄金(?<h>\\d+)小时", needs: "黄") { m, c in
            Deadline(text: c.original(m.range), kind: .within, duration: "PT\(m["h"]!)H")
        },
        // 半小时内, 24小时内, 3个工作日内
        DeadlineRule("response time", "(?<d>半个?小时|\\d+(?:\\.\\d+)?个?(?:小时|分钟|工作日|天|日))(?:内|之内)", needs: "时钟日天") { m, c in
            DeadlineExtractor.duration(m["d"]!).map { Deadline(text: c.original(m.range), kind: .within, duration: $0) }
        },
        // 5年内, 3个月内, 两年内: a span allowed from the notice (年内 alone is a metric's period).
        DeadlineRule("within years or months", "(?<![\\d年])(?<n>\\d{1,2}|[一二两三四五六七八九十]{1,2})(?<u>年|个月|周)(?:内|之内|以内)", needs: "年月周") { m, c in
            guard let n = ChineseNumeral.value(of: m["n"]!), n > 0 else { return nil }
            let iso = m["u"] == "年" ? "P\(n)Y" : m["u"] == "周" ? "P\(n)W" : "P\(n)M"
            return Deadline(text: c.original(m.range), kind: .within, duration: iso)
        },
        // 每月…报送 (a reporting duty; 每年不少于2次 and 每月通报一次 are frequencies, metrics)
        DeadlineRule("reporting every period", "每(?<period>日|天|周[一二三四五六日]?|月|季度|季|半年|年)(?<gap>[^。；，,]{0,14}?)(?:报告|报送|上报|汇报|汇总|报)", needs: "每") { m, c in
            let gap = m["gap"] ?? ""
            if gap.contains("不少于") || gap.contains("至少") || gap.contains("次") { return nil }
            if c.after(m, length: 4).contains("次") { return nil }
            let word = m["period"]!
            let head = NSRange(location: m.range.location, length: (("每" + word) as NSString).length)
            return (head, Deadline(text: c.original(head), kind: .recurring,
                                   every: DeadlineExtractor.period(String(word.prefix(word.hasPrefix("周") ? 1 : 2)))))
        },
        // 月报告, 季汇报, 周汇总
        DeadlineRule("reporting regime", "(?<![\\d个每上下本当次前后])(?<period>日|周|月|季)(?:度)?(?:报告|报送|汇报|汇总|研判|总结|通报|调度|报表|报)", needs: "报总判调") { m, c in
            Deadline(text: c.original(m.range), kind: .recurring, every: DeadlineExtractor.period(m["period"]!))
        },
    ]
}
