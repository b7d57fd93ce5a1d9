import Foundation

/// The diff as a readable terminal report; ANSI colour only when asked (the caller decides:
/// a terminal without NO_COLOR).
public struct DiffTextRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    private func style(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func bold(_ s: String) -> String { style(s, "1") }
    private func dim(_ s: String) -> String { style(s, "2") }
    private func red(_ s: String) -> String { style(s, "31") }
    private func green(_ s: String) -> String { style(s, "32") }

    public func render(_ r: NoticeDiffReport) -> String {
        var lines: [String] = []
        lines.append(bold("diff ") + ReportStrings.document(r.old))
        lines.append(bold("  →  ") + ReportStrings.document(r.new))
        lines.append("")
        for h in r.headline { lines.append("  " + h) }
        let counts = ReportStrings.changeCounts(r.summary)
        if !counts.isEmpty { lines.append(dim("  changes by kind: " + counts)) }

        let units = ReportStrings.orderedUnits(r)
        if !units.isEmpty {
            lines.append("")
            lines.append(bold("Units"))
            for (name, u) in units {
                let roles = ReportStrings.roles(u).filter { $0.1 != nil }
                    .map { "\($0.0): " + colourRole(ReportStrings.role($0.1)) }
                lines.append("  \(name): " + roles.joined(separator: " · "))
            }
        }
        if !r.sections.isEmpty {
            lines.append("")
            lines.append(bold("Parts"))
            for c in r.sections { lines.append("  " + ReportStrings.section(c)) }
        }
        if !r.pairs.isEmpty {
            lines.append("")
            lines.append(bold(r.pairs.contains { $0.changes.isEmpty } ? "Pairs" : "Changed"))
            for p in r.pairs { lines.append(contentsOf: pair(p)) }
        }
        if !r.splits.isEmpty {
            lines.append("")
            lines.append(bold("Split"))
            for s in r.splits { lines.append(contentsOf: regroup(s)) }
        }
        if !r.merges.isEmpty {
            lines.append("")
            lines.append(bold("Merged"))
            for s in r.merges { lines.append(contentsOf: regroup(s)) }
        }
        if !r.possible.isEmpty {
            lines.append("")
            lines.append(bold("Possibly continued") + dim(" (also listed as removed and added)"))
            for p in r.possible {
                lines.append("  " + ReportStrings.path(p.old.path) + " → " + ReportStrings.path(p.new.path) + "  " + p.new.title
                             + "  " + dim(String(format: "%.2f", p.similarity) + " [\(p.old.id) → \(p.new.id)]"))
                lines.append("      was: " + p.old.title + dim("  shared: " + p.shared.joined(separator: "、")))
            }
        }
        if !r.added.isEmpty {
            lines.append("")
            lines.append(bold("Added"))
            for t in r.added {
                lines.append("  " + green("+ " + ReportStrings.path(t.path)) + "  " + t.title + "  " + ReportStrings.leadAndDeadline(t) + "  " + dim("[\(t.id)]"))
            }
        }
        if !r.removed.isEmpty {
            lines.append("")
            lines.append(bold("Removed"))
            for t in r.removed {
                lines.append("  " + red("− " + ReportStrings.path(t.path)) + "  " + t.title + "  " + ReportStrings.leadAndDeadline(t) + "  " + dim("[\(t.id)]"))
            }
        }
        if r.summary.isEmpty {
            lines.append("")
            lines.append("no changes")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func colourRole(_ s: String) -> String {
        guard colour else { return s }
        return s.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
            let p = String(part)
            if p.contains("+") { return green(p) }
            if p.contains("−") { return red(p) }
            return p
        }.joined(separator: ",")
    }

    private func pair(_ p: TaskPair) -> [String] {
        let head = "  " + ReportStrings.path(p.old.path) + " → " + ReportStrings.path(p.new.path) + "  " + p.new.title
            + "  " + dim(String(format: "%.2f", p.similarity) + " [\(p.old.id) → \(p.new.id)]")
        var lines = [head]
        let labels = p.changes.isEmpty ? "unchanged" : p.changes.map(\.rawValue).joined(separator: ", ")
        lines.append("      " + style(labels, "33") + (p.partOf.map { dim("  (part of a \($0.rawValue))") } ?? ""))
        let d = p.details
        if let c = d.lead { lines.append("      lead: " + ReportStrings.names(c.old) + " → " + ReportStrings.names(c.new)) }
        if let c = d.support { lines.append("      support: " + ReportStrings.names(c.old) + " → " + ReportStrings.names(c.new)) }
        if let c = d.responsible {
            lines.append("      responsible: " + ReportStrings.names(c.old) + " → " + ReportStrings.names(c.new))
        }
        if let c = d.deadline {
            lines.append("      deadline: " + ReportStrings.deadlines(c.old) + " → " + ReportStrings.deadlines(c.new))
        }
        if let c = d.metric { lines.append("      metric: " + ReportStrings.metrics(c.old) + " → " + ReportStrings.metrics(c.new)) }
        if let c = d.moved { lines.append("      moved: " + ReportStrings.move(c)) }
        if let t = d.text {
            let a = t.abridged()
            let s = colour ? a.marked(delete: ("\u{1B}[31;9m", "\u{1B}[0m"), insert: ("\u{1B}[32;4m", "\u{1B}[0m")) : a.marked
            lines.append("      text: " + s)
        }
        return lines
    }

    private func regroup(_ g: TaskRegroup) -> [String] {
        let old = g.old.map { ReportStrings.path($0.path) }.joined(separator: " + ")
        let new = g.new.map { ReportStrings.path($0.path) }.joined(separator: " + ")
        var lines = ["  " + old + " → " + new + "  " + dim(String(format: "%.2f", g.similarity))]
        for t in g.old { lines.append("      " + red("− ") + t.title + "  " + dim("[\(t.id)]")) }
        for t in g.new { lines.append("      " + green("+ ") + t.title + "  " + dim("[\(t.id)]")) }
        return lines
    }
}
