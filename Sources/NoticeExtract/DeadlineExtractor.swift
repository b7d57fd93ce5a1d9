import Foundation
import NoticeModel
import NoticeText

/// Finds time limits in a task's text (see ../shared/eval/SCHEMA.md): dates (10月底前), ranges
/// (3月-4月, 7月下旬至10月底), recurring duties (每月15日前, 月报告、季汇报), response times
/// (半小时内) and, in a time-limit column, open-ended limits (长期坚持).
public enum DeadlineExtractor {
    private static let num = "[\\d一二三四五六七八九十两〇零]{1,4}"
    // A point in time: [YYYY年][M月][D日|上旬|中旬|下旬|初|底|末] or 年底/年末/上半年/下半年.
    private static var point: String { "(?:(?:\\d{4}|次|明)年)?\(num)月(?:\(num)日|上旬|中旬|下旬|初|底|末|中)?" }
    private static let recurringByDay = TextPattern("每(月|季度?|周|年)(?:的)?(\\d{1,2}|[一二三四五六七八九十]{1,3})日(?:前|之前|以前)?")
    private static let yearlyMonth = TextPattern("每年(?:的)?(\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\\d{1,2})日)?(?:底|末|中旬|上旬|下旬)?(?:前|之前)?")
    private static let recurringEnd = TextPattern("每(月|季度?|半年|年)(?:月底|底|末|季末|年底|结束)(?:前|之前)?")
    private static let rangePattern = TextPattern("(\(point))\\s*(?:-|—|–|~|～|至|到)\\s*(\(point))")
    private static let shortRange = TextPattern("((?:\\d{4})年)(\\d{1,2})\\s*(?:-|—|～|~|至)\\s*(\\d{1,2})月")
    private static let datePattern = TextPattern("((?:(?:\\d{4}|次|明)年)?(?:\(num)月(?:\(num)日|上旬|中旬|下旬|初|底|末)?|年底|年末|上半年|下半年|年中|\\d{4}年年?(?:底|末)?))(?:前|之前|以前|完成|截止)")
    private static let monthEndPattern = TextPattern("((?:(?:\\d{4}|次|明)年)?\(num)月(?:底|末))")
    private static let monthPartPattern = TextPattern("((?:(?:\\d{4})年)?\(num)月(?:上旬|中旬|下旬))")
    private static let parenMonth = TextPattern("[（(]((?:\\d{4}年)?\(num)月)[）)]")
    private static let withinPattern = TextPattern("(半个?小时|\\d+(?:\\.\\d+)?个?(?:小时|分钟|工作日|天|日))(?:内|之内)")
    private static let goldenHours = TextPattern("黄金(\\d+)小时")
    private static let reportingEvery = TextPattern("每(日|天|周[一二三四五六日]?|月|季度|季|半年|年)([^。；，,]{0,14}?)(?:报告|报送|上报|汇报|汇总|报)")
    private static let reportingRegime = TextPattern("(?<![\\d个每上下本当次前后])(日|周|月|季)(?:度)?(报告|报送|汇报|汇总|研判|总结|通报|调度|报表|报)")
    /// 第三季度 / 2024年第一季度: by its end when followed by 前/末/完成, else the quarter itself.
    private static let quarterPattern = TextPattern("(?:(\\d{4})年)?第([一二三四1-4])季度(末|底|前|之前|完成|结束前)?")
    /// 即日起至2024年12月31日: a "by" date.
    private static let untilPattern = TextPattern("(?:自|从)?即日起(?:至|到)(\(point))")
    private static let halfYear = TextPattern("(\\d{4})年(上半年|下半年)")
    private static let yearSpan = TextPattern("(\\d{4})年?\\s*(?:至|到|-|—|–)\\s*(\\d{4})年")
    private static let numericDate = TextPattern("(?<![\\d.])(\\d{4})[./-](\\d{1,2})[./-](\\d{1,2})(?![\\d.])(?:前|之前|以前)?")
    private static let monthLastDay = TextPattern("每月(?:最后一个工作日|最后一周|最后一天|末)(?:前|之前)?")
    /// "委将于11月组织开展专项督查": a month named as when the work is done.
    private static let inMonth = TextPattern("(?<=于|在)((?:\\d{4}年)?\\d{1,2}月(?:上旬|中旬|下旬|底|末)?)(?![\\d日前至到\\-—])")
    private static let everyPattern = TextPattern("^每(日|天|周|月|季度|半年|年)$")
    private static let ongoingPattern = TextPattern("^(?:长期坚持|长期|持续推进|持续开展|常态化推进|常态化|长期推进|持续)$")

