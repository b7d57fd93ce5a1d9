import Testing
@testable import NoticeText

/// Short lines that merge into one long paragraph were quadratic in Reflow (1 MB took 18 s):
/// the open parentheses were counted again over the whole paragraph for every line joined.
@Suite struct LongParagraphTests {
    @Test func manyShortLinesJoinInOnePassWithTheirParentheses() {
        // 30,000 wrapped lines inside one parenthesis: one paragraph, every line kept.
        let lines = ["（牵头单位："] + Array(repeating: "开展鹈鹕", count: 30_000) + ["安稳办）"]
        let paragraphs = Reflow.paragraphs(of: "关于印发工作要点的通知\n\n" + lines.joined(separator: "\n"))
        let joined = paragraphs.map(\.text).joined()
        #expect(joined.count == "关于印发工作要点的通知".count + lines.joined().count)
        #expect(paragraphs.count <= 3, "\(paragraphs.count) paragraphs")
    }

    @Test func depthIsCountedAsTheLinesArrive() {
        let parts = ["（一）开展（牵头", "单位：安稳办", "）。(配合", "：医政科）", "）stray"]
        var depth = 0
        for (i, p) in parts.enumerated() {
            depth = Reflow.parenthesisDepth(after: p, from: depth)
            #expect((depth > 0) == Reflow.opensParenthesis(parts[0...i].joined()), "after \(p)")
        }
    }
}
