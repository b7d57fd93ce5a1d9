/// Who does a task, as the notice states it.
struct Responsibility: Equatable {
    var lead: [String] = []
    var support: [String] = []
    var responsible: [String] = []

    var isEmpty: Bool { lead.isEmpty && support.isEmpty && responsible.isEmpty }
    var allNames: [String] { lead + support + responsible }

    /// "责任单位：A、B、C" with no lead named: all responsible, the first leads, the rest support.
    static func listed(_ names: [String]) -> Responsibility {
        guard let first = names.first else { return Responsibility() }
        return Responsibility(lead: [first], support: Array(names.dropFirst()), responsible: names)
    }

    /// The one place roles from labels and columns combine (SCHEMA.md, "Departments"):
    /// - a lead named (牵头单位, 医政科（牵头）): lead; 配合 and 责任 units both support; responsible empty;
    /// - else 责任 units: listed (the first leads, all responsible), 配合 units support too;
    /// - else only 配合 units: support.
    static func combine(lead: [String], support: [String], responsible: [String]) -> Responsibility? {
        var leads = lead, supports = support, responsibles = responsible
        // "责任部门：医政科（牵头）、法规科": the marked name leads.
        for name in responsibles + supports {
            if let marked = UnitNames.markedLead(name) { leads.append(marked) }
        }
        if !leads.isEmpty {
            responsibles = responsibles.filter { UnitNames.markedLead($0) == nil }
            supports = supports.filter { UnitNames.markedLead($0) == nil }
            leads = leads.map { UnitNames.markedLead($0) ?? $0 }
            return Responsibility(lead: dedupe(leads), support: dedupe(supports + responsibles), responsible: [])
        }
        if !responsibles.isEmpty {
            var r = Responsibility.listed(dedupe(responsibles))
            r.support = dedupe(r.support + supports)
            return r
        }
        if !supports.isEmpty { return Responsibility(support: dedupe(supports)) }
        return nil
    }

    static func dedupe(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
