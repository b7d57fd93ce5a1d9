import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// A task before units are resolved: where it is, its text, and what the notice states about it.
struct DraftTask {
    var path: [String]
    var title: String
    /// Paragraph texts joined with "\n" (the exported text drops the breaks).
    var text: String
    var core: Bool
    /// What the task offers as evidence of who does it (decided in CatalogBuilder, once the
    /// notice's unit names are known, by `ResponsibilityForms`).
    var evidence: ResponsibilityEvidence
    /// The decided responsibility.
    var responsibility: Responsibility?
    var deadlines: [Deadline]
    var metrics: [Metric]
    var line: Int
    var endLine: Int
}

/// Walks a notice's outline and turns leaf items and table rows into draft tasks.
enum TaskCollector {
    /// Phases of an implementation (动员部署阶段（3月）): secondary, like the headings the
    /// vocabulary lists.
    private static let phase = TextPattern("阶段(?:[（(].*[）)])?(?:[。：:，]|$)")
    /// A part that only points elsewhere: 重点任务详见附件.
    private static let seeAttachment = TextPattern("^[^。]{0,20}(?:详见|见)附件[\\d一二三四五六七八九十]*[。]?$")

    /// What a part's heading says about its items (GenreVocabulary.headings, phases).
    static func headingKind(_ key: String) -> HeadingKind? {
        GenreVocabulary.headingKind(key) ?? (phase.contains(in: key) ? .secondary : nil)
    }

    /// Articles of a 制度/办法 that state no work: its purpose, scope, who interprets it, when it applies.
    private static let noWork = TextPattern("^(?:为[^。]{2,80}(?:制定|特制定|制订)本(?:制度|办法|方案|规定|细则|规范|意见)[。]?$|本(?:制度|办法|规定|细则|规范|方案)(?:适用于|所称)|本(?:制度|办法|规定|细则|规范|方案)由[^。]{1,30}负责解释|[^。]{0,30}自[^。]{0,10}之日起(?:施行|执行|实施))")
    /// "2024年平安建设工作任务分解表.docx": an attachment download link, not work.
    private static let fileName = TextPattern("\\.(?:docx?|xlsx?|wps|et|pdf|zip|rar|txt)$", caseInsensitive: true)
    private static let memberList = TextPattern("组\\s*长[：:]|副组长[：:]|成\\s*员[：:]", needsAny: "：:")
    private static let notePrefix = TextPattern("^(?:备注|说明|注|填报说明)[：:]")

    static func collect(_ layout: NoticeLayout, year: Int?) -> [DraftTask] {
        var outline = layout.outline
        shiftLabelsWrittenBeforeItems(&outline)
        var out: [DraftTask] = []
        if outline.nodes.isEmpty {
            // No numbering at all: each substantive body paragraph is a task.
            out += tableTasks(in: layout.preamble, basePath: [], year: year)
            if out.isEmpty {
                // Label and field paragraphs (责任单位：…, 完成时限：…) belong to the task above them.
                var groups: [[Paragraph]] = []
                for p in layout.preamble {
                    if !groups.isEmpty, LabelledResponsibility.isLabelLine(p.text) || fieldLine.contains(in: TextFolding.simplifiedKey(p.text)) {
                        groups[groups.count - 1].append(p)
                    } else if isSentence(p.text) {
                        groups.append([p])
                    }
                }
                for (n, g) in groups.enumerated() {
                    out.append(draft(path: [String(n + 1)], paragraphs: g, core: true, year: year))
                }
            }
            return out
        }
        // A table's header holds for its rows below, even under the headings that split it.
        var header: TableLayout?
        out += tableTasks(in: layout.preamble, basePath: [], year: year, header: &header)
        for root in outline.roots { walk(root, outline, year: year, secondaryAbove: false, header: &header, into: &out) }
        shareCoveringUnitLines(&out)
        return out
    }

