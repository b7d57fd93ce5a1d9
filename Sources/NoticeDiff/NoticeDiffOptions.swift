/// Settings of a diff.
public struct NoticeDiffOptions: Sendable, Hashable {
    /// Tasks less similar than this are not paired (they are added / removed).
    public var threshold: Double
    /// List unchanged pairs too (otherwise they are only counted).
    public var includeUnchanged: Bool

    public static let defaultThreshold = 0.3

    public init(threshold: Double = NoticeDiffOptions.defaultThreshold, includeUnchanged: Bool = false) {
        self.threshold = threshold
        self.includeUnchanged = includeUnchanged
    }
}
