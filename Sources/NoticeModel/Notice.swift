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
    /// The numbered parts holding tasks, in document order (not in the export contract's
    /// required fields; used by the diff to report renumbered parts).
    public var sections: [NoticeSection]
    /// The notice's text outside its tasks: cover letter, title, preamble, goals, headings,
    /// organisation paragraphs, the lead sentence of an item with sub-items. Indexed so that
    /// everything in a notice can be found; not part of the export (it is the notice's own text).
    public var contextText: String = ""

    public init(file: String, issuer: String? = nil, number: String? = nil, date: String? = nil,
                title: String? = nil, year: Int? = nil, recipients: [String] = [], format: String = "utf-8",
                units: [NoticeUnit] = [], tasks: [NoticeTask] = [], sections: [NoticeSection] = []) {
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
        self.sections = sections
    }

    enum CodingKeys: String, CodingKey {
        case file, issuer, number, date, title, year, recipients, format, units, tasks, sections
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        recipients = try c.decodeIfPresent([String].self, forKey: .recipients) ?? []
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "utf-8"
        units = try c.decodeIfPresent([NoticeUnit].self, forKey: .units) ?? []
        tasks = try c.decode([NoticeTask].self, forKey: .tasks)
        sections = try c.decodeIfPresent([NoticeSection].self, forKey: .sections) ?? []
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
        try c.encode(sections, forKey: .sections)
    }
}
