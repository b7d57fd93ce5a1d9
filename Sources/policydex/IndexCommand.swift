import ArgumentParser
import Foundation
import NoticeExtract
import NoticeModel

/// Extracts the catalog of every notice in the corpus and stores it under index/.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Extract every notice in the corpus into the index.")

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let result: CorpusCatalog
        do {
            result = try CorpusCatalog.build(corpus: options.corpus, progress: Terminal.progress)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        try CatalogStore.save(result.catalog, in: options.index)
        let docs = result.catalog.documents
        let tasks = docs.reduce(0) { $0 + $1.tasks.count }
        let units = Set(docs.flatMap { d in d.units.map(\.name) }).count
        let noLead = docs.reduce(0) { $0 + $1.tasks.filter { $0.lead.isEmpty }.count }
        print("indexed \(docs.count) notices: \(tasks) tasks, \(units) units, \(noLead) tasks without an explicit lead; skipped \(result.skipped.count) files")
        for s in result.skipped { print("  skipped \(s.reason)") }
    }
}
