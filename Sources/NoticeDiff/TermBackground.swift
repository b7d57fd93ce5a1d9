/// How many tasks of the whole index hold each term (the index's own FTS5 vocabulary): the
/// weights of a diff's words come from every indexed notice, not just the two compared, so words
/// every notice of the genre uses (加强, 落实, 工作) weigh little even when the two notices are short.
public struct TermBackground: Sendable, Hashable {
    /// Tasks in the index.
    public var documents: Int
    /// Tasks holding each term (only the terms asked for).
    public var frequencies: [String: Int]

    public init(documents: Int, frequencies: [String: Int]) {
        self.documents = documents
        self.frequencies = frequencies
    }
}
