import ArgumentParser
import Foundation
import NoticeIndex

/// Full-text search over task texts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find tasks by words: \"exact phrase\", OR, -exclude; Chinese text matches as a substring.")

    @OptionGroup var options: CorpusOptions
    @OptionGroup var query: QueryOptions
    @Flag(name: .long, help: "Answer with notices: every word anywhere in a notice (its tasks, title, preamble, headings).") var notices = false
    // "-维稳" is an exclusion, not an option: unknown dashed words belong to the query.
    @Argument(parsing: .allUnrecognized, help: "The query (several words are ANDed).") var words: [String]

    func run() throws {
        let text = words.joined(separator: " ")
        if notices { return try runNotices(text) }
        let result = try query.search(words, in: options, defaultLimit: 10)
        if !query.json, !result.suggestions.isEmpty {
            Terminal.note("'\(text)' is in no task; did you mean: " + result.suggestions.joined(separator: "、") + "?")
        }
        if query.json {
            try Output.json(result)
        } else if result.total > 0 {
            for (i, h) in result.hits.enumerated() {
                Output.line("\(i + 1). " + Output.bold(h.id) + "  " + Output.pathText(h.path)
                            + Output.dim("  \(h.doc):\(h.line)  score \(String(format: "%.2f", h.score))") + Output.tierMark(h))
                Output.line("   " + h.snippet)
                if let notice = Output.noticeLine(h) { Output.line(Output.dim("   " + notice)) }
                Output.line("   牵头" + (h.leadListedFirst ? Output.dim(" (listed first)") : "") + ": "
                            + (h.lead.isEmpty ? Output.dim("(none stated)") : Output.list(h.lead)))
            }
            Output.line(Output.dim(Output.summary(result)))
        }
        if result.total == 0 {
            if !query.json { Terminal.note(result.note ?? "no tasks match '\(text)'") }
            throw ExitCode(1)
        }
    }

    /// `--notices`: notices holding every word anywhere, with how many of their tasks hold one.
    private func runNotices(_ text: String) throws {
        try QueryOptions.rejectMisspelledOptions(words)
        let result: NoticeSearchResult
        do {
            result = try Search(store: options.openStore()).notices(text, limit: query.limit ?? 20,
                                                                    highlight: query.json ? ("<mark>", "</mark>") : Output.highlight)
        } catch {
            throw Output.fail(error)
        }
        if query.json {
            try Output.json(result)
        } else {
            for (i, n) in result.notices.enumerated() {
                Output.line("\(i + 1). " + Output.bold(n.file) + "  " + [n.year.map(String.init), n.title].compactMap { $0 }.joined(separator: " · ")
                            + Output.dim("  · \(n.tasks) " + (n.tasks == 1 ? "task holds" : "tasks hold") + " a word"))
                if !n.snippet.isEmpty { Output.line("   " + n.snippet) }
            }
            if result.total > 0 { Output.line(Output.dim("\(result.notices.count) of \(result.total) notices")) }
        }
        if result.total == 0 {
            if !query.json { Terminal.note("no notice holds every word of '\(text)'") }
            throw ExitCode(1)
        }
    }
}
