import NoticeModel

/// Collects, unit by unit and role by role, the tasks a unit gains, loses, keeps changed and
/// keeps unchanged.
struct UnitTally {
    enum Role: CaseIterable { case lead, support, responsible }

    let units: UnitNames
    private var changes: [String: [Role: RoleChange]] = [:]

    init(units: UnitNames) {
        self.units = units
    }

    private func names(_ t: NoticeTask, _ role: Role) -> Set<String> {
        switch role {
        case .lead: return Set(units.canonical(t.lead))
        case .support: return Set(units.canonical(t.support))
        case .responsible: return Set(units.canonical(t.responsible))
        }
    }

    private mutating func update(_ unit: String, _ role: Role, _ body: (inout RoleChange) -> Void) {
        body(&changes[unit, default: [:]][role, default: RoleChange()])
    }

    mutating func pair(_ a: NoticeTask, _ b: NoticeTask, changed: Bool) {
        for role in Role.allCases {
            let x = names(a, role), y = names(b, role)
            for u in y.subtracting(x) { update(u, role) { $0.new.append(b.id) } }
            for u in x.subtracting(y) { update(u, role) { $0.dropped.append(a.id) } }
            for u in x.intersection(y) {
                update(u, role) { if changed { $0.changed.append(b.id) } else { $0.unchanged += 1 } }
            }
        }
    }

    mutating func added(_ b: NoticeTask) {
        for role in Role.allCases { for u in names(b, role) { update(u, role) { $0.new.append(b.id) } } }
    }

    mutating func removed(_ a: NoticeTask) {
        for role in Role.allCases { for u in names(a, role) { update(u, role) { $0.dropped.append(a.id) } } }
    }

    /// A split or merge: a unit in the role on both sides keeps it (changed, listed under the new
    /// tasks); one only on the new side gains it, one only on the old side loses it.
    mutating func regroup(old: [NoticeTask], new: [NoticeTask]) {
        for role in Role.allCases {
            let x = old.reduce(into: Set<String>()) { $0.formUnion(names($1, role)) }
            for b in new {
                for u in names(b, role) {
                    update(u, role) { if x.contains(u) { $0.changed.append(b.id) } else { $0.new.append(b.id) } }
                }
            }
            let y = new.reduce(into: Set<String>()) { $0.formUnion(names($1, role)) }
            for a in old { for u in names(a, role) where !y.contains(u) { update(u, role) { $0.dropped.append(a.id) } } }
        }
    }

    func result(includeUnchanged: Bool) -> [String: UnitChange] {
        var out: [String: UnitChange] = [:]
        for (unit, roles) in changes {
            let c = UnitChange(lead: roles[.lead], support: roles[.support], responsible: roles[.responsible])
            if includeUnchanged || c.hasChanges { out[unit] = c }
        }
        return out
    }
}
