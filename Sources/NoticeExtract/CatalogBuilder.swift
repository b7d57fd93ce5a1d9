import Foundation
import NoticeDecode
import NoticeModel
import NoticeText

/// The extraction pipeline for one notice: decoded text → paragraphs → layout → tasks → units.
public enum CatalogBuilder {
    /// Changes whenever extraction gives different results for the same file; an index built by
    /// another version re-extracts every notice (stored hashes include it).
    public static let version = "16"

    /// Reads, decodes and extracts the notice at `path`; `relativePath` becomes `Notice.file`
    /// and names the file in errors.
    public static func notice(atPath path: String, relativePath: String) throws -> Notice {
        let decoded = try NoticeDecoder.decode(path: path, displayPath: relativePath)
        return notice(decoded: decoded, relativePath: relativePath)
    }

    /// Extracts the catalog entry of already-decoded text.
    public static func notice(decoded: DecodedText, relativePath: String) -> Notice {
        let paragraphs = Reflow.paragraphs(of: decoded.text)
        let layout = OutlineBuilder.layout(of: paragraphs)
        let meta = MetadataExtractor.extract(from: layout)
        var drafts = TaskCollector.collect(layout, year: meta.year)

        // Units: names from explicit lists, aliases defined in the body, issuer-prefixed forms.
        let bodyText = (layout.preamble + layout.outline.nodes.flatMap(\.body)).map(\.text).joined(separator: "\n")
        let explicitNames = drafts.flatMap { ResponsibilityForms.statedNames($0.evidence) }
        var lexicon = UnitLexicon(explicitNames: explicitNames, bodyText: bodyText)
        // Responsibility in one pass over the tasks in order, now that the notice's own names
        // are known; a legend (排在第一位的部门为牵头部门，下同) holds from where it is written on.
        var context = ResponsibilityContext(known: lexicon.knownKeys)
        context.firstListedLeads = layout.preamble.contains { DutyList.hasLegend($0.text) }
        for i in drafts.indices {
            if DutyList.hasLegend(drafts[i].text) { context.firstListedLeads = true }
            guard let (r, form) = ResponsibilityForms.decide(drafts[i].evidence, context) else { continue }
            drafts[i].responsibility = r
            if form != "inherited from a heading" { drafts[i].core = true }
        }
        shareTrailingAnnotations(&drafts)
        let subjects = InferredUnits(lexicon: lexicon)
        let inferred = drafts.map { d -> [String] in
            d.responsibility == nil ? subjects.subjects(in: d.text) : []
        }
        lexicon.learnPrefixedForms(drafts.flatMap { $0.responsibility?.allNames ?? [] } + inferred.flatMap { $0 })

        let stem = Self.stem(of: relativePath)
        var tasks: [NoticeTask] = []
        for (n, d) in drafts.enumerated() {
            let r = d.responsibility ?? Responsibility()
            tasks.append(NoticeTask(
                id: "\(stem)#\(n + 1)", path: d.path, title: d.title,
                text: d.text.removingAll("\n"), core: d.core,
                lead: lexicon.resolve(r.lead), support: lexicon.resolve(r.support),
                responsible: lexicon.resolve(r.responsible), inferred: lexicon.resolve(inferred[n]),
                deadlines: d.deadlines, metrics: d.metrics,
                source: SourceLocation(line: d.line, endLine: d.endLine)))
        }
        var notice = Notice(file: relativePath, issuer: meta.issuer, number: meta.number, date: meta.date,
                            title: meta.title, year: meta.year, recipients: meta.recipients, format: decoded.format,
                            units: units(of: tasks, lexicon: lexicon), tasks: tasks,
                            sections: TaskCollector.sections(layout, holding: drafts))
        notice.contextText = contextText(paragraphs, outside: tasks)
        return notice
    }

    /// A notice's id stem: its file name without the extension (2024.03.txt and 2024.04.txt are
    /// two notices, not one stem "2024"). Task ids are `stem#n`; `show` and `diff` accept it.
    public static func stem(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The paragraphs no task's source lines cover, one per line.
    static func contextText(_ paragraphs: [Paragraph], outside tasks: [NoticeTask]) -> String {
        var covered = IndexSet()
        for t in tasks where t.source.endLine >= t.source.line && t.source.line > 0 {
            covered.insert(integersIn: t.source.line...t.source.endLine)
        }
        return paragraphs.filter { p in !(p.line...max(p.line, p.endLine)).allSatisfy(covered.contains) }
            .map(\.text).joined(separator: "\n")
    }

    /// "（1）…（2）…（3）… ⏎ （责任单位：A、B）": an annotation on a line of its own after the last
    /// item of a part covers the items above it when none of them states anyone.
    static func shareTrailingAnnotations(_ drafts: inout [DraftTask]) {
        var i = 0
        while i < drafts.count {
            let parent = drafts[i].path.dropLast()
            var j = i
            while j + 1 < drafts.count, drafts[j + 1].path.dropLast() == parent { j += 1 }
            if j > i, let r = drafts[j].responsibility,
               let last = drafts[j].text.split(separator: "\n").last.map(String.init), drafts[j].text.contains("\n"),
               last.hasPrefix("（") || last.hasPrefix("("),   // a bracketed annotation standing alone
               LabelledResponsibility.isLabelLine(last.trimming(anyOf: "（(）) ")),
               drafts[i..<j].allSatisfy({ $0.responsibility == nil }) {
                for k in i..<j {
                    drafts[k].responsibility = r
                    drafts[k].core = true
                }
            }
            i = j + 1
        }
    }

    static func units(of tasks: [NoticeTask], lexicon: UnitLexicon) -> [NoticeUnit] {
        var seen = Set<String>()
        var out: [NoticeUnit] = []
        for name in tasks.flatMap(\.allUnits) where seen.insert(name).inserted {
            out.append(NoticeUnit(name: name, aliases: lexicon.aliases[name] ?? [],
                            kind: UnitNames.isCollective(name) ? .collective : .department))
        }
        return out
    }
}
