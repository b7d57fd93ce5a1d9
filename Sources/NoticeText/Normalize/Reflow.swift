import Foundation
import NoticeVocabulary

/// Turns decoded text into logical paragraphs. PDF-extracted notices are hard-wrapped at a fixed
/// width (often mid-word), carry a blank line after every line and a leading space after page
/// breaks, so blank lines never mark paragraphs: a line continues the previous one unless the
/// previous one ended a paragraph (short line, sentence end, title) or this one opens an item.
public enum Reflow {
    public static func paragraphs(of text: String) -> [Paragraph] {
        let lines = physicalLines(of: text)
        let wrapWidth = hardWrapWidth(of: lines)
        var out: [Paragraph] = []
        var previous: LineFacts?
        var previousOpened = false
        // Parentheses still open in the last paragraph, kept as lines join: counting them again
        // over the whole paragraph for every line made long paragraphs quadratic.
        var depth = 0
        for physical in lines where !physical.text.isEmpty {
            let line = LineFacts(physical)
            // Field-per-line records: "责任单位" alone, its value on the next line.
            if let prev = previous, let last = out.last, prev.isBareLabel, !line.isBareLabel,
               line.marker == nil, last.text == prev.text {
                out[out.count - 1].text += "："+line.text
                out[out.count - 1].endLine = line.number
                depth = parenthesisDepth(after: line.text, from: depth)
                previous = line
                previousOpened = false
                continue
            }
            if let prev = previous, !out.isEmpty, !line.isBareLabel,
               !(wrapWidth == nil && prev.isUnitLine),
               continues(prev, line, wrapWidth: wrapWidth, prevOpensParagraph: previousOpened,
                         insideParenthesis: depth > 0) {
                // In place: the paragraph is not copied for each line joined to it.
                append(line.text, to: &out[out.count - 1].text)
                out[out.count - 1].endLine = line.number
                depth = parenthesisDepth(after: line.text, from: depth)
                previousOpened = false
            } else {
                out.append(Paragraph(text: line.text, line: line.number, endLine: line.number))
                depth = parenthesisDepth(after: line.text, from: 0)
                previousOpened = true
            }
            previous = line
        }
        return out
    }

    /// What `paragraphs` asks about a line, each answer worked out once when first asked: a line
    /// is asked about as the next line and again as the previous one (a fifth of reflowing was
    /// parsing the same lines' markers and patterns twice).
    final class LineFacts {
        let text: String
        let number: Int
        let width: Double
        init(_ line: PhysicalLine) { (text, number, width) = (line.text, line.number, line.width) }
        lazy var marker: OutlineMarker? = OutlineMarker.parse(text)
        lazy var isBareLabel: Bool = Reflow.isBareLabel(text)
        /// A short line that is only unit names ends its paragraph (in text that is not hard-wrapped).
        lazy var isUnitLine: Bool = !text.isLonger(than: 60) && Reflow.unitLine.contains(in: key) && marker == nil
        lazy var key: String = TextFolding.simplifiedKey(text)
        lazy var hasTab: Bool = text.contains("\t")
        lazy var opensAttachment: Bool = attachmentStart.contains(in: text)
        lazy var isDateOrNumberLine: Bool = isDateLine(text) || isNumberLine(text)
        /// A field of a web page's information block, or its breadcrumbs.
        lazy var isPageField: Bool = PageFields.startsField(text) || PageFields.isChrome(text)
        lazy var startsLabel: Bool = labelStart.contains(in: key)
        lazy var endsTitle: Bool = WordEndings.titles.endsAny(key)
    }

    private static let bareLabel = TextPattern("^(?:" + GenreVocabulary.labelWordPattern + "|具体任务|任务内容)$")
    /// A line naming only units (a flattened 落实科室 column): 办公室 · 各科室、医保中心按职责分工落实.
    private static let unitLine = TextPattern("^[\\p{Han}（）()、，,]{2,60}(?:" + GenreVocabulary.alternation(GenreVocabulary.organisationSuffixes)
        + "|" + GenreVocabulary.alternation(GenreVocabulary.sharedDutyVerbs) + ")$")

