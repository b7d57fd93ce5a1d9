import ArgumentParser
import NoticeIndex

/// Filters shared by `search` and `who`.
struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: "Only tasks of this unit (name, alias, Traditional or Simplified).") var dept: String?
    @Option(name: .long, help: "With --dept: lead, support, responsible, inferred or any.") var role: String?
    @Option(name: .long, help: "Only notices of this work year.") var year: Int?
    @Option(name: .long, help: "Only this notice (file name or stem).") var doc: String?
    @Option(name: .long, help: "At most this many results.") var limit: Int?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func filters(defaultLimit: Int, highlight: (open: String, close: String)) throws -> SearchFilters {
        SearchFilters(dept: dept, role: try Self.role(role), year: year, doc: doc, limit: limit ?? defaultLimit,
                      highlight: highlight)
    }

    /// Runs `words` as one query over the index with these filters; a user error becomes one
    /// line on stderr and exit status 2.
    func search(_ words: [String], in corpus: CorpusOptions, defaultLimit: Int) throws -> SearchResult {
        do {
            let filters = try filters(defaultLimit: defaultLimit, highlight: json ? ("<mark>", "</mark>") : Output.highlight)
            return try Search(store: corpus.openStore()).run(words.joined(separator: " "), filters: filters)
        } catch {
            throw Output.fail(error)
        }
    }

    static func role(_ text: String?) throws -> SearchFilters.Role? {
        guard let text else { return nil }
        guard let r = SearchFilters.Role(rawValue: text.lowercased()) else {
            throw UserError("--role: unknown role '\(text)' (use lead, support, responsible, inferred or any)")
        }
        return r
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        // A role is a unit's role: without a unit it would silently mean nothing.
        if role != nil, dept == nil { throw ValidationError("--role needs --dept (the unit whose role it is)") }
    }
}