    private static func walk(_ i: Int, _ outline: Outline, year: Int?, secondaryAbove: Bool, header: inout TableLayout?,
                             into out: inout [DraftTask]) {
        let node = outline.nodes[i]
        let heading = node.body.first?.text ?? ""
        let headingKey = TextFolding.simplifiedKey(node.isBareHeading ? node.label : heading)
        let kind = headingKind(headingKey)
        if kind == .notTasks { return }
        let isSecondary = secondaryAbove || kind == .secondary
        let path = outline.path(of: i)
        let inAttachment = outline.lineage(of: i).contains { outline.nodes[$0].isAttachment }
        if inAttachment && node.isAttachment { header = nil }   // an attachment's table has a header of its own
        let rows = tableTasks(in: node.body, basePath: path, year: year, core: !isSecondary, formRowsAreTasks: !inAttachment,
                              header: &header)
        out += rows
        if !node.children.isEmpty {
            for c in node.children { walk(c, outline, year: year, secondaryAbove: isSecondary, header: &header, into: &out) }
            return
        }
        guard rows.isEmpty else { return }
        // A paragraph under a requirements heading (组织领导。…, 保障措施：…) is not a task unless
        // it names who does it; nor is a part that only says 详见附件.
        if GenreVocabulary.frameHeadings.contains(where: { headingKey.hasPrefix($0) }), !node.body.contains(where: { LabelledResponsibility.isLabelLine($0.text) || LabelledResponsibility.read($0.text) != nil }) { return }
        if seeAttachment.contains(in: TextFolding.simplifiedKey(node.body.map(\.text).joined())) { return }
        // Contact lines and notice-board footers (联系人：…, 公示时间：…) are not the task's text.
        var paragraphs = node.body.dropFirst().reduce(into: Array(node.body.prefix(1))) { kept, p in
            if !footerLine.contains(in: TextFolding.simplifiedKey(p.text)) { kept.append(p) }
        }.filter { !$0.isTableRow }
        if node.isAttachment {
            // An attachment without items: only its duty sentences are a task (the form is not).
            paragraphs = paragraphs.filter { isSentence($0.text) }.map { p in
                var q = p
                if let m = notePrefix.firstMatch(in: q.text) { q.text = String(q.text.dropFirst(m.text.count)) }
                return q
            }
        }
        let text = paragraphs.map(\.text).joined()
        // Too short to state work, the member list of a leading group, or an article stating no work.
        guard text.isLonger(than: 5), !memberList.contains(in: text), !noWork.contains(in: TextFolding.simplifiedKey(text)),
              (text.isLonger(than: 60) || !fileName.contains(in: text)) else { return }
        var d = draft(path: path, paragraphs: paragraphs, core: !isSecondary, year: year)
        // A heading may state responsibility for all its items: "（一）X方面（牵头单位：安稳办）".
        for a in outline.lineage(of: i).dropFirst() {
            // The heading line, and label lines written under it ("【牵头单位】医政股").
            let body = outline.nodes[a].body
            let stated = ([body.first].compactMap { $0 } + body.dropFirst().filter { LabelledResponsibility.isLabelLine($0.text) })
                .map(\.text).joined(separator: "\n")
            if let r = ResponsibilityExtractor.explicit(in: stated, known: []) {
                d.evidence.inherited = r
                break
            }
        }
        out.append(d)
    }

    /// The parts of the outline that hold tasks, with their headings: every ancestor of a task.
    static func sections(_ layout: NoticeLayout, holding tasks: [DraftTask]) -> [NoticeSection] {
        let parents = Set(tasks.flatMap { t in (1..<max(t.path.count, 1)).map { Array(t.path.prefix($0)) } })
        let outline = layout.outline
        return outline.nodes.indices.compactMap { i -> NoticeSection? in
            let path = outline.path(of: i)
            guard parents.contains(path) else { return nil }
            let node = outline.nodes[i]
            return NoticeSection(path: path, title: node.isBareHeading ? node.label : title(of: Array(node.body.prefix(1))))
        }
    }

    private static let footerLine = TextPattern("^" + GenreVocabulary.alternation(GenreVocabulary.footerFields) + "\\s*(?:[：:]|为)")

    /// A field written beside a task's labels: 完成时限：…, 时间节点：….
    private static let fieldLine = TextPattern("^(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限|备注)[：:]")

