import NoticeModel

/// One task in a query result: the JSON object of `search`, `who` and `dept` hits.
public struct TaskHit: Sendable, Equatable, Encodable {
    public var id: String
    /// The notice's file (relative to the corpus).
    public var doc: String
    public var path: [String]
    /// Higher is better (negated BM25); 0 when the query could not use the full-text index.
    public var score: Double
    /// The task text around the first match, matches between the highlight markers.
    public var snippet: String
    public var lead: [String]
    public var support: [String]
    public var responsible: [String]
    public var inferred: [String]
    public var deadlines: [Deadline]
    public var metrics: [Metric]
    public var line: Int
    /// The unit's role in this task (`dept` results only).
    public var role: String?
    /// Search tier: "exact" (the text contains the query), "expanded" (it contains a thesaurus
    /// expansion of it), "related" (it shares some of the query's words); nil for `dept`.
    public var match: String?
    /// The expansions this task matched through (tier "expanded").
    public var expanded: [String]?
    /// Not encoded: for the terminal table.
    public var title: String
    public var text: String
    public var noticeTitle: String?
    /// The notice's work year.
    public var year: Int?
    /// True when a newer edition of the same series is in the index.
    public var earlier = false

    /// The lead is the first unit of a list that names no lead (责任单位：A、B), not a stated 牵头.
    public var leadListedFirst: Bool { !responsible.isEmpty && lead == [responsible[0]] }

    enum CodingKeys: String, CodingKey {
        case id, doc, path, title, score, snippet, lead, support, responsible, inferred, deadlines, metrics, line, role, match, expanded
        case year, noticeTitle = "notice_title", leadListedFirst = "lead_listed_first", edition
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(doc, forKey: .doc)
        try c.encode(path, forKey: .path)
        try c.encode(title, forKey: .title)
        try c.encode((score * 1000).rounded() / 1000, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(lead, forKey: .lead)
        try c.encode(support, forKey: .support)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(inferred, forKey: .inferred)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(line, forKey: .line)
        if let role { try c.encode(role, forKey: .role) }
        if let match { try c.encode(match, forKey: .match) }
        // Every answer says which notice (year and title) it comes from.
        try c.encode(year, forKey: .year)
        try c.encode(noticeTitle, forKey: .noticeTitle)
        if match != nil {
            // The lead of a 责任单位 list or an unlabelled list is its first unit, not a stated 牵头.
            if leadListedFirst { try c.encode(true, forKey: .leadListedFirst) }
            if earlier { try c.encode("earlier", forKey: .edition) }
        }
        if let expanded, !expanded.isEmpty { try c.encode(expanded, forKey: .expanded) }
    }
}
