import Testing
import NoticeText

@Suite struct LongestMatchTests {
    @Test func longestAcceptedPiecesAndTheStretchesBetween() {
        let words: Set<String> = ["保安", "摄像头", "摄像", "报警"]
        let spans = LongestMatch.spans(in: "医院保安摄像头和报警", lengths: 2...8) { words.contains($0) }
        #expect(spans == [.init(text: "医院", matched: false), .init(text: "保安", matched: true),
                          .init(text: "摄像头", matched: true), .init(text: "和", matched: false), .init(text: "报警", matched: true)])
        // Pieces shorter than the lower bound are never asked about.
        #expect(LongestMatch.spans(in: "一", lengths: 2...3) { _ in true } == [.init(text: "一", matched: false)])
    }
}
