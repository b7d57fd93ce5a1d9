import NoticeVocabulary
import Foundation

/// Splits a notice's paragraphs into cover, title, preamble, outline and trailer.
public enum OutlineBuilder {
    private static let issueCue = TextPattern("印发给你们|转发给你们|印发给各|现予印发|现印发|现将.{0,80}印发|请认真(?:贯彻|遵照|抓好|组织)|请遵照执行|请结合实际|请各单位认真")
    private static let parentheticalNote = TextPattern("^[（(](?:此件|本件|联系人|信息公开)")
    private static let attachmentLine = TextPattern("^附\\s*件\\s*([一二三四五六七八九十\\d]*)\\s*(?:[：:]\\s*|$)", startsWith: "[附]")
    private static let trailerLine = TextPattern("(?:印发|印发日期.*)$|^抄\\s*[送报][：:]|^主题词|^分送[：:]")
    /// A title's period on a line of its own: （2022—2024年）.
    public static func isTitlePeriod(_ line: String) -> Bool { titlePeriod.contains(in: line.removingAll(" ")) }
    private static let titlePeriod = TextPattern("^[（(]\\s*\\d{4}\\s*[—\\-–－至~]+\\s*\\d{4}\\s*年\\s*[）)]$")
    private static let announcesIssue = TextPattern("关于印发.{2,80}的通知$")
    private static let downloadList = TextPattern("^(?:附件下载|相关附件|附件列表|相关下载|附件清单)[：:]?$", startsWith: "[附相]")
    private static let webChrome = TextPattern("^(?:日期|来源|字体|发布时间|发布日期|浏览次数|分享到|【打印】|索引号)[：:]?")

    public static func layout(of paragraphs: [Paragraph]) -> NoticeLayout {
        var end = paragraphs.count
        // Trailer: 版记 lines, and the sign-off (issuer line + date) closing the body.
        while end > 0 {
            let t = paragraphs[end - 1].text
            if trailerLine.contains(in: TextFolding.simplifiedKey(t)) || Reflow.isDateLine(t) || parentheticalNote.contains(in: TextFolding.simplifiedKey(t)) {
                end -= 1
            } else if end < paragraphs.count, Reflow.isDateLine(paragraphs[end].text), isSignature(t) {
                end -= 1
            } else {
                break
            }
        }
        let bodyEndTrailer = Array(paragraphs[end...])
        let content = Array(paragraphs[..<end])

        let bodyStart = findBodyStart(content)
        let cover = Array(content[..<bodyStart])
        var i = bodyStart
        var title: [Paragraph] = []
        var joined = ""
        var j = i
        while j < content.count, j - i < 4, isTitleLike(content[j]) {
            joined += content[j].text
            j += 1
            if WordEndings.titles.endsAny(TextFolding.simplifiedKey(joined)) {
                title = Array(content[i..<j])
                break
            }
        }
        if title.isEmpty, i < content.count, isTitleLike(content[i]), content[i].text.count <= 40,
           i + 1 < content.count, !isTitleLike(content[i + 1]) {
            title = [content[i]]
        }
        // A title's period on a line of its own: （2022—2024年）.
        if !title.isEmpty, i + title.count < content.count, titlePeriod.contains(in: content[i + title.count].text) {
            title.append(content[i + title.count])
        }
        i += title.count
        var (preamble, outline, signOff) = buildOutline(Array(content[i...]))
        // Without numbered items, a closing signature sits at the end of the preamble.
        if outline.nodes.isEmpty, let last = preamble.last, isSignature(last.text), !signOff.isEmpty {
            signOff.insert(preamble.removeLast(), at: 0)
        }
        return NoticeLayout(cover: cover, title: title, preamble: preamble, outline: outline,
                            trailer: signOff + bodyEndTrailer)
    }

    /// 工作任务 ⏎ 具体要求 ⏎ 落实科室（部门）: the header of a table flattened into lines, not a heading.
    static func isColumnHeader(_ t: String) -> Bool {
        let k = TextFolding.simplifiedKey(t).removingAll(" ")
        return !k.isLonger(than: 16) && !k.contains("。") && !k.contains("，")
            && ["要求", "科室", "单位", "部门", "时限", "措施", "内容"].contains { k.contains($0) } && OutlineMarker.parse(k) == nil
    }

    /// Web page furniture: the information block, breadcrumbs, menus (never a title).
    static func isChrome(_ t: String) -> Bool {
        webChrome.contains(in: TextFolding.simplifiedKey(t)) || PageFields.startsField(t) || PageFields.isChrome(t)
            || t.hasPrefix("•") || t.hasPrefix("·")
    }