    /// Deadlines in running text; `year` resolves month-only dates.
    public static func deadlines(in text: String, year: Int?) -> [Deadline] {
        // Patterns match the Simplified key; texts are taken from the original at the same offsets.
        let plain = text.removingAll(" ")
        let key = TextFolding.simplifiedKey(plain)
        let written = plain as NSString
        func original(_ r: NSRange) -> String { written.substring(with: r) }
        var found: [(Int, Deadline)] = []
        var taken: [NSRange] = []
        func free(_ r: NSRange) -> Bool { !taken.contains { NSIntersectionRange($0, r).length > 0 } }
        func add(_ r: NSRange, _ d: Deadline?) {
            guard let d, free(r) else { return }
            taken.append(r)
            found.append((r.location, d))
        }
        for m in numericDate.matches(in: key) {
            guard let y = Int(m.group(1)!), let mo = Int(m.group(2)!), let d = Int(m.group(3)!),
                  (1...12).contains(mo), d >= 1, d <= TimePoint.daysIn(mo, y) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .date, end: String(format: "%04d-%02d-%02d", y, mo, d)))
        }
        for m in monthLastDay.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .recurring, every: .month))
        }
        for m in yearSpan.matches(in: key) {
            guard let a = Int(m.group(1)!), let b = Int(m.group(2)!), a < b, b - a <= 10 else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .range,
                                  start: String(format: "%04d-01-01", a), end: String(format: "%04d-12-31", b)))
        }
        for m in halfYear.matches(in: key) {
            guard let p = TimePoint(m.group(2)!, year: Int(m.group(1)!)) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .range, start: p.first, end: p.last))
        }
        for m in untilPattern.matches(in: key) {
            guard let p = TimePoint(m.group(1)!, year: year) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .date, end: p.last))
        }
        for m in quarterPattern.matches(in: key) {
            guard let q = ChineseNumeral.value(of: m.group(2)!), (1...4).contains(q),
                  let y = m.group(1).flatMap({ Int($0) }) ?? year else { continue }
            let first = String(format: "%04d-%02d-01", y, q * 3 - 2)
            let last = String(format: "%04d-%02d-%02d", y, q * 3, TimePoint.daysIn(q * 3, y))
            add(m.range, m.group(3) == nil ? Deadline(text: original(m.range), kind: .range, start: first, end: last)
                                           : Deadline(text: original(m.range), kind: .date, end: last))
        }
        for m in recurringByDay.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .recurring, every: period(m.group(1)!),
                                  byDay: ChineseNumeral.value(of: m.group(2)!)))
        }
        for m in yearlyMonth.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .recurring, every: .year))
        }
        for m in recurringEnd.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .recurring, every: period(m.group(1)!)))
        }
        for m in rangePattern.matches(in: key) {
            guard let a = TimePoint(m.group(1)!, year: year), let b = TimePoint(m.group(2)!, year: a.explicitYear ?? year)
            else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .range, start: a.first, end: b.last))
        }
        for m in shortRange.matches(in: key) {
            guard let a = TimePoint(m.group(1)! + m.group(2)! + "月", year: year),
                  let b = TimePoint(m.group(1)! + m.group(3)! + "月", year: year) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .range, start: a.first, end: b.last))
        }
        for m in datePattern.matches(in: key) {
            // "2024年年底前" says the year twice.
            let point = m.group(1)!
            guard let p = TimePoint(point.replacingOccurrences(of: "年年", with: "年"), year: year) else { continue }
            if m.text.hasSuffix("完成") || m.text.hasSuffix("截止") {
                // "7月上旬完成": the expression is the time; a part of a month is a period.
                let r = m.ranges[1]
                let isPart = point.hasSuffix("上旬") || point.hasSuffix("中旬") || point.hasSuffix("下旬")
                add(m.range, isPart ? Deadline(text: original(r), kind: .range, start: p.first, end: p.last)
                                    : Deadline(text: original(r), kind: .date, end: p.last))
            } else {
                add(m.range, Deadline(text: original(m.range), kind: .date, end: p.last))
            }
        }
        for m in monthEndPattern.matches(in: key) {
            guard let p = TimePoint(m.group(1)!, year: year) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .date, end: p.last))
        }
        for m in monthPartPattern.matches(in: key) {
            guard let p = TimePoint(m.group(1)!, year: year) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .range, start: p.first, end: p.last))
        }
        for m in parenMonth.matches(in: key) {
            guard let p = TimePoint(m.group(1)!, year: year) else { continue }
            add(m.ranges[1], Deadline(text: original(m.ranges[1]), kind: .range, start: p.first, end: p.last))
        }
        for m in inMonth.matches(in: key) {
            guard let p = TimePoint(m.group(1)!, year: year) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .date, end: p.last))
        }
        for m in goldenHours.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .within, duration: "PT\(m.group(1)!)H"))
        }
        for m in withinPattern.matches(in: key) {
            guard let d = duration(m.group(1)!) else { continue }
            add(m.range, Deadline(text: original(m.range), kind: .within, duration: d))
        }
        for m in reportingEvery.matches(in: key) {
            // "每年不少于2次" is a frequency target (a metric), not a reporting duty.
            let gap = m.group(2) ?? ""
            if gap.contains("不少于") || gap.contains("至少") || gap.contains("次" as Character) { continue }
            let rest = (key as NSString).length - m.range.location - m.range.length
            let after = (key as NSString).substring(with: NSRange(location: m.range.location + m.range.length, length: min(4, rest)))
            if after.contains("次" as Character) { continue }   // "每月通报一次": how often, a metric
            let word = m.group(1)!
            let head = NSRange(location: m.range.location, length: (("每" + word) as NSString).length)
            add(head, Deadline(text: original(head), kind: .recurring, every: period(String(word.prefix(word.hasPrefix("周") ? 1 : 2)))))
        }
        for m in reportingRegime.matches(in: key) {
            add(m.range, Deadline(text: original(m.range), kind: .recurring, every: period(m.group(1)!)))
        }
        return dedupe(found.sorted { $0.0 < $1.0 }.map(\.1))
    }

    /// One deadline per obligation; "每月10日前" makes a bare "每月…报送" of the same period redundant.
    static func dedupe(_ ds: [Deadline]) -> [Deadline] {
        var seen = Set<String>()
        let dated = Set(ds.filter { $0.kind == .recurring && $0.byDay != nil }.compactMap(\.every))
        return ds.filter { d in
            if d.kind == .recurring, d.byDay == nil, let e = d.every, dated.contains(e) { return false }
            return seen.insert(d.key).inserted
        }
    }

    /// A time-limit table cell: like running text, but a bare month or year means "by then"
    /// and 长期坚持 is an open-ended limit.
    public static func deadlines(inLimitCell cell: String, year: Int?) -> [Deadline] {
        let plain = cell.removingAll(" ")
        let key = TextFolding.simplifiedKey(plain)
        guard !key.isEmpty else { return [] }
        if ongoingPattern.matchesWhole(key) { return [Deadline(text: plain, kind: .ongoing)] }
        if let m = everyPattern.firstMatch(in: key) {
            return [Deadline(text: plain, kind: .recurring, every: period(m.group(1)!))]
        }
        // A time-limit cell holding a period means "by its end": 第三季度 → by 09-30.
        var found = deadlines(in: plain, year: year)
        if found.count == 1, found[0].kind == .range, key.hasPrefix("第") || key.contains("季度") {
            found[0] = Deadline(text: found[0].text, kind: .date, end: found[0].end)
        }
        if !found.isEmpty { return found }
        if let p = TimePoint(key.replacingOccurrences(of: "前", with: ""), year: year) {
            return [Deadline(text: plain, kind: .date, end: p.last)]
        }
        if key.hasPrefix("长期") || key.hasPrefix("持续") { return [Deadline(text: plain, kind: .ongoing)] }
        return []
    }

    static func period(_ word: String) -> Deadline.Period? {
        switch word {
        case "日", "天": return .day
        case "周": return .week
        case "月": return .month
        case "季", "季度": return .quarter
        case "半年": return .halfYear
        case "年": return .year
        default: return nil
        }
    }

    static func duration(_ s: String) -> String? {
        if s.hasPrefix("半") { return "PT30M" }
        let digits = s.prefix { $0.isNumber || $0 == "." }
        guard let n = Double(digits) else { return nil }
        let v = n.rounded() == n ? String(Int(n)) : String(n)
        if s.hasSuffix("分钟") { return "PT\(v)M" }
        if s.hasSuffix("小时") { return "PT\(v)H" }
        return "P\(v)D"
    }
}

