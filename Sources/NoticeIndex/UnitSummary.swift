/// A unit of the index with its aliases and task counts per role (`depts`).
public struct UnitSummary: Sendable, Equatable, Encodable {
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var lead: Int
    public var support: Int
    public var responsible: Int
    public var inferred: Int
    /// Distinct tasks naming the unit in any role.
    public var tasks: Int
}
