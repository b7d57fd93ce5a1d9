/// The year-over-year diff of two notices (`policydex diff --json`): paired tasks with their
/// changes, added and removed tasks, splits and merges, and the per-unit view.
public struct NoticeDiffReport: Codable, Sendable, Hashable {
    public var old: DiffDocument
    public var new: DiffDocument
    /// Changed pairs (every pair when the diff was asked for all), in the new notice's order.
    public var pairs: [TaskPair]
    /// New-notice tasks with no counterpart.
    public var added: [TaskRef]
    /// Old-notice tasks with no counterpart.
    public var removed: [TaskRef]
    /// Removed and added tasks that may be one obligation reworded (below the threshold, above
    /// the possible threshold); they are still listed in `removed` and `added`.
    public var possible: [PossiblePair]
    /// One old task → several new ones.
    public var splits: [TaskRegroup]
    /// Several old tasks → one new one.
    public var merges: [TaskRegroup]
    /// Parts renumbered, retitled or spread over several parts.
    public var sections: [SectionChange] = []
    /// The five lines a section chief reads first (`DiffHeadline`).
    public var headline: [String] = []
    /// By canonical unit name; units with changes only (all units when every pair is listed).
    public var units: [String: UnitChange]
    public var summary: DiffSummary
    /// The similarity below which tasks were not paired.
    public var threshold: Double

    public init(old: DiffDocument, new: DiffDocument, pairs: [TaskPair], added: [TaskRef], removed: [TaskRef], possible: [PossiblePair] = [],
                splits: [TaskRegroup], merges: [TaskRegroup], units: [String: UnitChange], summary: DiffSummary,
                threshold: Double) {
        self.old = old
        self.new = new
        self.pairs = pairs
        self.added = added
        self.removed = removed
        self.possible = possible
        self.splits = splits
        self.merges = merges
        self.units = units
        self.summary = summary
        self.threshold = threshold
    }
}
