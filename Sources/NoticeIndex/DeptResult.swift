/// The tasks of one unit (`dept`): the unit, then hits carrying the unit's role.
public struct DeptResult: Sendable, Equatable, Encodable {
    public var query: String
    public var unit: UnitSummary
    public var total: Int
    public var hits: [TaskHit]
}
