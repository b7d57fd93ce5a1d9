/// The answer to `search` / `who`: `{"query", "total", "hits"}`.
public struct SearchResult: Sendable, Equatable, Encodable {
    public var query: String
    /// Number of matching tasks (hits holds at most the limit).
    public var total: Int
    public var hits: [TaskHit]
}
