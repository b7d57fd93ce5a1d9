import ArgumentParser
import Foundation
import NoticeIndex

@main
struct Policydex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policydex",
        abstract: "Turn Chinese policy notices into a searchable task catalog.",
        version: "policydex 0.13 (index schema \(IndexStore.currentSchema))",
        subcommands: [IndexCommand.self, SearchCommand.self, WhoCommand.self, DeptCommand.self, DeptsCommand.self,
                      ShowCommand.self, ImportCommand.self, DiffCommand.self, ExportCommand.self, OutlineCommand.self,
                      ServeCommand.self])

    /// Usage errors exit with status 2 and one line on stderr (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            // Buffered output is written at the latest here: a full disk must not pass for success.
            guard Output.flush() else {
                Terminal.error("cannot write to standard output: " + Output.failure)
                Foundation.exit(2)
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                Terminal.error(message + (fileNamedLikeAnOption().map {
                    " ('\($0)' is read as an option; for a file of that name write ./\($0) or -- \($0))"
                } ?? " (see --help)"))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// An argument that looks like a file name but begins with '-' (show -x.txt), if any.
    static func fileNamedLikeAnOption() -> String? {
        CommandLine.arguments.dropFirst().first { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count > 2 && $0.contains(".") }
    }
}
