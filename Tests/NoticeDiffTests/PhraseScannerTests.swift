import Testing
@testable import NoticeDiff

@Suite struct PhraseScannerTests {
    @Test func longestPhraseWinsAndEveryOccurrenceGoes() {
        let e = PhraseScanner(["医政科", "医政", "安稳办", ""])
        #expect(e.erase("医政科牵头，安稳办、医政配合；医政科负责", with: "，") == "，牵头，，、，配合；，负责")
        #expect(e.erase("没有单位") == "没有单位")
        #expect(PhraseScanner([]).erase("医政科") == "医政科")
    }

    /// The same result as replacing the phrases one by one, longest first, when none overlaps.
    @Test func agreesWithOneReplacementPerPhrase() {
        let phrases = ["区卫生健康委", "卫生健康委", "疾控中心", "区疾控中心", "办公室"]
        let text = "区卫生健康委牵头，区疾控中心、办公室配合，卫生健康委督导，疾控中心落实。"
        var expected = text
        for p in phrases.sorted(by: { $0.count > $1.count }) { expected = expected.replacingOccurrences(of: p, with: "") }
        #expect(PhraseScanner(phrases).erase(text) == expected)
    }

    @Test func findsTheLongestPhraseAtEachPosition() {
        let s = PhraseScanner(["严重精神障碍", "严重精神障碍患者", "精神障碍", "反诈"])
        #expect(s.phrases(in: "加强严重精神障碍患者管理，开展反诈宣传，关注精神障碍") == ["严重精神障碍患者", "反诈", "精神障碍"])
        #expect(TopicTerms.bundled.topics(of: "煤气泄漏").isEmpty == false)
    }
}
