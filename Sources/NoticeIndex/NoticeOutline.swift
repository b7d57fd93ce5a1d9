import NoticeModel

/// `show DOC`: a notice's metadata and its tasks in outline order.
public struct NoticeOutline: Sendable, Equatable, Encodable {
    public struct Item: Sendable, Equatable, Encodable {
        public var id: String
        public var path: [String]
        public var title: String
        public var lead: [String]
        public var support: [String]
        public var responsible: [String]
        public var inferred: [String]
        public var line: Int
    }

    public var file: String
    public var issuer: String?
    public var number: String?
    public var date: String?
    public var title: String?
    public var year: Int?
    public var format: String
    public var tasks: [Item]
}
