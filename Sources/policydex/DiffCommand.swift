import ArgumentParser
import Foundation
import NoticeDiff
import NoticeIndex
import NoticeService
import NoticeModel

/// What changed between two notices, task by task and unit by unit.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two notices (e.g. last year's and this year's): paired, added, removed, split and merged tasks, and what each unit gains and loses.",
        discussion: """
            OLD and NEW are notices in the index (file name, relative path or stem) or paths of notice files \
            not yet imported (.txt, .html, .docx, .pdf, .tsv). Tasks are paired by content, not by number. \
            Exit status: 0 when the notices differ, 1 when no task changed, 2 on a usage or input error.
            """)

    @OptionGroup var options: CorpusOptions
    @Argument(help: "The earlier notice.") var old: String
    @Argument(help: "The later notice.") var new: String
    @Flag(name: .long, help: "Print JSON.") var json = false
    @Flag(name: .long, help: "Print Markdown (for a memo).") var markdown = false
    @Flag(name: .long, help: "List unchanged pairs (and units) too.") var all = false
    @Option(name: .long, help: "Similarity (0-1) below which tasks are not paired.") var threshold: Double?

    func validate() throws {
        if json && markdown { throw ValidationError("--json and --markdown cannot be used together") }
        if let threshold, !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be in (0, 1]") }
    }

    func run() throws {
        let a: Notice, b: Notice
        do {
            // The two notices are read side by side (extraction is most of a large file diff's time).
            let refs = [old, new], options = self.options
            let results = LockedBox<[Int: Result<Notice, Error>]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let read = Result { try NoticeSource.notice(refs[i], options: options) }
                results.update { $0[i] = read }
            }
            a = try results.value[0]!.get()
            b = try results.value[1]!.get()
        } catch {
            throw Output.fail(error)
        }
        let store = FileManager.default.fileExists(atPath: options.databasePath) ? try? options.openStore() : nil
        let report: NoticeDiffReport
        do {
            report = try IndexedDiff.diff(old: a, new: b, options: NoticeDiffOptions(
                threshold: threshold ?? NoticeDiffOptions.defaultThreshold, includeUnchanged: all), store: store, corpus: options.corpus)
        } catch {
            throw Output.fail(error)
        }
        try Self.print(report, json: json, markdown: markdown)
        if report.summary.isEmpty { throw ExitCode(1) }
    }

    static func print(_ report: NoticeDiffReport, json: Bool, markdown: Bool) throws {
        if json {
            try Output.json(report)
        } else if markdown {
            Output.write(Output.terminalSafe(DiffMarkdownRenderer().render(report)))
        } else {
            Output.write(Output.terminalSafe(DiffTextRenderer(colour: Output.colour).render(report)))
        }
    }
}
