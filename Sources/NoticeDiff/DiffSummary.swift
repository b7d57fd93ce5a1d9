/// The counts of a diff: what a reader sees first.
public struct DiffSummary: Codable, Sendable, Hashable {
    /// Paired tasks (changed and unchanged).
    public var paired: Int = 0
    public var unchanged: Int = 0
    public var changed: Int = 0
    public var added: Int = 0
    public var removed: Int = 0
    public var splits: Int = 0
    public var merges: Int = 0
    /// Possibly continued pairs among the added and removed (see `NoticeDiffReport.possible`).
    public var possible: Int = 0
    /// Changed pairs by label.
    public var changes: [String: Int] = [:]

    public init() {}

    /// True when the notices' tasks are the same.
    public var isEmpty: Bool { changed == 0 && added == 0 && removed == 0 && splits == 0 && merges == 0 }
}