    /// Where a page that lost its line breaks still shows them as spaces: a space before an item
    /// number, a heading, a label or a date.
    private static let runTogetherBreak = TextPattern("\\s+(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\\d{1,2}[.．、](?!\\d)|"
        + GenreVocabulary.labelWordPattern + "[：:]|\\d{4}年\\d{1,2}月\\d{1,2}日\\s|[（(]此件|[\\p{Han}]{1,8}[〔\\[]\\d{4}[〕\\]]\\d+号\\s))")

    /// A very long line holding a whole page (paragraphs joined by spaces) split back into lines.
    static func splitRunTogetherLine(_ line: (String, Int)) -> [(String, Int)] {
        let (text, number) = line
        guard text.isLonger(than: 200), !text.contains("\t") else { return [line] }
        let cuts = runTogetherBreak.matches(in: text)
        guard cuts.count >= 3 else { return [line] }
        let ns = text as NSString
        var out: [(String, Int)] = []
        var start = 0
        for c in cuts {
            out.append((ns.substring(with: NSRange(location: start, length: c.range.location - start)), number))
            start = c.range.location + c.range.length
        }
        out.append((ns.substring(from: start), number))
        return out.filter { !$0.0.trimmingWhitespace().isEmpty }
    }

    /// A label written alone on its line, its value on the next: 责任单位 ⏎ 卫健局、文旅局 (unit
    /// labels, time limits and the task itself; a heading such as 工作要求 is not one).
    static func isBareLabel(_ line: String) -> Bool {
        let key = TextFolding.simplifiedKey(line).removingAll(" ")
        guard bareLabel.contains(in: key) else { return false }
        return GenreVocabulary.role(ofLabel: key).map { $0.namesUnits || GenreVocabulary.timeFields.contains(key) } ?? true
    }

    struct PhysicalLine {
        var text: String
        var number: Int
        /// Display width in CJK character cells (ASCII counts half), before spaces were removed.
        var width: Double
    }

