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
}
