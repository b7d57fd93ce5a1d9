/// The answer to `search` / `who`: `{"query", "total", "hits"}`, and `"widened"` (the thesaurus
/// expansions and words tried) when related tasks were added after the exact ones.
public struct SearchResult: Sendable, Equatable, Encodable {
    public var query: String
    /// Number of tasks whose text contains the query, plus the related tasks added (hits holds at
    /// most the limit).
    public var total: Int
    public var hits: [TaskHit]
    /// How the query was widened for the related tier; empty when it was not.
    public var widened: [String] = []
    /// Tasks that contain the query as written.
    public var exactTotal: Int = 0
    /// What a question asks for (lead, metrics, deadlines), nil for a plain topic.
    public var intent: SearchQuery.Intent?
    /// Corpus words the query may have meant (a typo 信仿 → 信访; an abbreviation 电诈 → 电信网络诈).
    public var suggestions: [String] = []
    /// Why nothing was found, when a filter or the query's script explains it.
    public var note: String?

    public init(query: String, total: Int, hits: [TaskHit], widened: [String] = [], exactTotal: Int? = nil) {
        self.query = query
        self.total = total
        self.hits = hits
        self.widened = widened
        self.exactTotal = exactTotal ?? total
    }

    enum CodingKeys: String, CodingKey { case query, total, hits, widened, note, intent, suggestions }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode(hits, forKey: .hits)
        if !widened.isEmpty { try c.encode(widened, forKey: .widened) }
        if let note { try c.encode(note, forKey: .note) }
        if let intent { try c.encode(intent.rawValue, forKey: .intent) }
        if !suggestions.isEmpty { try c.encode(suggestions, forKey: .suggestions) }
    }
}
