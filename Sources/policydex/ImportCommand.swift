import ArgumentParser
import Foundation
import NoticeDiff
import NoticeIndex
import NoticeService
import NoticeModel

/// Adds notice files to the corpus and indexes them.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Copy notice files into the corpus (never overwriting a different file), index them and summarize.")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "Notice files to add.") var files: [String]
    @Option(name: .long, help: "Diff against this notice instead of the previous edition found in the index.") var against: String?

    func run() throws {
        let fm = FileManager.default
        var copied: [String] = []
        var failed = false
        for file in files {
            let name = (file as NSString).lastPathComponent
            // A hidden file would be copied and then never indexed.
            if name.hasPrefix(".") {
                Terminal.error("\(file): a hidden file name (starting with '.') is never indexed; rename it to import it")
                failed = true
                continue
            }
            guard let data = fm.contents(atPath: file) else {
                Terminal.error("\(file): no such file or not readable")
                failed = true
                continue
            }
            do {
                switch try NoticeImporter.add(name: name, data: data, corpus: options.corpus) {
                case .written: copied.append(name)
                case .identical: Output.line("\(name): already in the corpus (identical); nothing to import")
                }
            } catch {
                Terminal.error("\(file): \(error)")
                failed = true
            }
        }
        if !files.isEmpty {
            let report: IndexReport, rejected: [String: String], store: IndexStore
            do {
                let lock = try WriterLock(indexPath: options.databasePath) { Terminal.note("another index or import is running; waiting for it to finish") }
                defer { withExtendedLifetime(lock) {} }
                store = try IndexStore(path: options.databasePath, create: true)
                (report, rejected) = try NoticeImporter.index(corpus: options.corpus, into: store, added: copied, progress: Terminal.progress)
            } catch {
                // Not indexed: take the files back out, so the corpus and the index still agree.
                for name in copied { try? fm.removeItem(atPath: (options.corpus as NSString).appendingPathComponent(name)) }
                throw Output.fail(error)
            }
            for name in copied {
                if let reason = rejected[name] {
                    Terminal.error("not imported: \(reason)")
                    failed = true
                    continue
                }
                summarize(name, store)
                diffWithPrevious(name, store)
            }
            if !report.isNoOp || !copied.isEmpty { Output.line(IndexSummary.line(report)) }
        }
        if failed { throw ExitCode(2) }
    }

    /// The diff against the previous edition of the notice's series (or `--against`), named with
    /// why it was chosen; none when the index holds no earlier edition.
    private func diffWithPrevious(_ name: String, _ store: IndexStore) {
        Output.line()
        var against: Notice?
        if let ref = self.against {
            do { against = try NoticeSource.notice(ref, options: options) } catch {
                Terminal.error("--against \(ref): \(error)")
                return
            }
        }
        let found: NoticeImporter.EditionDiff?
        do {
            found = try NoticeImporter.diffWithPrevious(name, store: store, corpus: options.corpus, against: against)
        } catch {
            Terminal.error("no diff: \(error)")
            return
        }
        guard let edition = found else {
            Output.line("no earlier edition of this notice in the index (same issuer, earlier year): nothing to diff; "
                        + "name one with --against FILE")
            return
        }
        if against != nil {
            Output.line(Output.bold("changes since \(edition.baseline)") + Output.dim(" (--against)"))
        } else {
            Output.line(Output.bold("changes since \(edition.baseline)") + ": " + edition.reason)
            if !edition.sure, !edition.others.isEmpty {
                Output.line(Output.dim("  not sure; other candidates: " + edition.others.joined(separator: ", ") + " (use --against FILE)"))
            }
        }
        Output.line(Output.dim("  (policydex diff \(edition.baseline) \(name))"))
        Output.write(Output.terminalSafe(DiffTextRenderer(colour: Output.colour).render(edition.report)))
    }

    private func summarize(_ name: String, _ store: IndexStore) {
        guard case .notice(let n)? = try? NoticeLookup(store: store).show(name) else {
            Output.line("imported \(name)")
            return
        }
        var units: [String] = []
        for t in n.tasks {
            for u in t.lead + t.responsible + t.support + t.inferred where !units.contains(u) { units.append(u) }
        }
        let noLead = n.tasks.filter { $0.lead.isEmpty && $0.responsible.isEmpty }
        Output.line("imported \(name): \(n.title ?? "(no title)")" + (n.year.map { ", work year \($0)" } ?? ""))
        Output.line("  \(n.tasks.count) tasks, \(units.count) units: " + Output.list(units))
        Output.line("  \(noLead.count) tasks without an explicit lead"
                    + (noLead.isEmpty ? "" : ": " + noLead.prefix(10).map(\.id).joined(separator: ", ")))
    }
}
