import NoticeVocabulary
import Foundation

/// A numbering marker at the start of a paragraph: 一、 （一） 1. （1） ① 第一条, or a bare heading.
public struct OutlineMarker: Sendable, Hashable {
    public enum Style: Int, Sendable, Hashable {
        case chapter          // 第一章
        case chineseNumeral   // 一、  (bare headings such as 工作任务 rank here too)
        case article          // 第一条
        case parenChinese     // （一） (一)
        case arabic           // 1. 1、 1．
        case parenArabic      // （1） (1)
        case halfParenArabic  // 1） 1)
        case circled          // ①
    }

    public var style: Style
    /// The path element as written: "三", "（一）", "(四)", "1", "（1）", "①", "第三条", "工作任务".
    public var label: String
    /// The marker's number (1 for 一、 （一） 1. ①), 0 for bare headings.
    public var ordinal: Int
    /// Length in UTF-16 units of the marker, including its 、 or . and following spaces.
    public var length: Int
    public var isBareHeading: Bool

    /// Headings that open a part of a notice without a number (工作任务, 实施步骤, ...).
    public static let bareHeadings: Set<String> = Set(GenreVocabulary.headings.map(\.word))

    private static let chineseDigits = "一二三四五六七八九十百零〇两"
    private static let numeral = TextPattern("^([一二三四五六七八九十百零〇]{1,4})\\s*[、，.．]\\s*")
    private static let parenChinese = TextPattern("^([（(]\\s*[一二三四五六七八九十百零〇]{1,4}\\s*[）)])\\s*")
    private static let arabic = TextPattern("^(\\d{1,3})\\s*(?:[、．]|\\.(?!\\d)|\\.(?=\\d{1,4}[年月日])|。(?=[\\p{Han}“]))\\s*")
    private static let parenArabic = TextPattern("^([（(]\\s*\\d{1,3}\\s*[）)])\\s*")
    private static let circled = TextPattern("^([①-⑳])\\s*")
    private static let halfParenArabic = TextPattern("^(\\d{1,2})\\s*[）)]\\s*")
    private static let chapterOrArticle = TextPattern("^(第[一二三四五六七八九十百零〇\\d]{1,5}(章|条|部分|篇|节))\\s*")

    private static let digitLed = TextPattern("^(\\d{1,3})\\.(?=\\d{1,4}[\\p{Han}“\"])", startsWith: "[\\d]")

    /// Like `parse`, and an item whose title starts with digits (11.121人才梯队项目, 7.365健康
    ///服务行动) when its number is the one expected next (a decimal such as 1.5万 never is).
    public static func parse(_ text: String, nextArabic: Int?) -> OutlineMarker? {
        if let m = parse(text) { return m }
        guard let expected = nextArabic, let m = digitLed.firstMatch(in: text), Int(m.group(1)!) == expected else { return nil }
        return OutlineMarker(style: .arabic, label: m.group(1)!, ordinal: expected, length: m.range.length, isBareHeading: false)
    }

