import ArgumentParser
import Foundation
import NoticeDecode
import NoticeText

/// Prints how a file is read: cover, title, preamble and the numbered outline (for checking a new notice's shape).
struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Show how a notice file is split into cover, title and numbered items.",
        shouldDisplay: true)

    @Argument(help: "A notice file.") var file: String

    func run() throws {
        let decoded = try NoticeDecoder.decode(path: file)
        let layout = OutlineBuilder.layout(of: Reflow.paragraphs(of: decoded.text))
        for p in layout.cover { Output.line("COVER   L\(p.line): \(p.text.prefix(60))") }
        for p in layout.title { Output.line("TITLE   L\(p.line): \(p.text)") }
        for p in layout.preamble { Output.line("PRE     L\(p.line): \(p.text.prefix(60))") }
        func walk(_ i: Int, _ depth: Int) {
            let n = layout.outline.nodes[i]
            let head = n.body.first.map { String($0.text.prefix(40)) } ?? ""
            Output.line(String(repeating: "  ", count: depth) + "[\(n.label)] L\(n.body.first?.line ?? 0) (\(n.body.count)p) \(head)")
            for c in n.children { walk(c, depth + 1) }
        }
        for r in layout.outline.roots { walk(r, 0) }
        for p in layout.trailer { Output.line("TRAILER L\(p.line): \(p.text.prefix(60))") }
    }
}
