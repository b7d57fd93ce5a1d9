/// What one `Indexer` run did.
public struct IndexReport: Sendable, Equatable {
    /// A corpus file that could not be indexed, with the one-line reason.
    public struct Skipped: Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    public var added: [String] = []
    public var updated: [String] = []
    public var removed: [String] = []
    public var unchanged: [String] = []
    public var skipped: [Skipped] = []
    /// Files indexed with something repaired (an invalid byte replaced), one line each.
    public var warnings: [String] = []
    /// Totals in the index after the run.
    public var notices = 0
    public var tasks = 0
    public var units = 0
    public var tasksWithoutLead = 0

    /// True when the run changed nothing in the index.
    public var isNoOp: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }
}
