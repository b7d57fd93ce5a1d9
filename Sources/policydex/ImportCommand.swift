import ArgumentParser
import Foundation
import NoticeDiff
import NoticeIndex
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
        do {
            try fm.createDirectory(atPath: options.corpus, withIntermediateDirectories: true)
        } catch {
            throw Output.fail(UserError("\(options.corpus): cannot create the corpus folder: \(error.localizedDescription)"))
        }
        for file in files {
            let name = (file as NSString).lastPathComponent
            let dest = (options.corpus as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: file) else {
                Terminal.error("\(file): no such file or not readable")
                failed = true
                continue
            }
            if fm.fileExists(atPath: dest) {
                if fm.contents(atPath: dest) == data {
                    Output.line("\(name): already in the corpus (identical); nothing to import")
                } else {
                    Terminal.error("\(file): \(dest) already exists with different content; rename the file to import it")
                    failed = true
                }
                continue
            }
            guard fm.createFile(atPath: dest, contents: data) else {
                Terminal.error("\(dest): cannot write")
                failed = true
                continue
            }
            copied.append(name)
        }
        if !copied.isEmpty || !files.isEmpty {
            let report: IndexReport
            let store: IndexStore
            do {
                store = try IndexStore(path: options.databasePath, create: true)
                report = try Indexer.index(corpus: options.corpus, into: store, progress: Terminal.progress)
            } catch {
                throw Output.fail(error)
            }
            let skipped = Dictionary(report.skipped.map { ($0.file, $0.reason) }, uniquingKeysWith: { a, _ in a })
            for name in copied {
                if let reason = skipped[name] {
                    // Not a readable notice: take it back out of the corpus.
                    try? fm.removeItem(atPath: (options.corpus as NSString).appendingPathComponent(name))
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
        let lookup = NoticeLookup(store: store)
        guard let current = try? lookup.notice(name) else { return }
        Output.line()
        let previous: Notice
        if let against {
            do { previous = try NoticeSource.notice(against, options: options) } catch {
                Terminal.error("--against \(against): \(error)")
                return
            }
            Output.line(Output.bold("changes since \(previous.file)") + Output.dim(" (--against)"))
        } else {
            guard let edition = try? lookup.previousEdition(of: name), let found = try? lookup.notice(edition.file) else {
                Output.line("no earlier edition of this notice in the index (same issuer, earlier year): nothing to diff; "
                            + "name one with --against FILE")
                return
            }
            previous = found
            Output.line(Output.bold("changes since \(previous.file)") + ": " + edition.reason)
            if !edition.sure, !edition.others.isEmpty {
                Output.line(Output.dim("  not sure; other candidates: " + edition.others.joined(separator: ", ") + " (use --against FILE)"))
            }
        }
        let report: NoticeDiffReport
        do {
            report = try IndexedDiff.diff(old: previous, new: current, store: store, corpus: options.corpus)
        } catch {
            Terminal.error("no diff: \(error)")
            return
        }
        Output.line(Output.dim("  (policydex diff \(previous.file) \(current.file))"))
        FileHandle.standardOutput.write(Data(DiffTextRenderer(colour: Output.colour).render(report).utf8))
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
