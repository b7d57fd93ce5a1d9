import Foundation
import Testing
@testable import NoticeIndex
import NoticeText

/// The FTS5 index on its own (no exact re-check) finds exactly the tasks containing a CJK string.
@Suite struct TokenizerIndexTests {
    var store: IndexStore { SharedIndex.shared.store }

    @Test func ftsAloneIsExactForChineseStrings() throws {
        let tasks = try store.taskTexts()
        var rng = SplitMix(seed: 7)
        var checked = 0
        while checked < 150 {
            let t = Array(tasks[Int(rng.next() % UInt64(tasks.count))].text)
            let len = 1 + Int(rng.next() % 6)
            guard t.count >= len else { continue }
            let start = Int(rng.next() % UInt64(t.count - len + 1))
            let sub = String(t[start..<(start + len)])
            guard sub.unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }) else { continue }
            let key = SearchFolding.key(sub)
            let expected = Set(tasks.filter { SearchFolding.key($0.text).contains(key) }.map(\.id))
            let match = try #require(MatchExpression.forPart(key))
            #expect(Set(try store.ftsTaskIDs(match: match)) == expected, "\(sub)")
            checked += 1
        }
    }

    /// A character is indexed only as the start of a bigram, a run's last character or a run of
    /// one: the prefix query on it must still find it at the start, inside and at the end of a
    /// run, and alone. Every character of the corpus's shortest tasks, checked by brute force.
    @Test func oneCharacterQueriesFindTheCharacterAnywhere() throws {
        let tasks = try store.taskTexts()
        let keys = tasks.map { SearchFolding.key($0.text) }
        let characters = Set(tasks.sorted { $0.text.count < $1.text.count }.prefix(12).flatMap { task in
            SearchFolding.key(task.text).unicodeScalars.filter { Tokenizer.isCJK($0.value) }.map(String.init)
        })
        #expect(characters.count > 60)
        for c in characters {
            let expected = Set(zip(tasks, keys).filter { $0.1.contains(c) }.map(\.0.id))
            let match = try #require(MatchExpression.forPart(c))
            #expect(Set(try store.ftsTaskIDs(match: match)) == expected, "\(c)")
        }
    }

    @Test func matchExpressionsQuoteEverything() {
        #expect(MatchExpression.forPart("安稳办") == "\"安稳办\"")
        #expect(MatchExpression.forPart("2023年ab") == "\"年\" * AND \"ab\" *")
        #expect(MatchExpression.forPart("办") == "\"办\" *")   // the bigrams it starts, or its unigram
        #expect(MatchExpression.forPart("abc") == "\"abc\" *")   // any start of a run
        #expect(MatchExpression.forPart(String(repeating: "a", count: 17)) == nil)
        #expect(MatchExpression.decidesAlone("严重精神障碍患者") && MatchExpression.decidesAlone("110"))
        #expect(!MatchExpression.decidesAlone("12345热线") && !MatchExpression.decidesAlone(String(repeating: "a", count: 17)))
        #expect(MatchExpression.forPart("\" OR x") == "\"or\" AND \"x\" *" || MatchExpression.forPart("\" OR x") != nil)
    }
}
