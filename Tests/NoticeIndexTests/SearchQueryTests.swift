import Testing
@testable import NoticeIndex
import NoticeText

/// Query syntax: what becomes a clause, an alternative, an exclusion or an error.
@Suite struct SearchQueryTests {
    @Test func wordsOrAndExclusions() throws {
        let q = try SearchQuery.parse("安稳办 医政科 OR 公卫科 -信访 NOT 反诈 AND 办")
        #expect(q.clauses.map { $0.map(\.text) } == [["安稳办"], ["医政科", "公卫科"], ["办"]])
        #expect(q.excluded.map(\.text) == ["信访", "反诈"])
    }

    @Test func phrasesKeepSpacesAndFold() throws {
        let q = try SearchQuery.parse("\"COVID 19\" 牽頭")
        #expect(q.clauses.count == 2)
        #expect(q.clauses[0][0].isPhrase && q.clauses[0][0].parts == ["covid 19"])
        #expect(q.clauses[1][0].parts == ["牵头"])
    }

    @Test func chineseQuotesAndInnerQuotesAreText() throws {
        let q = try SearchQuery.parse("“人防 物\"防")
        #expect(q.clauses.map { $0[0].text } == ["“人防", "物\"防"])
    }

    @Test func errors() {
        #expect(throws: QueryError.unbalancedQuote) { try SearchQuery.parse("\"安稳办") }
        #expect(throws: QueryError.onlyOperators) { try SearchQuery.parse("AND OR NOT") }
        #expect(throws: QueryError.nothingToSearch) { try SearchQuery.parse("，。！？") }
        #expect(throws: QueryError.onlyExclusions) { try SearchQuery.parse("-安稳办") }
        #expect(throws: QueryError.danglingOperator("OR")) { try SearchQuery.parse("OR 安稳办") }
        #expect(throws: QueryError.danglingOperator("OR")) { try SearchQuery.parse("安稳办 OR") }
        #expect(throws: QueryError.danglingOperator("-")) { try SearchQuery.parse("安稳办 -") }
        #expect(throws: QueryError.empty) { try SearchQuery.parse("  ") }
        #expect(throws: QueryError.tooLong(length: 10_000, limit: SearchQuery.maxLength)) {
            try SearchQuery.parse(String(repeating: "a", count: 10_000))
        }
        for e: QueryError in [.empty, .unbalancedQuote, .onlyOperators, .nothingToSearch, .onlyExclusions] {
            #expect(!e.description.contains("\n"))
        }
    }

    @Test func segmentationFallbackSplitsUnquotedChineseTerms() throws {
        let q = try SearchQuery.parse("托育机构反恐 \"托育机构反恐\"")
        let split = try #require(q.segmented(using: WordBreaker()))
        #expect(split.clauses[0][0].parts.count >= 2)
        #expect(split.clauses[0][0].parts.joined() == "托育机构反恐")
        #expect(split.clauses[1][0].parts == ["托育机构反恐"])
    }
}
