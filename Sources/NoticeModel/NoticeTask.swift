/// One obligation of a notice: a leaf numbered item (or a table row) with who does it, by when, to what number.
public struct NoticeTask: Codable, Sendable, Hashable {
    /// `<file stem>#<ordinal>`, stable for a given file content.
    public var id: String
    /// Outline numbers from the top, as written: ["三", "（一）", "1"]; attachment items start with "附件".
    public var path: [String]
    /// The item's heading: its text up to the first full stop, shortened.
    public var title: String
    /// The whole normalized text of the item, without line breaks.
    public var text: String
    /// A concrete work item (false for phases, general requirements and principles).
    public var core: Bool
    public var lead: [String]
    public var support: [String]
    public var responsible: [String]
    /// Units the prose names as doing the work, only when no explicit annotation exists.
    public var inferred: [String]
    public var deadlines: [Deadline]
    public var metrics: [Metric]
    public var source: SourceLocation

    public init(id: String, path: [String], title: String, text: String, core: Bool = true,
                lead: [String] = [], support: [String] = [], responsible: [String] = [], inferred: [String] = [],
                deadlines: [Deadline] = [], metrics: [Metric] = [], source: SourceLocation) {
        self.id = id
        self.path = path
        self.title = title
        self.text = text
        self.core = core
        self.lead = lead
        self.support = support
        self.responsible = responsible
        self.inferred = inferred
        self.deadlines = deadlines
        self.metrics = metrics
        self.source = source
    }

    /// Every unit named for the task, explicit roles first.
    public var allUnits: [String] {
        var seen = Set<String>()
        return (lead + support + responsible + inferred).filter { seen.insert($0).inserted }
    }
}

/// Where a task stands in its source file (1-based physical lines of the decoded text).
public struct SourceLocation: Codable, Sendable, Hashable {
    public var line: Int
    public var endLine: Int

    public init(line: Int, endLine: Int? = nil) {
        self.line = line
        self.endLine = endLine ?? line
    }

    enum CodingKeys: String, CodingKey {
        case line
        case endLine = "end_line"
    }
}
