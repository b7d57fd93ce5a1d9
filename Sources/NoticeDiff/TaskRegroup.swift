/// A split (one old task → several new ones) or a merge (several old tasks → one new one).
public struct TaskRegroup: Codable, Sendable, Hashable {
    public var old: [TaskRef]
    public var new: [TaskRef]
    /// Cosine of the single side's text with the joined text of the other side.
    public var similarity: Double

    public init(old: [TaskRef], new: [TaskRef], similarity: Double) {
        self.old = old
        self.new = new
        self.similarity = similarity
    }

    enum CodingKeys: String, CodingKey { case old, new, similarity }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        try c.encode((similarity * 1000).rounded() / 1000, forKey: .similarity)
    }
}
