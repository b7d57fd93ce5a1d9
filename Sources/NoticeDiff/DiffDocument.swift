import NoticeModel

/// The metadata of one side of a diff (the notice, without its tasks).
public struct DiffDocument: Codable, Sendable, Hashable {
    public var file: String
    public var issuer: String?
    public var number: String?
    public var date: String?
    public var title: String?
    public var year: Int?
    public var format: String
    /// How many tasks the notice has.
    public var tasks: Int
    /// How many of them name a lead (or responsible) unit explicitly.
    public var tasksWithLead: Int
    /// How many tasks name any unit as lead, support or responsible (0: roles cannot be compared).
    public var tasksWithUnits: Int

    public init(_ notice: Notice) {
        file = notice.file
        issuer = notice.issuer
        number = notice.number
        date = notice.date
        title = notice.title
        year = notice.year
        format = notice.format
        tasks = notice.tasks.count
        tasksWithLead = notice.tasks.filter { !$0.lead.isEmpty || !$0.responsible.isEmpty }.count
        tasksWithUnits = notice.tasks.filter { !$0.lead.isEmpty || !$0.support.isEmpty || !$0.responsible.isEmpty }.count
    }

    enum CodingKeys: String, CodingKey {
        case file, issuer, number, date, title, year, format, tasks
        case tasksWithLead = "tasks_with_lead"
        case tasksWithUnits = "tasks_with_units"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        format = try c.decode(String.self, forKey: .format)
        tasks = try c.decode(Int.self, forKey: .tasks)
        tasksWithLead = try c.decodeIfPresent(Int.self, forKey: .tasksWithLead) ?? 0
        tasksWithUnits = try c.decodeIfPresent(Int.self, forKey: .tasksWithUnits) ?? tasksWithLead
    }

    // Explicit nulls, like the export contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(year, forKey: .year)
        try c.encode(format, forKey: .format)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(tasksWithLead, forKey: .tasksWithLead)
        try c.encode(tasksWithUnits, forKey: .tasksWithUnits)
    }
}