/// A calendar expression resolved to its first and last day.
struct TimePoint {
    var first: String
    var last: String
    var explicitYear: Int?

    private static let shape = TextPattern("^(?:(\\d{4}|次|明)年)?(?:([\\d一二三四五六七八九十两〇零]{1,3})月)?(?:([\\d一二三四五六七八九十两〇零]{1,3})日|(上旬|中旬|下旬|初|底|末|中))?$")

    init?(_ text: String, year: Int?) {
        guard let p = Self.resolve(text, year: year) else { return nil }
        self = p
    }

    private init(first: String, last: String, explicitYear: Int?) {
        self.first = first
        self.last = last
        self.explicitYear = explicitYear
    }

    private static func resolve(_ text: String, year: Int?) -> TimePoint? {
        switch text {
        case "年底", "年末": return monthPart(y: year, month: 12, part: "底", explicit: nil)
        case "年中": return monthPart(y: year, month: 6, part: "底", explicit: nil)
        case "上半年", "下半年":
            guard let y = year else { return nil }
            return text == "上半年" ? TimePoint(first: day(y, 1, 1), last: day(y, 6, 30), explicitYear: nil)
                : TimePoint(first: day(y, 7, 1), last: day(y, 12, 31), explicitYear: nil)
        default: break
        }
        guard let m = shape.firstMatch(in: text) else { return nil }
        var y = year
        var explicit: Int?
        if let yy = m.group(1) {
            if yy == "次" || yy == "明" { y = year.map { $0 + 1 } } else { y = Int(yy); explicit = y }
        }
        guard let monthText = m.group(2) else {
            // "2024年" or "2024年底": the whole year.
            guard let yv = explicit, m.group(3) == nil, [nil, "底", "末"].contains(m.group(4)) else { return nil }
            return TimePoint(first: day(yv, 1, 1), last: day(yv, 12, 31), explicitYear: yv)
        }
        guard let month = ChineseNumeral.value(of: monthText), (1...12).contains(month) else { return nil }
        if let dayText = m.group(3) {
            guard let d = ChineseNumeral.value(of: dayText), let yv = y, d >= 1, d <= daysIn(month, yv) else { return nil }
            return TimePoint(first: day(yv, month, d), last: day(yv, month, d), explicitYear: explicit)
        }
        return monthPart(y: y, month: month, part: m.group(4), explicit: explicit)
    }

    private static func monthPart(y: Int?, month: Int, part: String?, explicit: Int?) -> TimePoint? {
        guard let y else { return nil }
        var a = 1, b = daysIn(month, y)
        switch part {
        case "上旬", "初": b = 10
        case "中旬", "中": a = 11; b = 20
        case "下旬": a = 21
        default: break
        }
        return TimePoint(first: day(y, month, a), last: day(y, month, b), explicitYear: explicit)
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
