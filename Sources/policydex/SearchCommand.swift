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
    // "-维稳" is an exclusion, not an option: unknown dashed words belong to the query.
    @Argument(parsing: .allUnrecognized, help: "The query (several words are ANDed).") var words: [String]

    func run() throws {
        let text = words.joined(separator: " ")
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
}
