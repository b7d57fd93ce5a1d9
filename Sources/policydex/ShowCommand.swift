import ArgumentParser
import Foundation
import NoticeIndex

/// A notice's outline with task ids, or one task with its source lines.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a notice's outline (by file name) or one task (by id) with its source lines.")

    @OptionGroup var options: CorpusOptions
    @Argument(help: "A notice (file name or stem) or a task id (stem#n).") var ref: String
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() throws {
        let shown: NoticeLookup.Shown
        do {
            shown = try NoticeLookup(store: options.openStore()).show(ref)
        } catch {
            throw Output.fail(error)
        }
        switch shown {
        case .notice(let n):
            if json { try Output.json(n); return }
            Output.line(Output.bold(n.title ?? n.file))
            let meta = [n.issuer, n.number, n.date, n.year.map { "work year \($0)" }].compactMap { $0 }
            Output.line(Output.dim(n.file + (meta.isEmpty ? "" : "  " + meta.joined(separator: " · "))))
            var section: [String] = []
            for t in n.tasks {
                // Section numbers above the tasks, printed when they change (三, then （一） under it).
                let parent = Array(t.path.dropLast())
                for (depth, label) in parent.enumerated() where depth >= section.count || section[depth] != label
                    || section.prefix(depth) != parent.prefix(depth) {
                    Output.line(String(repeating: "  ", count: depth) + Output.bold(label))
                }
                section = parent
                let indent = String(repeating: "  ", count: max(0, t.path.count - 1))
                let who = t.lead.isEmpty ? (t.responsible.isEmpty ? Output.dim("no explicit lead") : "责任: " + Output.list(t.responsible))
                    : "牵头: " + Output.list(t.lead)
                Output.line("\(indent)\(t.path.last ?? "") \(t.title)  " + Output.dim("[\(t.id) L\(t.line)]") + "  " + who)
            }
        case .task(let details):
            if json { try Output.json(details.count == 1 ? AnyEncodable(details[0]) : AnyEncodable(details)); return }
            for d in details {
                WhoCommand.printHit(d.task, number: nil)
                if let title = d.noticeTitle { Output.line(Output.dim("   notice: \(title)")) }
                Output.line("   text: " + d.text)
                // PDF text has a blank line after every line: show only lines with text.
                for l in d.source where !l.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    Output.line(Output.dim(String(format: "%6d | ", l.line)) + l.text)
                }
            }
        }
    }
}

/// Type erasure for encoding one value or a list.
struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
