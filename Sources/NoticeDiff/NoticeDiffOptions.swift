/// Settings of a diff.
public struct NoticeDiffOptions: Sendable, Hashable {
    /// Tasks less similar than this are not paired as continued (they are added / removed, or
    /// possibly continued).
    public var threshold: Double
    /// A removed or added task's best match at least this similar is reported as possibly
    /// continued, with the terms they share.
    public var possibleThreshold: Double
    /// Tasks left over that are each other's best match of all are paired when at least this similar.
    public var mutualThreshold: Double
    /// A task left over whose best match is already paired joins that pair as a split or merge
    /// part when at least this similar.
    public var regroupThreshold: Double
    /// List unchanged pairs too (otherwise they are only counted).
    public var includeUnchanged: Bool

    public static let defaultThreshold = 0.2
    /// The lower thresholds as shares of `threshold`, so `--threshold` moves every tier together.
    static let possibleShare = 0.35, mutualShare = 0.6, regroupShare = 0.8

    public init(threshold: Double = NoticeDiffOptions.defaultThreshold, includeUnchanged: Bool = false) {
        self.threshold = threshold
        self.possibleThreshold = threshold * Self.possibleShare
        self.mutualThreshold = threshold * Self.mutualShare
        self.regroupThreshold = threshold * Self.regroupShare
        self.includeUnchanged = includeUnchanged
    }
}