    static func isSignature(_ s: String) -> Bool {
        !s.isLonger(than: 30) && !s.contains("。") && !s.contains("，") && OutlineMarker.parse(s) == nil
    }

    static func isTitleLike(_ p: Paragraph) -> Bool {
        let t = p.text
        return !p.isTableRow && !t.isLonger(than: 90) && !t.contains("。") && !t.hasSuffix("：") && !t.hasSuffix(":")
            && OutlineMarker.parse(t) == nil && !Reflow.isDateLine(t) && !Reflow.isNumberLine(t)
            && !isChrome(t) && !attachmentLine.contains(in: t)
    }

    /// Index of the first paragraph of the body document (its title, when it has one).
    static func findBodyStart(_ ps: [Paragraph]) -> Int {
        let firstMarker = ps.firstIndex { OutlineMarker.parse($0.text) != nil } ?? ps.count
        if let cue = ps[..<firstMarker].firstIndex(where: { issueCue.contains(in: TextFolding.simplifiedKey($0.text)) }) {
            var k = cue + 1
            // The cover ends with the issuer's signature and date, then notes such as （此件公开发布）.
            if let date = ps[k..<min(ps.count, k + 5)].firstIndex(where: { Reflow.isDateLine($0.text) }) {
                k = date + 1
            }
            while k < ps.count, parentheticalNote.contains(in: TextFolding.simplifiedKey(ps[k].text)) { k += 1 }
            return min(k, ps.count)
        }
        // "关于印发X的通知" with no 印发 sentence: the body (X's own title) follows the 主送 line.
        if let announce = ps[..<firstMarker].firstIndex(where: { announcesIssue.contains(in: TextFolding.simplifiedKey($0.text)) }),
           let body = ps[(announce + 1)..<firstMarker].firstIndex(where: isTitleLike) {
            return body
        }
        // No cover letter: skip the header block (red-header line, 文号, web page chrome, dates).
        var k = 0
        while k < firstMarker {
            let t = ps[k].text
            if Reflow.isNumberLine(t) || Reflow.isDateLine(t) || isChrome(t)
                || (t.hasSuffix("文件") && !t.isLonger(than: 30)) {
                k += 1
            } else {
                break
            }
        }
        return k
    }

    private static let closingWords: Set<String> = ["特此通知。", "特此通知", "特此函告。", "此复。"]

    /// "1.…对标履职。2.按要求每季度…。3.…": items a copy ran into one paragraph, each after a
    /// sentence end or a closing bracket, numbered a little more than the last (numbers may skip);
    /// a （二） heading run in the same way opens a part.
    private static let inlineItem = TextPattern("(?<=[。；;）)])\\s*(?:(?<n>\\d{1,2})[.．、](?![\\d%])|(?<p>[（(][一二三四五六七八九十]{1,3}[）)])(?=\\p{Han}))")
    /// In a page that lost all its breaks (hundreds of characters, markers glued to the words
    /// before them), a marker after any Chinese character, when it continues the sequence.
    private static let gluedItem = TextPattern("(?<=[。；;）)\\p{Han}])\\s*(?:(?<n>\\d{1,2})[.．、](?![\\d%])|(?<p>[（(][一二三四五六七八九十]{1,3}[）)])(?=\\p{Han}))")

    static func splittingInlineItems(_ ps: [Paragraph]) -> [Paragraph] {
        var out: [Paragraph] = []
        var lastArabic = 0, lastParen = 0
        for p in ps {
            if !p.isTableRow, let m = OutlineMarker.parse(p.text) {
                if m.style == .arabic { lastArabic = m.ordinal }
                if m.style == .parenChinese { lastParen = m.ordinal }
            }
            guard !p.isTableRow, p.text.isLonger(than: 40) else { out.append(p); continue }
            var cuts: [Int] = []
            var arabic = lastArabic, paren = lastParen
            let glued = p.text.isLonger(than: 200)
            for c in (glued ? gluedItem : inlineItem).matches(in: p.text) {
                if let n = c["n"].flatMap({ Int($0) }), arabic > 0 || glued && n == 1, n > arabic, n <= arabic + 3 {
                    cuts.append(c.range(named: "n").location)
                    arabic = n
                } else if let label = c["p"], let k = ChineseNumeral.value(of: label.trimming(anyOf: "（()）")),
                          paren > 0 || glued && k == 1, k == paren + 1 {
                    cuts.append(c.range(named: "p").location)
                    paren = k
                }
            }
            lastArabic = arabic
            lastParen = paren
            guard !cuts.isEmpty else { out.append(p); continue }
            let ns = p.text as NSString
            var start = 0
            for cut in cuts + [ns.length] {
                out.append(Paragraph(text: ns.substring(with: NSRange(location: start, length: cut - start)), line: p.line, endLine: p.endLine))
                start = cut
            }
        }
        return out
    }

