import NoticeModel

/// Points at one task of a diffed notice: its outline path, id and title, and what a reader of an
/// added or removed task asks next: who leads it and by when.
public struct TaskRef: Codable, Sendable, Hashable {
    public var path: [String]
    public var id: String
    public var title: String
    public var lead: [String]
    /// Units named only as responsible (责任单位), when the task names no lead.
    public var responsible: [String]
    /// The deadlines as written.
    public var deadlines: [String]

    public init(path: [String], id: String, title: String, lead: [String] = [], responsible: [String] = [], deadlines: [String] = []) {
        self.path = path
        self.id = id
        self.title = title
        self.lead = lead
        self.responsible = responsible
        self.deadlines = deadlines
    }

    public init(_ task: NoticeTask) {
        self.init(path: task.path, id: task.id, title: task.title, lead: task.lead,
                  responsible: task.lead.isEmpty ? task.responsible : [], deadlines: task.deadlines.map(\.text))
    }

    enum CodingKeys: String, CodingKey { case path, id, title, lead, responsible, deadlines }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode([String].self, forKey: .path)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        lead = try c.decodeIfPresent([String].self, forKey: .lead) ?? []
        responsible = try c.decodeIfPresent([String].self, forKey: .responsible) ?? []
        deadlines = try c.decodeIfPresent([String].self, forKey: .deadlines) ?? []
    }
}