    /// A flattened 落实科室 column whose cell spans several rows gives one unit line after the last
    /// of them: items of the same part with no line of their own take the next one below.
    static func shareCoveringUnitLines(_ drafts: inout [DraftTask]) {
        var below: (parent: [String], line: String)?
        for i in drafts.indices.reversed() {
            let parent = Array(drafts[i].path.dropLast())
            if let line = drafts[i].evidence.unitLine {
                below = (parent, line)
            } else if let b = below, b.parent == parent, LabelledResponsibility.read(drafts[i].text) == nil {
                drafts[i].evidence.unitLine = b.line
            } else {
                below = nil
            }
        }
    }

    /// Some 任务分工 notices write each item's annotation on the line BEFORE it: the parent carries
    /// a label line right before its first item, every item but the last ends with one, and the
    /// last does not. Then each label line belongs to the item after it.
    static func shiftLabelsWrittenBeforeItems(_ outline: inout Outline) {
        func trailingLabels(_ body: [Paragraph]) -> Int {
            var n = 0
            for p in body.dropFirst().reversed() {   // the marker paragraph itself is not a label line
                guard LabelledResponsibility.isLabelLine(p.text) else { break }
                n += 1
            }
            return n
        }
        for parent in outline.nodes.indices {
            let kids = outline.nodes[parent].children
            guard kids.count >= 2 else { continue }
            let lead = trailingLabels(outline.nodes[parent].body)
            guard lead > 0, trailingLabels(outline.nodes[kids.last!].body) == 0,
                  kids.dropLast().allSatisfy({ trailingLabels(outline.nodes[$0].body) > 0 }) else { continue }
            var carried = Array(outline.nodes[parent].body.suffix(lead))
            outline.nodes[parent].body.removeLast(lead)
            for k in kids {
                let own = trailingLabels(outline.nodes[k].body)
                let next = Array(outline.nodes[k].body.suffix(own))
                outline.nodes[k].body.removeLast(own)
                outline.nodes[k].body.append(contentsOf: carried)
                carried = next
            }
        }
    }

    static func isSentence(_ t: String) -> Bool {
        t.isLonger(than: 11) && (t.contains("。") || t.contains("，")) && !t.contains("\t") && !t.hasSuffix("：") && !t.hasSuffix(":")
    }

    static func draft(path: [String], paragraphs: [Paragraph], core: Bool, year: Int?) -> DraftTask {
        // A line of unit names under the item (a flattened 落实科室 column) is evidence, not text.
        var own = paragraphs
        var unitLine: String?
        if own.count > 1, let k = own.dropFirst().lastIndex(where: { UnitLine.isUnitLine($0.text) }) {
            unitLine = own[k].text
            own.remove(at: k)
        }
        let text = own.map(\.text).joined(separator: "\n")
        let flat = text.removingAll("\n")
        return DraftTask(path: path, title: title(of: own), text: text, core: core,
                         evidence: ResponsibilityEvidence(text: text, unitLine: unitLine), responsibility: nil,
                         deadlines: DeadlineExtractor.deadlines(in: flat, year: year),
                         metrics: MetricExtractor.metrics(in: flat),
                         line: paragraphs.first?.line ?? 0, endLine: paragraphs.last?.endLine ?? 0)
    }

    /// The item's heading: a heading line of its own, else its first sentence, shortened.
    static func title(of paragraphs: [Paragraph]) -> String {
        guard var first = paragraphs.first?.text else { return "" }
        // "完善安全生产责任清单（牵头单位：规划财务科）": the heading without its annotation.
        // Punctuation is found among the scalars (a Character comparison is a string comparison).
        if let open = first.unicodeScalars.firstIndex(where: { $0 == "（" || $0 == "(" }),
           first.unicodeScalars[open...].contains(where: { $0 == "：" || $0 == ":" }),
           first[..<open].isLonger(than: 3) {
            first = String(first[..<open])
        }
        if paragraphs.count > 1, !first.contains("。"), !first.isLonger(than: 40) { return first }
        var t = first
        if let stop = t.unicodeScalars.firstIndex(of: "。") { t = String(t[..<stop]) }
        if t.isLonger(than: 40), let comma = t.unicodeScalars.firstIndex(of: "，"), t[..<comma].isLonger(than: 3) {
            t = String(t[..<comma])
        }
        return t.isLonger(than: 40) ? String(t.prefix(40)) + "…" : t
    }
}
