/// A unit's role in a task as `task_units` stores it (schema v12): a small integer, numbered in the
/// order a unit's tasks list them (a stated lead first, inferred last), so the smallest role of a
/// unit's task is its listing rank. SQLite stores 0 and 1 in no bytes at all: the role words took
/// 7 MB of the table and its index at 10,000 notices.
enum StoredRole: Int, CaseIterable {
    case lead, responsible, support, inferred

    /// The role's word, as `SearchFilters.Role` and the JSON say it.
    var name: String { "\(self)" }

    /// The stored role of a filter; nil for `.any` (no filter).
    init?(_ role: SearchFilters.Role) {
        switch role {
        case .lead: self = .lead
        case .responsible: self = .responsible
        case .support: self = .support
        case .inferred: self = .inferred
        case .any: return nil
        }
    }

    /// The role of a stored code (an unknown code, from a damaged file, reads as inferred).
    init(code: Int) {
        self = StoredRole(rawValue: code) ?? .inferred
    }

    /// `role IN (…)` for SQL, of the roles that name a task's lead (a stated lead, or a list's first unit).
    static let leadingCodes = "(\(StoredRole.lead.rawValue), \(StoredRole.responsible.rawValue))"
}