    static func buildOutline(_ paragraphs: [Paragraph]) -> ([Paragraph], Outline, [Paragraph]) {
        let ps = splittingInlineItems(paragraphs)
        var signOff: [Paragraph] = []
        var outline = Outline()
        var preamble: [Paragraph] = []
        var stack: [(node: Int, style: OutlineMarker.Style?)] = []
        var lastArabic: Int?   // the last 1. 2. number, so that 11.121人才… is item 11
        var inAttachmentList = false

        func add(_ node: OutlineNode) -> Int {
            outline.nodes.append(node)
            let idx = outline.nodes.count - 1
            if let p = node.parent { outline.nodes[p].children.append(idx) } else { outline.roots.append(idx) }
            return idx
        }

        for (index, p) in ps.enumerated() {
            if downloadList.matchesWhole(TextFolding.simplifiedKey(p.text)) {
                inAttachmentList = true   // a web page's list of files to download
                continue
            }
            if !p.isTableRow, !p.text.isLonger(than: 80), let m = attachmentLine.firstMatch(in: p.text) {
                let number = m.group(1) ?? ""
                let rest = String(p.text.dropFirst(m.text.count))
                if number.isEmpty, let inner = OutlineMarker.parse(rest), inner.style == .arabic {
                    // "附件：1.XX清单" opens a list of attachment titles, not an attachment.
                    inAttachmentList = true
                    continue
                }
                inAttachmentList = false
                let label = "附件" + (ChineseNumeral.value(of: number).map(String.init) ?? "")
                if let top = stack.first, outline.nodes[top.node].isAttachment,
                   outline.nodes[top.node].label == label, outline.nodes[top.node].children.isEmpty,
                   outline.nodes[top.node].body.count <= 1 {
                    continue   // the same attachment announced twice ("附件：X" then "附件：" + X)
                }
                let body = rest.isEmpty ? [] : [Paragraph(text: rest, line: p.line, endLine: p.endLine)]
                let idx = add(OutlineNode(label: label, style: nil, isAttachment: true, isBareHeading: false,
                                          parent: nil, body: body))
                stack = [(idx, nil)]
                continue
            }
            if inAttachmentList {
                if let m = OutlineMarker.parse(p.text), m.style == .arabic, !p.text.isLonger(than: 80), !p.text.contains("。") {
                    continue
                }
                inAttachmentList = false
            }
            let nextArabic = lastArabic.map { $0 + 1 }
            if !p.isTableRow, let m = OutlineMarker.parse(p.text, nextArabic: nextArabic),
               !(m.isBareHeading && index + 1 < ps.count && isColumnHeader(ps[index + 1].text)) {
                if m.style == .arabic { lastArabic = m.ordinal }
                let rest = String(p.text.substring(utf16From: m.length))
                let isAttachmentRoot = stack.first.map { outline.nodes[$0.node].isAttachment } ?? false
                // A style already open closes everything below it; a new style opens a level.
                if let level = stack.lastIndex(where: { $0.style == m.style }) {
                    stack.removeSubrange(level...)
                } else if m.isBareHeading, !isAttachmentRoot {
                    stack.removeAll()
                }
                let parent = stack.last?.node
                let body = [Paragraph(text: rest, line: p.line, endLine: p.endLine)]
                let idx = add(OutlineNode(label: m.label, style: m.style, isAttachment: false,
                                          isBareHeading: m.isBareHeading, parent: parent, body: body))
                stack.append((idx, m.style))
                continue
            }
            if Reflow.isDateLine(p.text) || closingWords.contains(TextFolding.simplifiedKey(p.text)) {
                // The body's sign-off ("特此通知。", issuer, date) before its attachments.
                if let top = stack.last, let last = outline.nodes[top.node].body.last,
                   outline.nodes[top.node].body.count > 1, isSignature(last.text), Reflow.isDateLine(p.text) {
                    signOff.append(outline.nodes[top.node].body.removeLast())
                }
                signOff.append(p)
                continue
            }
            if let top = stack.last {
                outline.nodes[top.node].body.append(p)
            } else {
                preamble.append(p)
            }
        }
        return (preamble, outline, signOff)
    }
}
