import Foundation

/// The diff as Markdown, for pasting into a memo.
public struct DiffMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ r: NoticeDiffReport) -> String {
        var md: [String] = []
        md.append("# Changes: \(esc(r.old.title ?? r.old.file)) → \(esc(r.new.title ?? r.new.file))")
        md.append("")
        md.append("| | old | new |")
        md.append("|---|---|---|")
        md.append("| file | \(esc(r.old.file)) | \(esc(r.new.file)) |")
        md.append("| issuer | \(esc(r.old.issuer ?? "—")) | \(esc(r.new.issuer ?? "—")) |")
        md.append("| number | \(esc(r.old.number ?? "—")) | \(esc(r.new.number ?? "—")) |")
        md.append("| date | \(r.old.date ?? "—") | \(r.new.date ?? "—") |")
        md.append("| tasks | \(r.old.tasks) | \(r.new.tasks) |")
        md.append("")
        md.append("## Summary")
        md.append("")
        for h in r.headline { md.append("- " + esc(h)) }
        let counts = ReportStrings.changeCounts(r.summary)
        if !counts.isEmpty {
            md.append("")
            md.append("Changes by kind: " + counts + ".")
        }

        let units = ReportStrings.orderedUnits(r)
        if !units.isEmpty {
            md.append("")
            md.append("## Units")
            md.append("")
            md.append("| unit | as lead | as support | as responsible |")
            md.append("|---|---|---|---|")
            for (name, u) in units {
                md.append("| \(esc(name)) | \(ReportStrings.role(u.lead)) | \(ReportStrings.role(u.support)) | \(ReportStrings.role(u.responsible)) |")
            }
        }
        if !r.sections.isEmpty {
            md.append("")
            md.append("## Parts")
            md.append("")
            for c in r.sections { md.append("- " + esc(ReportStrings.section(c))) }
        }
        if !r.possible.isEmpty {
            md.append("")
            md.append("## Possibly continued")
            md.append("")
            md.append("Removed and added tasks that may be one obligation reworded (also listed as removed and added).")
            md.append("")
            for p in r.possible {
                md.append("- \(esc(ReportStrings.path(p.old.path))) \(esc(p.old.title)) → \(esc(ReportStrings.path(p.new.path))) \(esc(p.new.title)) "
                          + "(similarity \(String(format: "%.2f", p.similarity)); shared: \(esc(p.shared.joined(separator: "、"))))")
            }
        }
        if !r.pairs.isEmpty {
            md.append("")
            md.append(r.pairs.contains { $0.changes.isEmpty } ? "## Pairs" : "## Changed tasks")
            for p in r.pairs {
                md.append("")
                md.append("### \(esc(ReportStrings.path(p.old.path))) → \(esc(ReportStrings.path(p.new.path))) \(esc(p.new.title))")
                md.append("")
                md.append("`\(p.old.id)` → `\(p.new.id)`, similarity \(String(format: "%.2f", p.similarity)); "
                          + (p.changes.isEmpty ? "unchanged" : "changes: " + p.changes.map(\.rawValue).joined(separator: ", "))
                          + (p.partOf.map { " (part of a \($0.rawValue))" } ?? ""))
                md.append("")
                let d = p.details
                if let c = d.lead { md.append("- lead: \(esc(ReportStrings.names(c.old))) → \(esc(ReportStrings.names(c.new)))") }
                if let c = d.support { md.append("- support: \(esc(ReportStrings.names(c.old))) → \(esc(ReportStrings.names(c.new)))") }
                if let c = d.responsible {
                    md.append("- responsible: \(esc(ReportStrings.names(c.old))) → \(esc(ReportStrings.names(c.new)))")
                }
                if let c = d.deadline {
                    md.append("- deadline: \(esc(ReportStrings.deadlines(c.old))) → \(esc(ReportStrings.deadlines(c.new)))")
                }
                if let c = d.metric { md.append("- metric: \(esc(ReportStrings.metrics(c.old))) → \(esc(ReportStrings.metrics(c.new)))") }
                if let c = d.moved { md.append("- moved: \(esc(ReportStrings.move(c)))") }
                if let t = d.text {
                    let marked = t.abridged().edits.map { e -> String in
                        switch e.op {
                        case .equal: return esc(e.text)
                        case .delete: return "~~" + esc(e.text) + "~~"
                        case .insert: return "**" + esc(e.text) + "**"
                        }
                    }.joined()
                    md.append("- text: " + marked)
                }
            }
        }
        for (title, groups) in [("## Split", r.splits), ("## Merged", r.merges)] where !groups.isEmpty {
            md.append("")
            md.append(title)
            md.append("")
            for g in groups {
                let old = g.old.map { "\(esc(ReportStrings.path($0.path))) \(esc($0.title)) (`\($0.id)`)" }.joined(separator: " + ")
                let new = g.new.map { "\(esc(ReportStrings.path($0.path))) \(esc($0.title)) (`\($0.id)`)" }.joined(separator: " + ")
                md.append("- \(old) → \(new)")
            }
        }
        for (title, refs) in [("## Added", r.added), ("## Removed", r.removed)] where !refs.isEmpty {
            md.append("")
            md.append(title)
            md.append("")
            for t in refs { md.append("- \(esc(ReportStrings.path(t.path))) \(esc(t.title)) — \(esc(ReportStrings.leadAndDeadline(t))) (`\(t.id)`)") }
        }
        if r.summary.isEmpty {
            md.append("")
            md.append("No changes.")
        }
        return md.joined(separator: "\n") + "\n"
    }

    /// Escapes the characters Markdown would read as formatting or table cells.
    private func esc(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]|<>#~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
