/// One notice's catalog entry: its metadata, units and tasks. This is one element of the export's
/// "documents" array (../shared/DESIGN.md §4).
public struct Notice: Codable, Sendable, Hashable {
    /// Path relative to the corpus folder.
    public var file: String
    /// 发文机关, as written.
    public var issuer: String?
    /// 发文字号, whitespace removed.
    public var number: String?
    /// 成文日期, ISO day.
    public var date: String?
    /// Title of the body document (not of the cover 通知).
    public var title: String?
    /// The year the obligations apply to.
    public var year: Int?
    /// 主送 recipients of the cover letter.
    public var recipients: [String]
    /// What the text was decoded from: "utf-8", "gb18030", "docx", "html", "pdf", ...
    public var format: String
    public var units: [NoticeUnit]
    public var tasks: [NoticeTask]

    public init(file: String, issuer: String? = nil, number: String? = nil, date: String? = nil,
                title: String? = nil, year: Int? = nil, recipients: [String] = [], format: String = "utf-8",
                units: [NoticeUnit] = [], tasks: [NoticeTask] = []) {
        self.file = file
        self.issuer = issuer
        self.number = number
        self.date = date
        self.title = title
        self.year = year
        self.recipients = recipients
        self.format = format
        self.units = units
        self.tasks = tasks
    }

    enum CodingKeys: String, CodingKey {
        case file, issuer, number, date, title, year, recipients, format, units, tasks
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(year, forKey: .year)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(format, forKey: .format)
        try c.encode(units, forKey: .units)
        try c.encode(tasks, forKey: .tasks)
    }
}
