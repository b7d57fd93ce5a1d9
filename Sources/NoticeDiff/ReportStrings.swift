import NoticeModel

/// Short texts shared by the report renderers.
enum ReportStrings {
    static func path(_ p: [String]) -> String { p.isEmpty ? "(top)" : p.joined(separator: " ") }

    /// "二 （三） → 二 （一）", with where the old section went when it was renumbered.
    static func move(_ m: SectionMove) -> String {
        var s = path(m.old) + " → " + path(m.new)
        if let now = m.oldSectionNow, now != m.old { s += " (old " + path(m.old) + " is now " + path(now) + ")" }
        return s
    }

    /// "三 （二） 矛盾纠纷化解 → 二 （一） (4 tasks; also 一 （三）)".
    static func section(_ c: SectionChange) -> String {
        var s = path(c.old) + (c.oldTitle.isEmpty ? "" : " " + c.oldTitle) + " → "
        if let n = c.new {
            s += path(n)
            if let t = c.newTitle, !t.isEmpty, TitleKey.of(t) != TitleKey.of(c.oldTitle) { s += " " + t }
            s += " (\(c.tasks) task" + (c.tasks == 1 ? "" : "s")
            if !c.alsoTo.isEmpty { s += "; also " + c.alsoTo.map(path).joined(separator: ", ") }
            s += ")"
        } else {
            s += c.alsoTo.map(path).joined(separator: ", ")
        }
        return s
    }

    /// "lead 安稳办 · 6月底前" for an added or removed task; "lead —" when it names none.
    static func leadAndDeadline(_ t: TaskRef) -> String {
        var s = t.lead.isEmpty && !t.responsible.isEmpty ? "responsible " + names(t.responsible) : "lead " + names(t.lead)
        if !t.deadlines.isEmpty { s += " · " + t.deadlines.joined(separator: "；") }
        return s
    }

    static func names(_ n: [String]) -> String { n.isEmpty ? "—" : n.joined(separator: "、") }

    static func deadlines(_ d: [Deadline]) -> String { d.isEmpty ? "—" : d.map(\.text).joined(separator: "；") }

    /// Targets as written, with their period when the text does not say it (每季度·至少开展1次).
    static func metrics(_ m: [Metric]) -> String {
        m.isEmpty ? "—" : m.map { x in
            guard let p = x.period, !x.text.hasPrefix("每") else { return x.text }
            return period(p) + "·" + x.text
        }.joined(separator: "；")
    }

    static func period(_ p: Deadline.Period) -> String {
        switch p {
        case .day: return "每日"
        case .week: return "每周"
        case .month: return "每月"
        case .quarter: return "每季度"
        case .halfYear: return "每半年"
        case .year: return "每年"
        }
    }

    static func document(_ d: DiffDocument) -> String {
        var parts: [String] = []
        if let y = d.year { parts.append(String(y)) }
        if let t = d.title { parts.append(t) }
        return d.file + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    /// "+2 new, −1 dropped, 3 changed, 4 unchanged", zero counts left out.
    static func role(_ r: RoleChange?) -> String {
        guard let r else { return "—" }
        var parts: [String] = []
        if !r.new.isEmpty { parts.append("+\(r.new.count) new") }
        if !r.dropped.isEmpty { parts.append("−\(r.dropped.count) dropped") }
        if !r.changed.isEmpty { parts.append("\(r.changed.count) changed") }
        if r.unchanged > 0 { parts.append("\(r.unchanged) unchanged") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }

    /// "57 → 28 tasks: 12 paired (3 unchanged, 9 changed), 20 added, 40 removed, 1 split".
    static func summary(_ r: NoticeDiffReport) -> String {
        let s = r.summary
        var parts = ["\(s.paired) paired (\(s.unchanged) unchanged, \(s.changed) changed)",
                     "\(s.added) added", "\(s.removed) removed"]
        if s.splits > 0 { parts.append("\(s.splits) split" + (s.splits == 1 ? "" : "s")) }
        if s.merges > 0 { parts.append("\(s.merges) merge" + (s.merges == 1 ? "" : "s")) }
        if s.possible > 0 { parts.append("of those added and removed, \(s.possible) possibly continued") }
        return "\(r.old.tasks) → \(r.new.tasks) tasks: " + parts.joined(separator: ", ")
    }

    /// "lead 3, text 2" over the change labels in their fixed order.
    static func changeCounts(_ s: DiffSummary) -> String {
        ChangeKind.allCases.compactMap { k in s.changes[k.rawValue].map { "\(k.rawValue) \($0)" } }.joined(separator: ", ")
    }

    /// A warning when one notice names lead units and the other names none: the unit view then
    /// compares annotations with their absence, not work moving between units.
    static func unitNote(_ r: NoticeDiffReport) -> String? {
        for (doc, other) in [(r.new, r.old), (r.old, r.new)] where doc.tasks > 0 && doc.tasksWithUnits == 0 && other.tasksWithUnits > 0 {
            return "\(doc.file) names no unit as lead, support or responsible: lead changes cannot be judged, and the units are not compared"
        }
        return nil
    }

    /// Units with changes first by activity, then by name.
    static func orderedUnits(_ r: NoticeDiffReport) -> [(String, UnitChange)] {
        r.units.sorted { a, b in
            a.value.activity != b.value.activity ? a.value.activity > b.value.activity : a.key < b.key
        }
    }

    /// The roles a unit's line shows: lead and support always, responsible when it has any.
    static func roles(_ u: UnitChange) -> [(String, RoleChange?)] {
        var out: [(String, RoleChange?)] = [("as lead", u.lead), ("as support", u.support)]
        if let r = u.responsible { out.append(("as responsible", r)) }
        return out
    }
}
