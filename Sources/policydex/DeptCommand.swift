import ArgumentParser
import Foundation
import NoticeIndex

/// Every task of one unit, through its aliases and Traditional/Simplified forms.
struct DeptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dept", abstract: "List the tasks of a unit (lead, support, responsible or inferred).")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The unit: canonical name, alias, with or without the issuer's prefix.") var unit: String
    @Option(name: .long, help: "lead, support, responsible, inferred or any.") var role: String?
    @Option(name: .long, help: "Only notices of this work year.") var year: Int?
    @Option(name: .long, parsing: .unconditional, help: "At most this many tasks (default: all).") var limit: Int?
    @Flag(name: .long, help: "Print JSON.") var json = false

    func validate() throws {
        if let limit, !(1...QueryOptions.maxLimit).contains(limit) {
            throw ValidationError("--limit must be between 1 and \(QueryOptions.maxLimit)")
        }
    }

    func run() throws {
        let result: DeptResult
        do {
            let r = try QueryOptions.role(role)
            result = try UnitDirectory(store: options.openStore()).tasks(
                of: unit, role: r, year: year, limit: limit, highlight: json ? ("<mark>", "</mark>") : Output.highlight)
        } catch {
            throw Output.fail(error)
        }
        if json {
            try Output.json(result)
        } else {
            let u = result.unit
            Output.line(Output.bold(u.name) + " (\(u.kind))" + (u.aliases.isEmpty ? "" : "  aliases: " + Output.list(u.aliases)))
            Output.line("lead \(u.lead) · support \(u.support) · responsible \(u.responsible) · inferred \(u.inferred)")
            Output.table(["role", "task", "path", "title"], result.hits.map {
                [$0.role ?? "", $0.id, Output.pathText($0.path), String($0.title.prefix(40))]
            })
        }
        if result.total == 0 {
            if !json { Terminal.note("no tasks for '\(unit)' with these filters") }
            throw ExitCode(1)
        }
    }
}
