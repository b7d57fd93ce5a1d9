/// Where one part of the old notice went: the new part that continues it (by the votes of its
/// paired tasks) and the other parts some of its tasks moved to. Only parts that were renumbered,
/// retitled or spread over several parts are reported.
public struct SectionChange: Codable, Sendable, Hashable {
    public var old: [String]
    public var oldTitle: String
    /// The new part continuing it; nil when its tasks were only dropped or spread thin.
    public var new: [String]?
    public var newTitle: String?
    /// How many of its paired tasks went to `new`.
    public var tasks: Int
    /// Other new parts that took some of its tasks.
    public var alsoTo: [[String]]

    public init(old: [String], oldTitle: String, new: [String]?, newTitle: String?, tasks: Int, alsoTo: [[String]]) {
        self.old = old
        self.oldTitle = oldTitle
        self.new = new
        self.newTitle = newTitle
        self.tasks = tasks
        self.alsoTo = alsoTo
    }

    enum CodingKeys: String, CodingKey {
        case old, new, tasks
        case oldTitle = "old_title"
        case newTitle = "new_title"
        case alsoTo = "also_to"
    }
}
