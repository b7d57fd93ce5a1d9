/// Settings of a diff.
public struct NoticeDiffOptions: Sendable, Hashable {
    /// Tasks less similar than this are not paired as continued (they are added / removed, or
    /// possibly continued).
    public var threshold: Double
    /// Pairs at least this similar but below `threshold` are reported as possibly continued,
    /// with the terms they share; below it, tasks are added / removed.
    public var possibleThreshold: Double
    /// List unchanged pairs too (otherwise they are only counted).
    public var includeUnchanged: Bool

    public static let defaultThreshold = 0.2
    public static let defaultPossibleThreshold = 0.12

    public init(threshold: Double = NoticeDiffOptions.defaultThreshold,
                possibleThreshold: Double = NoticeDiffOptions.defaultPossibleThreshold,
                includeUnchanged: Bool = false) {
        self.threshold = threshold
        self.possibleThreshold = min(possibleThreshold, threshold)
        self.includeUnchanged = includeUnchanged
    }
}
