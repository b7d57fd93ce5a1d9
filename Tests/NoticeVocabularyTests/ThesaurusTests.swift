import Testing
@testable import NoticeVocabulary

@Suite struct ThesaurusTests {
    @Test func equivalencesAndOneWayRules() throws {
        let t = try Thesaurus(parsing: """
        # 燃气
        煤气, 燃气, 天然气
        电动车, 电瓶车 => 电动自行车   # staff words → the notices' word

        """)
        #expect(t.entryCount == 2)
        #expect(t.expansions(of: "煤气") == ["燃气", "天然气"])
        #expect(t.expansions(of: "燃气") == ["煤气", "天然气"])
        #expect(t.expansions(of: "电动车") == ["电动自行车"])
        #expect(t.expansions(of: "电动自行车").isEmpty)   // one-way
    }

    @Test func aUserFileExtendsIt() throws {
        var t = try Thesaurus(parsing: "煤气, 燃气")
        try t.add("煤气 => 液化气", source: "synonyms.txt")
        #expect(t.expansions(of: "煤气") == ["燃气", "液化气"])
    }

    @Test func malformedLinesNameTheirLine() {
        #expect(throws: ThesaurusError.malformed(source: "synonyms.txt", line: 2, text: "孤词")) {
            try Thesaurus(parsing: "煤气, 燃气\n孤词", source: "synonyms.txt")
        }
        #expect(throws: ThesaurusError.self) { try Thesaurus(parsing: "a => ", source: "x") }
    }

    @Test func theBundledThesaurusCoversTheGenre() throws {
        let t = try Thesaurus.bundled()
        #expect(t.entryCount >= 300)
        #expect(t.expansions(of: "煤气").contains("燃气"))
        #expect(t.expansions(of: "电动车").contains("电动自行车"))
    }
}
