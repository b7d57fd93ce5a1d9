/// A numbered part of a notice that holds tasks (三、重点任务 / （二）矛盾纠纷化解): its outline
/// path and its heading, so that a diff can say which part became which.
public struct NoticeSection: Codable, Sendable, Hashable {
    public var path: [String]
    /// The heading as written, without the numbering ("矛盾纠纷化解"); "" when the part has none.
    public var title: String

    public init(path: [String], title: String) {
        self.path = path
        self.title = title
    }
}
