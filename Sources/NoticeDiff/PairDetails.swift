import NoticeModel

/// The old → new values behind each change label of a pair; only the changed fields are set.
public struct PairDetails: Codable, Sendable, Hashable {
    public var lead: ValueChange<[String]>?
    public var support: ValueChange<[String]>?
    public var responsible: ValueChange<[String]>?
    public var deadline: ValueChange<[Deadline]>?
    public var metric: ValueChange<[Metric]>?
    /// The word diff of the whole task texts (when the wording changed).
    public var text: TextDiff?
    /// The parent section paths (old → new).
    public var moved: SectionMove?

    public init() {}

    enum CodingKeys: String, CodingKey { case lead, support, responsible, deadline, metric, text, moved }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(lead, forKey: .lead)
        try c.encodeIfPresent(support, forKey: .support)
        try c.encodeIfPresent(responsible, forKey: .responsible)
        try c.encodeIfPresent(deadline, forKey: .deadline)
        try c.encodeIfPresent(metric, forKey: .metric)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(moved, forKey: .moved)
    }
}
