/// What one unit gains, loses, keeps and sees changed, as lead, as support and as responsible.
public struct UnitChange: Codable, Sendable, Hashable {
    public var lead: RoleChange?
    public var support: RoleChange?
    public var responsible: RoleChange?

    public init(lead: RoleChange? = nil, support: RoleChange? = nil, responsible: RoleChange? = nil) {
        self.lead = lead
        self.support = support
        self.responsible = responsible
    }

    /// True when some role gained, dropped or changed tasks.
    public var hasChanges: Bool {
        [lead, support, responsible].contains { $0?.hasChanges ?? false }
    }

    /// New + dropped + changed over all roles (for ordering the report).
    public var activity: Int {
        [lead, support, responsible].compactMap { $0 }.reduce(0) { $0 + $1.new.count + $1.dropped.count + $1.changed.count }
    }

    enum CodingKeys: String, CodingKey { case lead, support, responsible }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(lead, forKey: .lead)
        try c.encodeIfPresent(support, forKey: .support)
        try c.encodeIfPresent(responsible, forKey: .responsible)
    }
}
