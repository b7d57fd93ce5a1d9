import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// Finds time limits in a task's text (see ../shared/eval/SCHEMA.md): dates (10月底前), ranges
/// (3月-4月, 7月下旬至10月底), recurring duties (每月15日前, 月报告、季汇报), response times
/// (半小时内) and, in a time-limit column, open-ended limits (长期坚持).
public enum DeadlineExtractor {
    private static let everyPattern = TextPattern("^每(日|天|周|月|季度|半年|年)$")
    private static let ongoingPattern = TextPattern("^" + GenreVocabulary.alternation(GenreVocabulary.ongoingLimits) + "(?:推进|开展|实施|落实|执行)?$")
    /// The whole work year: 全年, 年内 (as the limit itself), 2025年全年.
    private static let wholeYear = TextPattern("^(?:(?<y>\\d{4})年)?(?:全年|年内|全年度|本年度|全年推进|全年实施|全年开展)$")
    /// A label that introduces a time limit inside running text: 完成时限：2024年6月.
    private static let limitLabel = TextPattern("(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限)[：:]\\s*(?<limit>[^。）)\\n]{2,120})", needsAny: "：:")
    /// Months named in a time-limit cell without 前/底 (2021年2月公布…，2021年8月公布…): each is a "by" date.
    private static let cellMonth = TextPattern("(?:\\d{4}年)?\\d{1,2}月(?:底|末)?")
    /// An open-ended limit written as one clause of a limit: …12月底前取得明显成效并长期坚持.
    private static let ongoingClause = TextPattern("(?:并|，|,|；|;|^)(?<word>长期坚持|长期推进|持续推进|常态化推进|长期开展)(?=$|[，,；;。])")

    /// Deadlines in running text; `year` resolves month-only dates. The rules of `DeadlineRules.all`
    /// run in order, each over what earlier ones left unclaimed.
    public static func deadlines(in text: String, year: Int?) -> [Deadline] {
        dedupe(explained(in: text, year: year).map(\.deadline))
    }

    /// Every deadline found with the name of the rule that found it, in text order (before the
    /// one-per-obligation dedupe), for tests and for reading why a limit was taken.
    static func explained(in text: String, year: Int?) -> [(rule: String, deadline: Deadline)] {
        // Patterns match the Simplified key; texts are taken from the original at the same offsets.
        let plain = text.removingAll(" ")
        let key = TextFolding.simplifiedKey(plain)
        let context = DeadlineContext(year: year, key: key, written: plain)
        var found: [(Int, String, Deadline)] = []
        var taken: [NSRange] = []
        // A labelled time limit reads like a time-limit cell (全年, 长期坚持 are limits there).
        for m in limitLabel.matches(in: key) {
            let r = m.range(named: "limit")
            let cell = context.original(r)
            let limits = deadlines(inLimitCell: cell, year: year)
            if !limits.isEmpty {
                taken.append(r)
                found += limits.map { (r.location, "labelled time limit", $0) }
            }
        }
        let prepared = TextPattern.Prepared(key)   // converted once for the whole table
        for rule in DeadlineRules.all {
            for m in rule.pattern.matches(in: prepared) {
                guard !taken.contains(where: { NSIntersectionRange($0, m.range).length > 0 }),
                      let (claim, deadline) = rule.build(m, context),
                      !taken.contains(where: { NSIntersectionRange($0, claim).length > 0 }) else { continue }
                taken.append(claim)
                found.append((claim.location, rule.name, deadline))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
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
        if key.count == 4, let y = Int(key), (1990...2100).contains(y) {
            return [Deadline(text: plain, kind: .range, start: "\(y)-01-01", end: "\(y)-12-31")]   // 建设时间 2024
        }
        if let m = wholeYear.firstMatch(in: key), m.range.length == (key as NSString).length,
           let y = m["y"].flatMap({ Int($0) }) ?? year {
            return [Deadline(text: plain, kind: .range, start: String(format: "%04d-01-01", y), end: String(format: "%04d-12-31", y))]
        }
        if let m = everyPattern.firstMatch(in: key) {
            return [Deadline(text: plain, kind: .recurring, every: period(m.group(1)!))]
        }
        // A time-limit cell holding a period means "by its end": 第三季度 → by 09-30.
        var found = deadlines(in: plain, year: year)
        if found.count == 1, found[0].kind == .range, key.hasPrefix("第") || key.contains("季度") {
            found[0] = Deadline(text: found[0].text, kind: .date, end: found[0].end)
        }
        if let m = ongoingClause.firstMatch(in: key), !found.isEmpty {
            found.append(Deadline(text: plain.substring(utf16: m.range(named: "word")), kind: .ongoing))
        }
        if !found.isEmpty { return found }
        if let p = TimePoint(key.replacingOccurrences(of: "前", with: ""), year: year) {
            return [Deadline(text: plain, kind: .date, end: p.last)]
        }
        let months = cellMonth.matches(in: key).compactMap { m -> Deadline? in
            TimePoint(m.text, year: year).map { Deadline(text: plain.substring(utf16: m.range), kind: .date, end: $0.last) }
        }
        if !months.isEmpty { return months }
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
        if let e = explicit, !(1990...2100).contains(e) { return nil }   // 20224年: a typo, not a year
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
