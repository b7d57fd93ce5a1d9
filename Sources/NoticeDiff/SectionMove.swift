/// Where a moved task was and is: its old and new parent sections, and the section of the new
/// notice that continues its old one (when the old section was renumbered, e.g. 二 → 三).
public struct SectionMove: Codable, Sendable, Hashable {
    public var old: [String]
    public var new: [String]
    /// The new notice's section matched to `old`; nil when no section continues it.
    public var oldSectionNow: [String]?

    public init(old: [String], new: [String], oldSectionNow: [String]?) {
        self.old = old
        self.new = new
        self.oldSectionNow = oldSectionNow
    }

    enum CodingKeys: String, CodingKey {
        case old, new
        case oldSectionNow = "old_section_now"
    }
}
