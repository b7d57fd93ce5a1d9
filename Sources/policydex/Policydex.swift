import ArgumentParser

@main
struct Policydex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policydex",
        abstract: "Turn Chinese policy notices into a searchable task catalog.",
        subcommands: [IndexCommand.self, ExportCommand.self, OutlineCommand.self])
}
