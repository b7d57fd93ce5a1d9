import ArgumentParser
import Foundation
import NoticeIndex
import NoticeModel

/// Who does what: the best-matching tasks with their responsibility, deadlines and metrics.
struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who", abstract: "Show who leads, supports and is responsible for the tasks matching a query.")

    @OptionGroup var options: CorpusOptions
    @OptionGroup var query: QueryOptions
    // "-维稳" is an exclusion, not an option: unknown dashed words belong to the query.
    @Argument(parsing: .allUnrecognized, help: "What the task is about.") var words: [String]

    func run() throws {
        let text = words.joined(separator: " ")
        let result = try query.search(words, in: options, defaultLimit: 5)
        if !query.json, !result.suggestions.isEmpty {
            Terminal.note("'\(text)' is in no task; did you mean: " + result.suggestions.joined(separator: "、") + "?")
        }
        if query.json {
            try Output.json(result)
        } else {
            for (i, h) in result.hits.enumerated() {
                Self.printHit(h, number: i + 1, intent: result.intent)
            }
            if result.total > 0 { Output.line(Output.dim(Output.summary(result))) }
        }
        if result.total == 0 {
            if !query.json { Terminal.note(result.note ?? "no tasks match '\(text)'") }
            throw ExitCode(1)
        }
    }

    static func printHit(_ h: TaskHit, number: Int?, intent: SearchQuery.Intent? = nil) {
        let head = (number.map { "\($0). " } ?? "") + Output.bold(h.title)
        Output.line(head + Output.dim("  \(h.id)  \(Output.pathText(h.path))") + Output.tierMark(h))
        if !h.snippet.isEmpty { Output.line("   " + h.snippet) }
        // What the question asks for comes first: 几次 → the targets, 何时 → the time limits.
        let metrics = h.metrics.isEmpty ? nil : "   指标: " + h.metrics.map(\.text).joined(separator: "; ")
        let deadlines = h.deadlines.isEmpty ? nil : "   时限: " + h.deadlines.map(deadlineText).joined(separator: "; ")
        if intent == .metrics, let metrics { Output.line(metrics) }
        if intent == .deadlines, let deadlines { Output.line(deadlines) }
        if h.lead.isEmpty && h.responsible.isEmpty {
            Output.line("   牵头: " + Output.dim("no explicit lead stated"))
        } else if !h.lead.isEmpty {
            // A 责任单位 list or an unlabelled list names no lead: its first unit is taken as one.
            Output.line("   牵头" + (h.leadListedFirst ? Output.dim(" (listed first)") : "") + ": " + Output.list(h.lead))
        }
        if !h.support.isEmpty { Output.line("   配合: " + Output.list(h.support)) }
        if !h.responsible.isEmpty { Output.line("   责任: " + Output.list(h.responsible)) }
        if !h.inferred.isEmpty { Output.line("   inferred (from the text, not stated as a role): " + Output.list(h.inferred)) }
        if intent != .deadlines, let deadlines { Output.line(deadlines) }
        if intent != .metrics, let metrics { Output.line(metrics) }
        Output.line(Output.dim("   source: \(h.doc):\(h.line)" + (Output.noticeLine(h).map { "  ·  " + $0 } ?? "")))
    }

    static func deadlineText(_ d: Deadline) -> String {
        var s = d.text
        if let end = d.end { s += " (→ \(d.start.map { "\($0)..." } ?? "")\(end))" }
        return s
    }
}
