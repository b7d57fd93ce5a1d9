import Foundation
import NoticeModel
import NoticeText

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
    private static let numberPattern = TextPattern("[\\p{Han}]{1,12}[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*\\d+\\s*[号號]")
    private static let arabicDate = TextPattern("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
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

        // 文号: a line of its own in the cover (or the top of the body when there is no cover).
        let head = (cover + layout.title + layout.preamble.prefix(2)).map(\.text)
        for t in head {
            if let m = numberPattern.firstMatch(in: t), m.range.location == 0 || t.count <= 40 {
                meta.number = m.text.removingAll(" ")
                break
            }
        }

        // Date: the cover's date line, else the closing date, else a web page's 日期：.
        let dateLines = coverTexts.filter(isDateLine) + layout.trailer.map(\.text).filter(isDateLine)
        meta.date = dateLines.lazy.compactMap(parseDate).first
            ?? (coverTexts + layout.trailer.map(\.text)).lazy.compactMap(parseDate).first

        // Issuer: red-header "X文件", the cover signature above its date, or "X关于…" in a title.
        if let red = coverTexts.first(where: { $0.hasSuffix("文件") && $0.count <= 30 && organization.contains(in: key(String($0.dropLast(2)))) }) {
            meta.issuer = String(red.dropLast(2))
        }
        if meta.issuer == nil, let dateIndex = cover.firstIndex(where: { isDateLine($0.text) }), dateIndex > 0 {
            let sig = cover[dateIndex - 1].text
            if sig.count <= 30, organization.contains(in: key(sig)), !sig.contains("，" as Character), !sig.contains("。" as Character) {
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

        // A header or title may shorten the name the sign-off gives in full ("衛生健康委員會" / "某某市衛生健康委員會").
        if let short = meta.issuer {
            let signOffs = (coverTexts + layout.trailer.map(\.text)).filter { $0.count <= 30 && $0.hasSuffix(short) && $0.count > short.count }
            if let full = signOffs.first, organization.contains(in: key(full)), !full.contains("，") { meta.issuer = full }
        }
        // Title of the body document; without one, the title quoted in the cover, or the cover's own.
        if !layout.title.isEmpty {
            meta.title = layout.title.map(\.text).joined()
        } else if let quoted = coverTexts.lazy.compactMap({ quotedTitle.firstMatch(in: $0)?.group(1) }).first {
            meta.title = quoted
        } else if let about = coverTexts.first(where: { key($0).contains("关于") && key($0).hasSuffix("通知") }) {
            meta.title = about
        }
        meta.title = meta.title?.removingAll(" ")

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
        return meta
    }

    static func isDateLine(_ t: String) -> Bool {
        (arabicDate.matchesWhole(t) || chineseDate.matchesWhole(t))
    }

    static func parseDate(_ t: String) -> String? {
        if let m = arabicDate.firstMatch(in: t) ?? isoDate.firstMatch(in: t),
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
