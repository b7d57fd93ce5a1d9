import ArgumentParser
import Foundation
import NoticeIndex

/// Every unit with kind, aliases and task counts per role.
struct DeptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depts", abstract: "List every unit with its aliases and task counts per role.")

    @OptionGroup var options: CorpusOptions
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() throws {
        let units: [UnitSummary]
        do {
            units = try UnitDirectory(store: options.openStore()).all()
        } catch {
            throw Output.fail(error)
        }
        if json {
            try Output.json(units)
        } else {
            Output.table(["unit", "kind", "lead", "support", "responsible", "inferred", "aliases"], units.map {
                [$0.name, $0.kind, "\($0.lead)", "\($0.support)", "\($0.responsible)", "\($0.inferred)", Output.list($0.aliases)]
            })
        }
        if units.isEmpty { throw ExitCode(1) }
    }
}
