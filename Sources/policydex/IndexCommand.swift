import ArgumentParser
import Foundation
import NoticeIndex

/// Indexes the corpus into index/policydex.sqlite: incremental, one transaction.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index the corpus into index/policydex.sqlite (incremental: unchanged files are skipped).")

    @OptionGroup var options: CorpusOptions
    @Flag(name: .long, help: "Re-extract every file, changed or not.") var rebuild = false
    @Flag(name: .customLong("progress-lines"), help: .hidden) var progressLines = false

    func run() throws {
        let report: IndexReport
        do {
            let store = try IndexStore(path: options.databasePath, create: true)
            let lines = progressLines
            report = try Indexer.index(corpus: options.corpus, into: store, rebuild: rebuild) { done, total, file in
                if lines {
                    Terminal.note("indexing \(done)/\(total) \(file)")
                } else {
                    Terminal.progress(done, total, file)
                }
            }
        } catch {
            throw Output.fail(error)
        }
        Output.line(IndexSummary.line(report))
        for s in report.skipped { Output.line("  skipped \(s.reason)") }
    }
}
