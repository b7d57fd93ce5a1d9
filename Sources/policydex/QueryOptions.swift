import ArgumentParser
import Foundation
import NoticeIndex
import NoticeVocabulary

/// Filters shared by `search` and `who`.
struct QueryOptions: ParsableArguments {
    @Option(name: .long, help: "Only tasks of this unit (name, alias, Traditional or Simplified).") var dept: String?
    @Option(name: .long, help: "With --dept: lead, support, responsible, inferred or any.") var role: String?
    @Option(name: .long, help: "Only notices of this work year.") var year: Int?
    @Option(name: .long, help: "Only this notice (file name or stem).") var doc: String?
    @Option(name: .long, parsing: .unconditional, help: "At most this many results (search: 10, who: 5).") var limit: Int?
    @Flag(name: .long, help: "Print JSON.") var json = false
    @Flag(name: .long, help: "Only tasks whose text contains the query (no related tasks).") var exact = false
    @Flag(name: .long, help: "Print what the query was widened to before the results.") var explain = false
    @Flag(name: .customLong("all-years"), help: "List every edition's tasks flat (no 'earlier' ordering).") var allYears = false

    func filters(defaultLimit: Int, highlight: (open: String, close: String)) throws -> SearchFilters {
        var f = SearchFilters(dept: dept, role: try Self.role(role), year: year, doc: doc, limit: limit ?? defaultLimit,
                              highlight: highlight)
        f.exactOnly = exact
        f.allYears = allYears
        return f
    }

    /// Runs `words` as one query over the index with these filters; a user error becomes one
    /// line on stderr and exit status 2.
    func search(_ words: [String], in corpus: CorpusOptions, defaultLimit: Int) throws -> SearchResult {
        try Self.rejectMisspelledOptions(words)
        do {
            let filters = try filters(defaultLimit: defaultLimit, highlight: json ? ("<mark>", "</mark>") : Output.highlight)
            let result = try Search(store: corpus.openStore(), loadingThesaurus: corpus.thesaurusLoader()).run(words.joined(separator: " "), filters: filters)
            if explain && !json {
                Terminal.note(result.widened.isEmpty ? "not widened: the exact tier filled the limit or the query has nothing to widen"
                                                     : "widened to: " + result.widened.joined(separator: "、"))
            }
            return result
        } catch {
            throw Output.fail(error)
        }
    }

    /// "-维稳" excludes a word, but "--limt" is a misspelled option, not query text.
    static func rejectMisspelledOptions(_ words: [String]) throws {
        if let typo = words.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isASCII == true }) {
            throw Output.fail(UserError("unknown option '\(typo)' (see --help)"))
        }
    }

    static let maxLimit = 10_000

    static func role(_ text: String?) throws -> SearchFilters.Role? {
        guard let text else { return nil }
        guard let r = SearchFilters.Role(rawValue: text.lowercased()) else {
            throw UserError("--role: unknown role '\(text)' (use lead, support, responsible, inferred or any)")
        }
        return r
    }

    func validate() throws {
        if let limit, !(1...Self.maxLimit).contains(limit) { throw ValidationError("--limit must be between 1 and \(Self.maxLimit)") }
        // A role is a unit's role: without a unit it would silently mean nothing.
        if role != nil, dept == nil { throw ValidationError("--role needs --dept (the unit whose role it is)") }
    }
}
