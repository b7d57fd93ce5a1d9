/// `show TASK-ID`: the task record plus its source lines.
public struct TaskDetail: Sendable, Equatable, Encodable {
    public struct SourceLine: Sendable, Equatable, Encodable {
        public var line: Int
        public var text: String
    }

    public var task: TaskHit
    public var title: String
    public var text: String
    public var noticeTitle: String?
    public var source: [SourceLine]

    enum CodingKeys: String, CodingKey {
        case task, title, text, noticeTitle = "notice_title", source
    }
}
