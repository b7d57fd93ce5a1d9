/// One task of the old notice matched with one of the new notice, and what changed between them.
public struct TaskPair: Codable, Sendable, Hashable {
    public var old: TaskRef
    public var new: TaskRef
    /// Combined similarity in [0, 1] (text, title and unit evidence; see `TaskSimilarity`).
    public var similarity: Double
    /// Sorted change labels; empty for an unchanged pair.
    public var changes: [ChangeKind]
    public var details: PairDetails
    /// Set when the pair is one part of a split (one old task continued as several new ones) or a
    /// merge (several old ones continued as one); the group is also in the report's `splits` / `merges`.
    public var partOf: Regroup?

    public enum Regroup: String, Codable, Sendable, Hashable {
        case split, merge
    }

    public init(old: TaskRef, new: TaskRef, similarity: Double, changes: [ChangeKind], details: PairDetails, partOf: Regroup? = nil) {
        self.old = old
        self.new = new
        self.similarity = similarity
        self.changes = changes
        self.details = details
        self.partOf = partOf
    }

    enum CodingKeys: String, CodingKey { case old, new, similarity, changes, details, partOf = "part_of" }

    /// A similarity as the JSON reports it: three decimals.
    static func reported(_ similarity: Double) -> Double { (similarity * 1000).rounded() / 1000 }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        try c.encode(Self.reported(similarity), forKey: .similarity)
        try c.encode(changes, forKey: .changes)
        try c.encode(details, forKey: .details)
        try c.encodeIfPresent(partOf, forKey: .partOf)
    }
}

/// An old and a new task that may be one obligation reworded: less similar than a continued
/// pair, listed apart with the terms they share so a reader can judge.
public struct PossiblePair: Codable, Sendable, Hashable {
    public var old: TaskRef
    public var new: TaskRef
    public var similarity: Double
    /// The heaviest shared terms (topics and words first).
    public var shared: [String]

    public init(old: TaskRef, new: TaskRef, similarity: Double, shared: [String]) {
        self.old = old
        self.new = new
        self.similarity = similarity
        self.shared = shared
    }

    enum CodingKeys: String, CodingKey { case old, new, similarity, shared }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(old, forKey: .old)
        try c.encode(new, forKey: .new)
        try c.encode(TaskPair.reported(similarity), forKey: .similarity)
        try c.encode(shared, forKey: .shared)
    }
}