    /// The marker opening `text`, if any. `text` should be width-folded.
    public static func parse(_ text: String) -> OutlineMarker? {
        // Most paragraphs open with no marker: decide that from the first character.
        guard let first = text.unicodeScalars.first else { return nil }
        // Each style's patterns are tried only after its own first character.
        let digit = (0x30...0x39).contains(first.value), parenthesis = first == "（" || first == "("
        let chineseDigit = chineseDigits.unicodeScalars.contains(first), circledDigit = (0x2460...0x2473).contains(first.value)
        let chapter = first == "第"
        if !(digit || parenthesis || chineseDigit || circledDigit || chapter) {
            guard text.utf16.count <= 8 else { return nil }
            let bare = text.trimming(anyOf: " ：:。")
            guard bareHeadings.contains(TextFolding.simplifiedKey(bare)) else { return nil }
            return OutlineMarker(style: .chineseNumeral, label: bare, ordinal: 0,
                                 length: (text as NSString).length, isBareHeading: true)
        }
        let ns = text as NSString
        // One conversion for every pattern below (each converted the paragraph again).
        let units = TextPattern.Prepared(text)
        if chineseDigit, let m = numeral.firstMatch(in: units) {
            // "一、" but not "一，" unless followed by text; guard against prose like "一是".
            let label = m.group(1)!
            return OutlineMarker(style: .chineseNumeral, label: label, ordinal: ChineseNumeral.value(of: label) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        if parenthesis, let m = parenChinese.firstMatch(in: units) {
            let label = m.group(1)!.removingAll(" ")
            let inner = label.trimming(anyOf: "（()）")
            return OutlineMarker(style: .parenChinese, label: label, ordinal: ChineseNumeral.value(of: inner) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        if parenthesis, let m = parenArabic.firstMatch(in: units) {
            let label = m.group(1)!.removingAll(" ")
            let inner = label.trimming(anyOf: "（()）")
            return OutlineMarker(style: .parenArabic, label: label, ordinal: Int(inner) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        if digit, let m = arabic.firstMatch(in: units) {
            // A year or an amount is not a marker: "2023年", "1.5万元" (the regex refuses "1.5").
            let after = m.range.location + m.range.length
            if after < ns.length {
                let next = ns.substring(with: NSRange(location: after, length: 1))
                // (3.年度考核 and 4.月度调度 are items: the dot after the number makes them so.)
                if "号%".contains(next) { return nil }
            }
            let label = m.group(1)!
            return OutlineMarker(style: .arabic, label: label, ordinal: Int(label) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        if digit, let m = halfParenArabic.firstMatch(in: units) {
            let label = m.group(1)!
            return OutlineMarker(style: .halfParenArabic, label: label, ordinal: Int(label) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        if circledDigit, let m = circled.firstMatch(in: units) {
            let label = m.group(1)!
            let ordinal = Int(label.unicodeScalars.first!.value) - 0x245F
            return OutlineMarker(style: .circled, label: label, ordinal: ordinal, length: m.range.length, isBareHeading: false)
        }
        if chapter, let m = chapterOrArticle.firstMatch(in: units) {
            let label = m.group(1)!
            let style: Style = m.group(2) == "条" ? .article : .chapter
            let digits = label.dropFirst().dropLast(m.group(2)!.count)
            return OutlineMarker(style: style, label: label,
                                 ordinal: Int(digits) ?? ChineseNumeral.value(of: String(digits)) ?? 0,
                                 length: m.range.length, isBareHeading: false)
        }
        let bare = text.trimming(anyOf: " ：:。")
        if bareHeadings.contains(TextFolding.simplifiedKey(bare)) {
            return OutlineMarker(style: .chineseNumeral, label: bare, ordinal: 0,
                                 length: (text as NSString).length, isBareHeading: true)
        }
        return nil
    }
}

/// Chinese numerals as written in notices: 一 … 九十九, 一百二十, 〇/零, 两.
public enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The value of a Chinese (or Arabic) numeral, nil if `s` is not one.
    public static func value(of s: String) -> Int? {
        if let n = Int(s) { return n }
        guard !s.isEmpty else { return nil }
        var total = 0
        var section = 0
        var current = 0
        var sawAny = false
        for ch in s {
            if let d = digits[ch] {
                current = d
                sawAny = true
            } else if ch == "十" {
                section += (current == 0 ? 1 : current) * 10
                current = 0
                sawAny = true
            } else if ch == "百" {
                section += (current == 0 ? 1 : current) * 100
                current = 0
                sawAny = true
            } else if ch == "千" {
                section += (current == 0 ? 1 : current) * 1000
                current = 0
                sawAny = true
            } else if ch == "万" {
                total += (section + current) * 10000
                section = 0
                current = 0
                sawAny = true
            } else {
                return nil
            }
        }
        return sawAny ? total + section + current : nil
    }

    /// Digit-by-digit years and days as in 二〇一二 → 2012 (no 十/百).
    public static func digitString(_ s: String) -> Int? {
        var n = 0
        for ch in s {
            guard let d = digits[ch] else { return nil }
            n = n * 10 + d
        }
        return s.isEmpty ? nil : n
    }
}