    /// The text's lines, cut at "\n", "\r\n" and "\r" as a split on Characters cuts them (a
    /// control character never joins a grapheme), read from the UTF-8: comparing every Character
    /// of a notice with three strings took 2% of indexing.
    static func lines(of text: String) -> [String] {
        var out: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else { i = utf8.index(after: i); continue }
            out.append(String(text[start..<i]))
            var next = utf8.index(after: i)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            i = next
        }
        out.append(String(text[start...]))
        return out
    }

    static func physicalLines(of text: String) -> [PhysicalLine] {
        var out: [PhysicalLine] = []
        var number = 0
        let rawLines = lines(of: text)
        for (raw, first) in PipeTable.rewrite(joinQuotedCells(rawLines)).flatMap(splitRunTogetherLine) {
            number = first
            let folded = separateListedUnits(TextFolding.foldWidth(raw))
            var cleaned: String
            if folded.contains("\t"), folded.split(separator: "\t").filter({ !$0.trimmingWhitespace().isEmpty }).count >= 2 {
                cleaned = folded.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { cell -> String in
                        var c = TextFolding.collapseSpaces(cell.trimmingWhitespace())
                        // A spreadsheet quotes some cells: "建设安全生产信息化监管平台".
                        if c.count >= 2, c.hasPrefix("\""), c.hasSuffix("\"") { c = String(c.dropFirst().dropLast()) }
                        return c
                    }
                    .joined(separator: "\t")
                while cleaned.hasSuffix("\t") { cleaned.removeLast() }
            } else {
                cleaned = TextFolding.collapseSpaces(trimSpaces(folded.replacingOccurrences(of: "\t", with: " ")))
            }
            let trimmed = trimSpaces(folded)
            out.append(PhysicalLine(text: cleaned, number: number, width: displayWidth(trimmed)))
        }
        return out
    }

    private static let unitLabel = TextPattern(GenreVocabulary.labelWordPattern + "\\s*[：:]", needsAny: "：:")
    /// Where a label's value ends.
    private static let valueStops = UnitSet("。；;）)".utf16)

    /// "责任单位：信息科 办公室 各医疗卫生单位": inside a responsibility label's value, spaces between
    /// two Chinese names separate units. Elsewhere spaces between Chinese characters are PDF
    /// artifacts and are dropped later, so they become "、" here, before that.
    static func separateListedUnits(_ line: String) -> String {
        guard line.contains(" "), !line.contains("\t") else { return line }
        let key = TextFolding.simplifiedKey(line)
        let matches = unitLabel.matches(in: key)
        guard !matches.isEmpty else { return line }
        var units = line.utf16Units
        func isHan(_ u: UInt16) -> Bool { (0x3400..<0xA000).contains(u) }
        var edits: [(Int, Int)] = []   // space runs to replace with 、
        for m in matches {
            var i = m.range.location + m.range.length
            while i < units.count, units[i] == 0x20 { i += 1 }
            while i < units.count, !valueStops.contains(units[i]) {
                if units[i] == 0x20 {
                    var j = i
                    while j < units.count, units[j] == 0x20 { j += 1 }
                    if i > 0, j < units.count, isHan(units[i - 1]), isHan(units[j]) { edits.append((i, j)) }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        guard !edits.isEmpty else { return line }
        for (a, b) in edits.reversed() { units.replaceSubrange(a..<b, with: [0x3001]) }
        return String(utf16Units: units)
    }

    /// Tab-separated rows saved by a spreadsheet quote a cell that holds line breaks
    /// ("局属各单位\n区卫生健康信息中心"): such a row is one line again, its cell's lines joined
    /// with 、 (none after punctuation) and the quotes removed. Returns lines with their first line number.
    static func joinQuotedCells(_ lines: [String]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        var i = 0
        func quotes(_ s: String) -> Int { s.unicodeScalars.filter { $0 == "\"" }.count }
        while i < lines.count {
            var line = lines[i]
            var j = i + 1
            if line.contains("\t"), quotes(line) % 2 == 1 {
                var joined = line
                while j < lines.count, j - i <= 20, quotes(joined) % 2 == 1 {
                    let piece = lines[j].trimmingWhitespace()
                    if !piece.isEmpty {
                        let endsInPunctuation = joined.last.map { "、，,；;。\"".contains($0) } ?? true
                        joined += (endsInPunctuation ? "" : "、") + piece
                    }
                    j += 1
                }
                if quotes(joined) % 2 == 0 {
                    line = joined.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                        var c = cell.trimmingWhitespace()
                        if c.count >= 2, c.hasPrefix("\""), c.hasSuffix("\"") { c = String(c.dropFirst().dropLast()) }
                        return c.replacingOccurrences(of: "\"\"", with: "\"")
                    }.joined(separator: "\t")
                } else {
                    j = i + 1   // not a quoted cell after all: leave the lines as they are
                }
            }
            out.append((line, i + 1))
            // Lines folded into the row keep their numbers free (blank as far as reflow goes).
            for k in (i + 1)..<j { out.append(("", k + 1)) }
            i = j
        }
        return out
    }

    /// Spaces and tabs off both ends (cheaper than Foundation's trimming on every line).
    static func trimSpaces(_ s: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let a = s.firstIndex(where: { !blank($0) }), let b = s.lastIndex(where: { !blank($0) }) else { return "" }
        return a == s.startIndex && b == s.index(before: s.endIndex) ? s : String(s[a...b])
    }

    static func displayWidth(_ s: String) -> Double {
        var w = 0.0
        for u in s.unicodeScalars { w += u.value < 0x1100 ? 0.5 : 1 }
        return w
    }

    /// The line width a hard-wrapped text was wrapped at, or nil when lines are whole paragraphs.
    static func hardWrapWidth(of lines: [PhysicalLine]) -> Double? {
        let widths = lines.filter { !$0.text.isEmpty && !$0.text.contains("\t") }.map { Int($0.width.rounded()) }
        guard widths.count >= 8 else { return nil }
        var counts: [Int: Int] = [:]
        for w in widths where w >= 15 { counts[w, default: 0] += 1 }
        guard let mode = counts.max(by: { $0.value == $1.value ? $0.key < $1.key : $0.value < $1.value })?.key
        else { return nil }
        let near = widths.filter { abs($0 - mode) <= 1 }.count
        return Double(near) >= Double(widths.count) * 0.35 ? Double(mode) : nil
    }

    private static let terminal: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", ":"]
    private static let closing: Set<Character> = ["）", ")", "」", "』", "】"]
    private static let continuationStart: Set<Character> = ["，", "。", "、", "；", "：", "）", ")", "」", "』", "”", "！", "？", "%", "，"]
    /// A date line; a page that lost the 年 (20223月23日) still writes one.
    private static let dateLine = TextPattern("^(?:(?:\\d{4}|[一二三四五六七八九〇零]{4})年[\\d一二三四五六七八九十〇零]{1,2}月(?:[\\d一二三四五六七八九十〇零]{1,3}日)?|\\d{4}[01]?\\d月\\d{1,2}日)$",
                                              startsWith: "[\\d一二三四五六七八九〇零]")
    private static let numberLine = TextPattern("^[\\p{Han}]{1,12}[〔\\[［【(（]\\d{4}[〕\\]］】)）]\\s*\\d+\\s*[号號]", needsAny: "号號")
    private static let labelStart = TextPattern("^" + GenreVocabulary.labelWordPattern + "[：:]")
    private static let attachmentStart = TextPattern("^附\\s*件\\s*\\d*(?:[：:]|$)", startsWith: "[附]")

    static func isDateLine(_ s: String) -> Bool { dateLine.contains(in: s) }
    static func isNumberLine(_ s: String) -> Bool { numberLine.contains(in: s) }

    /// `prevOpensParagraph`: `prev` is its paragraph's first line, which a PDF indents by two
    /// characters, so it is "full" two characters earlier.
    static func continues(_ prev: LineFacts, _ next: LineFacts, wrapWidth: Double?,
                          prevOpensParagraph: Bool = false, insideParenthesis: Bool = false) -> Bool {
        let p = prev.text, n = next.text
        if prev.hasTab || next.hasTab { return false }
        // "二、" alone, then "工作要求": the marker's own heading is on the next line.
        if let m = prev.marker, !m.isBareHeading, m.length == p.utf16.count,
           next.marker.map({ $0.isBareHeading }) ?? true { return true }
        if next.marker != nil || next.opensAttachment { return false }
        if next.isDateOrNumberLine || prev.isDateOrNumberLine { return false }
        if p.hasSuffix("文件") && !p.isLonger(than: 30) { return false }
        // A web page's information block and breadcrumbs: each field is a line of its own.
        if next.isPageField || prev.isPageField { return false }
        if prev.opensAttachment && !p.isLonger(than: 8) { return false }
        if let first = n.first, continuationStart.contains(first) { return true }
        // A parenthetical never ends a paragraph half-way: "（牵头单位：" / "应急办；配合单位：…）".
        if insideParenthesis { return true }
        let pLast = p.last!
        if next.startsLabel, terminal.contains(pLast) || closing.contains(pLast) { return false }
        if let width = wrapWidth {
            // Hard-wrapped: only a full line continues (a short one ended its paragraph).
            return prev.width >= width - 2.5 - (prevOpensParagraph ? 2 : 0)
        }
        if terminal.contains(pLast) || closing.contains(pLast) { return false }
        if prev.endsTitle { return false }
        if let m = prev.marker, m.isBareHeading || !p.isLonger(than: 30) { return false }
        return true
    }

    /// More "（" than "）" on the line: an annotation broken across lines.
    static func opensParenthesis(_ s: String) -> Bool { parenthesisDepth(after: s, from: 0) > 0 }

    /// Open parentheses after reading `s` with `depth` already open (a stray close is ignored).
    static func parenthesisDepth(after s: String, from depth: Int) -> Int {
        var depth = depth
        for u in s.unicodeScalars {
            if u == "（" || u == "(" { depth += 1 } else if (u == "）" || u == ")") && depth > 0 { depth -= 1 }
        }
        return depth
    }

    static func join(_ a: String, _ b: String) -> String {
        var s = a
        append(b, to: &s)
        return s
    }

    /// Appends a wrapped line: Latin words broken at the line end get their space back.
    static func append(_ b: String, to a: inout String) {
        if let x = a.unicodeScalars.last, let y = b.unicodeScalars.first,
           x.properties.isAlphabetic && x.isASCII, y.properties.isAlphabetic && y.isASCII {
            a += " "
        }
        a += b
    }
}
