import Foundation
import Testing
@testable import NoticeVocabulary

@Suite struct GenreVocabularyTests {
    @Test(arguments: [
        ("牵头单位", LabelRole.lead), ("牵头责任单位", .lead), ("主办", .lead), ("主办单位", .lead),
        ("配合单位", .support), ("协办", .support), ("主要协作单位", .support), ("协同科室", .support),
        ("责任单位", .responsible), ("责任处室", .responsible), ("负责部门", .responsible), ("落实科室", .responsible),
        ("实施主体", .responsible), ("责任领导", .person), ("牵头领导", .person), ("责任人", .person),
        ("完成时限", .otherField), ("适用范围", .otherField),
    ])
    func labelRoles(label: String, role: LabelRole) {
        #expect(GenreVocabulary.role(ofLabel: label) == role)
    }

    @Test func wordsThatNeedABodyAreNotLabelsAlone() {
        #expect(GenreVocabulary.role(ofLabel: "负责") == nil)
        #expect(GenreVocabulary.role(ofLabel: "落实") == nil)
        #expect(GenreVocabulary.role(ofLabel: "工作") == nil)
    }

    @Test func headingKinds() {
        #expect(GenreVocabulary.headingKind("指导思想") == .notTasks)
        #expect(GenreVocabulary.headingKind("发展目标。到2025年") == .notTasks)
        #expect(GenreVocabulary.headingKind("保障措施") == .secondary)
        #expect(GenreVocabulary.headingKind("重点任务") == .work)
        #expect(GenreVocabulary.headingKind("保障措施落实到位") == nil)
    }

    /// Longer words first, behind a lookahead for the first characters, in one group (so a
    /// quantifier after it applies to both).
    @Test func alternationPutsLongerWordsFirst() throws {
        let alternation = GenreVocabulary.alternation(["牵头", "牵头单位", "a.b"])
        #expect(alternation == "(?:(?=[\\x{61}\\x{7275}])(?:牵头单位|a\\.b|牵头))")
        let optional = try NSRegularExpression(pattern: "^(" + alternation + ")?：")
        for (text, word) in [("牵头单位：", "牵头单位"), ("牵头：", "牵头"), ("a.b：", "a.b"), ("：", "")] {
            let m = try #require(optional.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)))
            let group = m.range(at: 1)
            #expect((group.location == NSNotFound ? "" : (text as NSString).substring(with: group)) == word)
        }
        #expect(optional.firstMatch(in: "axb：", range: NSRange(location: 0, length: 4)) == nil)
        #expect(GenreVocabulary.alternation([]) == "(?:)")
    }
}
