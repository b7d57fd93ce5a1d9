import ArgumentParser
import Foundation
import NoticeExtract
import NoticeModel

/// Prints the task catalog of every notice in the corpus.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the task catalog as JSON, JSON Lines or CSV (UTF-8 with BOM).")

    @OptionGroup var options: CorpusOptions
    @Option(name: .long, help: "json, jsonl or csv.") var format: String = "json"

    func run() throws {
        guard let fmt = CatalogWriter.Format(rawValue: format.lowercased()) else {
            Terminal.error("--format: unknown format '\(format)' (use json, jsonl or csv)")
            throw ExitCode(2)
        }
        let catalog: Catalog
        do {
            // The corpus is the source of truth: extract it afresh (the skipped files are reported on stderr).
            let result = try CorpusCatalog.build(corpus: options.corpus)
            for s in result.skipped { Terminal.note("skipped \(s.reason)") }
            catalog = result.catalog
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        Output.write(try CatalogWriter.write(catalog, as: fmt))
    }
}
