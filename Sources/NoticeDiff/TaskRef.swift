import NoticeModel

/// Points at one task of a diffed notice: its outline path, id and title.
public struct TaskRef: Codable, Sendable, Hashable {
    public var path: [String]
    public var id: String
    public var title: String

    public init(path: [String], id: String, title: String) {
        self.path = path
        self.id = id
        self.title = title
    }

    public init(_ task: NoticeTask) {
        self.init(path: task.path, id: task.id, title: task.title)
    }
}
