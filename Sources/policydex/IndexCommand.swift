import ArgumentParser
import Foundation
import NoticeIndex
import NoticeService
import NoticeText

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
        // No corpus folder here: say so before anything (an index/ folder) is created.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.corpus, isDirectory: &isFolder), isFolder.boolValue else {
            throw Output.fail(UserError("\(options.corpus): no such folder here; put the notice files in corpus/ (or name the folder with --corpus)"))
        }
        do {
            let lock = try WriterLock(indexPath: options.databasePath) { Terminal.note("another index or import is running; waiting for it to finish") }
            defer { withExtendedLifetime(lock) {} }
            let lines = progressLines
            let progress = { (done: Int, total: Int, file: String) in
                if lines {
                    Terminal.note("indexing \(done)/\(total) \(file)")
                } else {
                    Terminal.progress(done, total, file)
                }
            }
            do {
                report = try Indexer.index(corpus: options.corpus, into: openForWriting(), rebuild: rebuild, progress: progress)
            } catch let e as IndexError where rebuild {
                // Damage found only once the run wrote (the file opened): --rebuild replaces it too.
                guard case .damagedIndex = e else { throw e }
                report = try Indexer.index(corpus: options.corpus, into: replaced(because: e), rebuild: true, progress: progress)
            }
        } catch {
            throw Output.fail(error)
        }
        if PatternProfile.enabled { Terminal.note(PatternProfile.report()) }
        Output.line(IndexSummary.line(report))
        for s in report.skipped { Output.line("  skipped \(s.reason)") }
        for w in report.warnings { Output.line("  warning: \(w)") }
    }

    /// The index to write; with --rebuild, a damaged or foreign file in its place is replaced
    /// (without it, such a file is reported and left alone).
    private func openForWriting() throws -> IndexStore {
        let path = options.databasePath
        do {
            return try IndexStore(path: path, create: true)
        } catch let e as IndexError where rebuild {
            switch e {
            case .unreadableIndex, .foreignDatabase, .newerSchema, .olderSchema:
                return try replaced(because: e)
            default:
                throw e
            }
        }
    }

    /// A new, empty index in place of the one `reason` says is unusable.
    private func replaced(because reason: IndexError) throws -> IndexStore {
        let path = options.databasePath
        Terminal.note("replacing \(path): \(reason)")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try IndexStore(path: path, create: true)
    }
}
