import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// Issuer, 文号, date, title, recipients and work year of a notice, from its cover and trailer.
struct NoticeMetadata: Equatable {
    var issuer: String?
    var number: String?
    var date: String?
    var title: String?
    var year: Int?
    var recipients: [String] = []
}

enum MetadataExtractor {
    private static let numberPattern = TextPattern("[\\p{Han}]{1,12}\\s?[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*\\d+\\s*[号號]", needsAny: "号號")
    private static let arabicDate = TextPattern("(\\d{4})\\s*年?\\s*((?<=年)\\d{1,2}|(?<=\\d)(?:1[0-2]|[1-9]))\\s*月\\s*(\\d{1,2})\\s*日")
    private static let chineseDate = TextPattern("([一二三四五六七八九〇零]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
    private static let isoDate = TextPattern("(?:日期|发布时间|发布日期|成文日期)[：:]\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})")
    private static let aboutTitle = TextPattern("^(.*?)关于(.+)$")
    private static let quotedTitle = TextPattern("《([^》]{4,80})》")
    private static let organization = TextPattern("(?:委员会|卫生健康委|卫健委|政府|办公室|办公厅|局|厅|院|医院|中心|部|委|党委|党组|小组)$")
    private static let yearInTitle = TextPattern("(\\d{4})\\s*(?:年|—|-|－)")

    static func extract(from layout: NoticeLayout) -> NoticeMetadata {
        var meta = NoticeMetadata()
        let cover = layout.cover
        let coverTexts = cover.map(\.text)
        let key: (String) -> String = { TextFolding.simplifiedKey($0) }

        // A web page's information block: 发布机构, 文号, 成文日期 (a 发布日期 is not the 成文日期).
        let pageHead = (cover + layout.title + layout.preamble.prefix(20)).map(\.text)
        var fields: [String: String] = [:]
        for t in pageHead { fields.merge(PageFields.fields(of: t)) { old, _ in old } }

        // 文号: a line of its own in the cover (or the top of the body when there is no cover),
        // or the 文号 field of the page.
        let head = (cover + layout.title + layout.preamble.prefix(2)).map(\.text).filter { !PageFields.startsField($0) }
        for t in head {
            if let m = numberPattern.firstMatch(in: t), m.range.location == 0 || t.count <= 40 {
                meta.number = m.text.removingAll(" ")
                break
            }
        }
        if meta.number == nil, let v = GenreVocabulary.numberFields.lazy.compactMap({ fields[$0] }).first,
           let m = numberPattern.firstMatch(in: v) {
            meta.number = m.text.removingAll(" ")
        }
        if meta.number == nil {
            for t in pageHead where t.removingAll(" ").contains("文号") {
                let compact = t.removingAll(" ")
                let after = String(compact[compact.range(of: "文号")!.upperBound...]).trimming(anyOf: ":：")
                if let m = numberPattern.firstMatch(in: after) { meta.number = m.text.removingAll(" "); break }
            }
        }

        // Date: the cover's date line, else the closing date, else a web page's 日期：.
        let dateLines = coverTexts.filter(isDateLine) + layout.trailer.map(\.text).filter(isDateLine)
        meta.date = dateLines.lazy.compactMap(parseDate).first
            ?? GenreVocabulary.writtenDateFields.lazy.compactMap { fields[$0] }.compactMap(parseDate).first
            ?? (coverTexts + layout.trailer.map(\.text)).filter { !PageFields.startsField($0) }.lazy.compactMap(parseDate).first

        // Issuer: red-header "X文件", the cover signature above its date, or "X关于…" in a title.
        if let red = coverTexts.first(where: { $0.hasSuffix("文件") && $0.count <= 30 && organization.contains(in: key(String($0.dropLast(2)))) }) {
            meta.issuer = String(red.dropLast(2))
        }
        if meta.issuer == nil, let dateIndex = cover.firstIndex(where: { isDateLine($0.text) }), dateIndex > 0 {
            let sig = cover[dateIndex - 1].text
            if sig.count <= 30, organization.contains(in: key(sig)), !sig.contains("，"), !sig.contains("。") {
                meta.issuer = sig
            }
        }
        if meta.issuer == nil {
            for t in coverTexts + layout.title.map(\.text) {
                if let m = aboutTitle.firstMatch(in: TextFolding.simplifiedKey(t)), m.group(1)!.count >= 3,
                   case let org = String(t.prefix(m.group(1)!.count)),
                   organization.contains(in: key(org)) {
                    meta.issuer = org
                    break
                }
            }
        }
        if meta.issuer == nil {
            // The sign-off above the closing date.
            let trailer = layout.trailer.map(\.text)
            if let i = trailer.firstIndex(where: isDateLine), i > 0, organization.contains(in: key(trailer[i - 1])) {
                meta.issuer = trailer[i - 1]
            }
        }

        // Only a name: never a breadcrumb, a quotation or a sentence's opening (为贯彻落实《国务院).
        if let i = meta.issuer, !plausibleIssuer(i) { meta.issuer = nil }
        if meta.issuer == nil, let dateIndex = cover.firstIndex(where: { isDateLine($0.text) }), dateIndex > 1,
           parentheticalLine.contains(in: cover[dateIndex - 1].text) {
            // The signature above a （某某局代章） note.
            let sig = cover[dateIndex - 2].text
            if plausibleIssuer(sig) { meta.issuer = sig }
        }
        if meta.issuer == nil {
            meta.issuer = GenreVocabulary.issuerFields.lazy.compactMap { fields[$0] }.first(where: plausibleIssuer)
        }
        if meta.issuer == nil {
            // A signature above the date right under the title (no cover letter).
            let top = (layout.title + layout.preamble.prefix(4)).map(\.text)
            if let d = top.firstIndex(where: isDateLine), d > 0, top[d - 1].count <= 30, plausibleIssuer(top[d - 1]) {
                meta.issuer = top[d - 1]
            } else if let first = layout.preamble.first?.text, first.count <= 30, !first.contains("，"), !first.contains("。"),
                      plausibleIssuer(first), layout.trailer.first.map({ isDateLine($0.text) }) == true {
                meta.issuer = first   // its date line went to the sign-off
            }
        }
        // A header or title may shorten the name the sign-off gives in full ("衛生健康委員會" / "某某市衛生健康委員會").
        if let short = meta.issuer {
            let signOffs = (coverTexts + layout.trailer.map(\.text)).filter { $0.count <= 30 && $0.hasSuffix(short) && $0.count > short.count }
            if let full = signOffs.first, organization.contains(in: key(full)), !full.contains("，"), plausibleIssuer(full) { meta.issuer = full }
        }
        // Title of the body document; without one, the title quoted in the cover, or the cover's own.
        if !layout.title.isEmpty {
            meta.title = layout.title.map(\.text).joined()
        } else if let quoted = coverTexts.lazy.compactMap({ quotedTitle.firstMatch(in: $0)?.group(1) }).first {
            meta.title = quoted
        } else if let about = coverTexts.first(where: { key($0).contains("关于") && key($0).hasSuffix("通知") }) {
            meta.title = about
        }
        meta.title = meta.title.map(withoutChrome)?.removingAll(" ")
        // A title that only repeats the page's 名称 field: the body's own title comes later.
        if let t = meta.title, [fields["名称"], fields["标题"]].contains(where: { $0?.removingAll(" ") == t }),
           let body = layout.preamble.prefix(12).last(where: { isBodyTitle($0.text) })?.text.removingAll(" "), body != t {
            meta.title = body
        }
        // A short organisation line taken for the title ("周村区卫生健康局"): the body's title follows.
        if let t = meta.title, !isBodyTitle(t),
           let body = layout.preamble.prefix(12).last(where: { isBodyTitle($0.text) })?.text.removingAll(" ") {
            meta.title = withoutChrome(body)
        }
        if meta.title == nil || meta.title?.isEmpty == true {
            meta.title = (layout.cover + layout.preamble.prefix(12)).map(\.text).last(where: isBodyTitle).map(withoutChrome)?.removingAll(" ")
        }
        // A title written just after an attachment mark (附件1 ⏎ 成都市2021年民生实事工作目标).
        if meta.title == nil, let first = layout.outline.roots.first, layout.outline.nodes[first].isAttachment,
           let t = layout.outline.nodes[first].body.first(where: { !$0.text.isEmpty })?.text,
           t.count <= 40, !t.contains("。"), !t.contains("，"), yearInTitle.contains(in: t) {
            meta.title = t.removingAll(" ")
        }
        // Its period on the next line: 安徽省…行动计划 ⏎ （2022—2024年）.
        if let t = meta.title, !t.hasSuffix("）"), !t.hasSuffix(")") {
            let all = (layout.cover + layout.title + layout.preamble).map(\.text)
            if let k = all.firstIndex(where: { withoutChrome($0).removingAll(" ") == t }), k + 1 < all.count,
               OutlineBuilder.isTitlePeriod(all[k + 1]) {
                meta.title = t + all[k + 1].removingAll(" ")
            }
        }
        // An issuer the page does not name: the organisation a title opens with (江门市卫生健康局2021年…).
        if meta.issuer == nil, let t = meta.title, let m = titleIssuer.firstMatch(in: t) {
            meta.issuer = m["org"]
        } else if let short = meta.issuer, let t = meta.title, let m = titleIssuer.firstMatch(in: t),
                  let org = m["org"], org.hasSuffix(short), org.count > short.count {
            meta.issuer = org   // 发布机构: 区医疗保障局, title 嘉定区医疗保障局2023年…
        }

        // 主送: the line ending in "：" in the cover.
        let salutationCandidates = coverTexts + layout.preamble.prefix(2).map(\.text)
        if let r = salutationCandidates.first(where: { ($0.hasSuffix("：") || $0.hasSuffix(":")) && $0.count <= 120
                                                    && !$0.hasPrefix("日期") && !$0.contains("。") }) {
            meta.recipients = UnitNames.split(String(r.dropLast()))
        }

        // Work year: the year the title names, else the year of the cover's quoted title, else the date's.
        let titleSources = [meta.title] + coverTexts.map { quotedTitle.firstMatch(in: $0)?.group(1) }
        for t in titleSources.compactMap({ $0 }) {
            if let m = yearInTitle.firstMatch(in: t), let y = Int(m.group(1)!), (1990...2100).contains(y) {
                meta.year = y
                break
            }
        }
        if meta.year == nil, let d = meta.date { meta.year = Int(d.prefix(4)) }
        // Else the year of the 文号 (国发〔2020〕6号).
        if meta.year == nil, let n = meta.number, let m = numberYear.firstMatch(in: n), let y = Int(m.group(1)!) { meta.year = y }
        return meta
    }

    private static let numberYear = TextPattern("[〔\\[［【(（]\\s*(\\d{4})")
    /// A field's value: 2021-06-24 (the field names what kind of date it is).
    private static let bareISODate = TextPattern("^(\\d{4})-(\\d{1,2})-(\\d{1,2})")
    private static let chromePrefix = TextPattern("^(?:【[^】]{2,30}】|.*▼+|导航菜单(?:[（(][^）)]{1,10}[）)])?|.*[>＞»]\\s*|(?:您当前的位置|您现在所在的位置|当前位置|您的位置)[：:]?|[（(][\\p{Han}]{1,4}[省市区县][）)](?=[\\p{Han}]))")
    private static let parentheticalLine = TextPattern("^[（(][^）)]{2,30}[）)]$")
    private static let bodyTitleEnd = TextPattern(GenreVocabulary.alternation(GenreVocabulary.titleEndings) + "(?:[（(][^）)]{1,12}[）)])?$")
    private static let titleIssuer = TextPattern("^(?<org>[\\p{Han}]{2,24}?(?:卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局|医疗保障局|人民政府办公室|人民政府|办公室|委员会|局|厅|委))(?:关于|\\d{4}|印发)")

    /// A title with the page's navigation cut off: 导航菜单(湖北省)X, 首页>…>X.
    static func withoutChrome(_ t: String) -> String {
        guard let m = chromePrefix.firstMatch(in: t), m.range.length < (t as NSString).length else { return t }
        return t.substring(utf16From: m.range.length)
    }

    /// A line that is a document's title: short, no sentence, ends like a title, no field.
    static func isBodyTitle(_ t: String) -> Bool {
        t.count >= 6 && t.count <= 80 && !t.contains("。") && !t.contains("：") && !t.contains(":")
            && !PageFields.startsField(t) && !t.hasPrefix("•") && bodyTitleEnd.contains(in: TextFolding.simplifiedKey(t.removingAll(" ")))
            && OutlineMarker.parse(t) == nil
    }

    /// An issuer is a name: no navigation, quotation marks, digits or sentence openings.
    static func plausibleIssuer(_ s: String) -> Bool {
        let k = TextFolding.simplifiedKey(s)
        return k.count >= 2 && k.count <= 40 && !k.contains(">") && !k.contains("《") && !k.contains("：") && !k.contains(":") && !k.contains("【")
            && !k.hasPrefix("为") && !k.hasPrefix("根据") && !k.hasPrefix("按照") && k.rangeOfCharacter(from: .decimalDigits) == nil
            && organization.contains(in: k)
    }

    static func isDateLine(_ t: String) -> Bool {
        (arabicDate.matchesWhole(t) || chineseDate.matchesWhole(t))
    }

    static func parseDate(_ t: String) -> String? {
        if let m = arabicDate.firstMatch(in: t) ?? isoDate.firstMatch(in: t) ?? bareISODate.firstMatch(in: t),
           let y = Int(m.group(1)!), let mo = Int(m.group(2)!), let d = Int(m.group(3)!) {
            return String(format: "%04d-%02d-%02d", y, mo, d)
        }
        if let m = chineseDate.firstMatch(in: t), let y = ChineseNumeral.digitString(m.group(1)!),
           let mo = ChineseNumeral.value(of: m.group(2)!), let d = ChineseNumeral.value(of: m.group(3)!) {
            return String(format: "%04d-%02d-%02d", y, mo, d)
        }
        return nil
    }
}
