/// The five lines a diff report opens with, for a reader who reads nothing else: the counts,
/// who gains lead duties, changed deadlines and targets, changed leads, and renumbered parts.
enum DiffHeadline {
    static func lines(_ r: NoticeDiffReport) -> [String] {
        [ReportStrings.summary(r), leadDuties(r), leadChanges(r), deadlines(r), parts(r)]
    }

    /// Units gaining the most lead tasks (new tasks, or continued ones handed to them).
    static func leadDuties(_ r: NoticeDiffReport) -> String {
        if let note = ReportStrings.unitNote(r) { return "leads: " + note }
        let gains = r.units.compactMap { name, u -> (String, Int, Int)? in
            let n = u.lead?.new.count ?? 0, d = u.lead?.dropped.count ?? 0
            return n + d > 0 ? (name, n, d) : nil
        }
        guard !gains.isEmpty else { return "leads: no unit gains or loses a lead duty" }
        let top = gains.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(3)
        let losing = gains.filter { $0.2 > 0 }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.prefix(2)
        var parts: [String] = []
        if !top.isEmpty { parts.append("most new lead duties: " + top.map { "\($0.0) +\($0.1)" }.joined(separator: ", ")) }
        if !losing.isEmpty { parts.append("most dropped: " + losing.map { "\($0.0) −\($0.2)" }.joined(separator: ", ")) }
        return "leads: " + parts.joined(separator: "; ")
    }

    /// Continued tasks whose lead changed, the first two shown.
    static func leadChanges(_ r: NoticeDiffReport) -> String {
        let changed = r.pairs.filter { $0.details.lead != nil }
        guard !changed.isEmpty else {
            guard ReportStrings.unitNote(r) == nil else {
                let named = r.added.filter { !$0.lead.isEmpty || !$0.responsible.isEmpty }.count
                return "lead changes not judged; \(named) of \(r.added.count) added tasks name a lead"
            }
            return "lead changed on no continued task"
        }
        let shown = changed.prefix(2).map { p in
            ReportStrings.path(p.new.path) + " " + p.new.title + ": " + ReportStrings.names(p.details.lead!.old) + " → " + ReportStrings.names(p.details.lead!.new)
        }
        return "lead changed on \(changed.count) continued task" + (changed.count == 1 ? "" : "s") + ": " + shown.joined(separator: "; ")
            + (changed.count > 2 ? "; …" : "")
    }

    /// Continued tasks whose deadline or target changed, the first deadline change shown.
    static func deadlines(_ r: NoticeDiffReport) -> String {
        let d = r.pairs.filter { $0.details.deadline != nil }
        let m = r.pairs.filter { $0.details.metric != nil }
        let dated = r.added.filter { !$0.deadlines.isEmpty }.count
        var s = "deadline changed on \(d.count), target on \(m.count) continued task" + (d.count + m.count == 1 && m.count != 1 ? "" : "s")
        if let p = d.first, let c = p.details.deadline {
            s += " (" + ReportStrings.path(p.new.path) + " " + p.new.title + ": " + ReportStrings.deadlines(c.old) + " → " + ReportStrings.deadlines(c.new) + ")"
        }
        if dated > 0 { s += "; \(dated) new task" + (dated == 1 ? " has" : "s have") + " a deadline" }
        return s
    }

    /// Parts renumbered or regrouped, the first three shown.
    static func parts(_ r: NoticeDiffReport) -> String {
        guard !r.sections.isEmpty else { return "parts: none renumbered or regrouped" }
        let shown = r.sections.prefix(3).map(ReportStrings.section)
        return "parts: " + shown.joined(separator: "; ") + (r.sections.count > 3 ? "; … (\(r.sections.count) in all)" : "")
    }
}
