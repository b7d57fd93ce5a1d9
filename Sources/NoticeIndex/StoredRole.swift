/// A unit's role in a task as `task_units` stores it (schema v12): a small integer, numbered in the
/// order a unit's tasks list them (a stated lead first, inferred last), so the smallest role of a
/// unit's task is its listing rank. SQLite stores 0 and 1 in no bytes at all: the role words took
/// 7 MB of the table and its index at 10,000 notices.
enum StoredRole: Int, CaseIterable {
    case lead, responsible, support, inferred

    /// The role's word, as `SearchFilters.Role` and the JSON say it.
    var name: String { "\(self)" }

    init?(_ role: SearchFilters.Role) {
        self.init(name: role.rawValue)
    }

    init?(name: String) {
        guard let role = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }

    /// The role word of a stored code (an unknown code, from a damaged file, reads as inferred).
    static func name(of code: Int) -> String {
        (StoredRole(rawValue: code) ?? .inferred).name
    }

    /// `role IN (…)` for SQL, of the roles that name a task's lead (a stated lead, or a list's first unit).
    static let leadingCodes = "(\(StoredRole.lead.rawValue), \(StoredRole.responsible.rawValue))"
}
