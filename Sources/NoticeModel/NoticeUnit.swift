/// A department or body named in a notice.
public struct NoticeUnit: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// One named body: 安稳办, 医政科, 区卫生健康委.
        case department
        /// A group named as such: 委属各单位, 机关各科室, 委相关处室.
        case collective
    }

    /// Canonical name: the shortest full form written in the notice.
    public var name: String
    /// Other surface forms of the same unit in the notice (委安稳办, 委平安法治建设工作领导小组办公室).
    public var aliases: [String]
    public var kind: Kind

    public init(name: String, aliases: [String] = [], kind: Kind) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
    }
}
