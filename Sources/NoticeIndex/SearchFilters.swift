/// Filters shared by `search`, `who` and `dept`.
public struct SearchFilters: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case lead, support, responsible, inferred, any
    }

    public var dept: String?
    public var role: Role?
    public var year: Int?
    /// A notice: file name, relative path or file stem.
    public var doc: String?
    public var limit: Int
    /// Markers around matches in snippets.
    public var highlight: (open: String, close: String)
    /// Only tasks whose text contains the query (no related tier).
    public var exactOnly = false
    /// List every edition's tasks flat (no "earlier" ordering).
    public var allYears = false

    public init(dept: String? = nil, role: Role? = nil, year: Int? = nil, doc: String? = nil, limit: Int = 10,
                highlight: (open: String, close: String) = ("<mark>", "</mark>")) {
        self.dept = dept
        self.role = role
        self.year = year
        self.doc = doc
        self.limit = limit
        self.highlight = highlight
    }

    public static func == (a: SearchFilters, b: SearchFilters) -> Bool {
        a.dept == b.dept && a.role == b.role && a.year == b.year && a.doc == b.doc && a.limit == b.limit
            && a.highlight.open == b.highlight.open && a.highlight.close == b.highlight.close && a.exactOnly == b.exactOnly && a.allYears == b.allYears
    }
}
