import Testing
@testable import NoticeText

/// `Reflow.lines(of:)` cuts where a split on Characters at "\n", "\r\n" and "\r" cuts.
@Suite struct ReflowLinesTests {
    @Test func linesAreTheCharacterSplit() {
        let pieces = ["a", "牵头", "\n", "\r", "\r\n", "\n\u{301}", "😀", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let split = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
            #expect(Reflow.lines(of: s) == split, "\(Array(s.unicodeScalars))")
        }
    }
}
