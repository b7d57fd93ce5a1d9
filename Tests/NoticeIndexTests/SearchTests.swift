import Foundation
import GRDB
import Testing
@testable import NoticeIndex
import NoticeText
import NoticeVocabulary

@Suite struct SearchTests {
    var store: IndexStore { SharedIndex.shared.store }
    var search: Search { Search(store: store) }

    /// A listing reads each notice only as far as its furthest hit (and whole when a later chunk
    /// of rows reaches further): every hit's text and title are the task's own, in listings of
    /// every hit and in pages of a few.
    @Test func listedHitsHoldTheirTasksWholeTexts() throws {
        let texts = Dictionary(uniqueKeysWithValues: try allTasks().map { ($0.id, $0.text) })
        for (q, limit) in [("工作", 100_000), ("单位", 100_000), ("工作", 7)] {
            var filters = SearchFilters(limit: limit)
            filters.exactOnly = true
            let hits = try search.run(q, filters: filters).hits
            #expect(hits.count > (limit > 100 ? 50 : 6), "\(q): \(hits.count)")
            for h in hits { #expect(h.text == texts[h.id], "\(h.id)") }
            #expect(hits.allSatisfy { !$0.title.isEmpty || $0.text.isEmpty })
        }
    }

    /// Lists of ids are padded to a power of two with their last id, so a long-lived server caches
    /// a handful of statements, not one per list length; a padded list selects the same rows.
    @Test func idListsComeInAFewLengths() throws {
        let lengths = Set((1...IDList.chunkSize).map { IDList.sql(Array(0..<Int64($0))).list })
        #expect(lengths.count <= 10)
        let (list, arguments) = IDList.sql([Int64(1), 2, 3])
        #expect(list == "(?,?,?,?)" && arguments == StatementArguments([Int64(1), 2, 3, 3]))
        let ids = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM task_rows WHERE id IN \(list) ORDER BY id", arguments: arguments) }
        #expect(ids == [1, 2, 3])
    }

    /// Every indexed task's (id, text).
    func allTasks() throws -> [(id: String, text: String)] {
        try store.taskTexts()
    }

    /// The exact tier: the tasks whose text contains the query.
    func ids(_ q: String, limit: Int = 100_000) throws -> Set<String> {
        let hits = try search.run(q, filters: SearchFilters(limit: limit)).hits
        #expect(hits.prefix { $0.match == "exact" }.count == hits.filter { $0.match == "exact" }.count, "exact hits come first")
        return Set(hits.filter { $0.match == "exact" }.map(\.id))
    }

    /// The first `count` hits beyond the exact tier (the query's own words, all required).
    func widened(_ q: String, count: Int) throws -> Set<String> {
        Set(try search.run(q, filters: SearchFilters(limit: 100_000)).hits.filter { $0.match != "exact" }.prefix(count).map(\.id))
    }

    /// Notices (files) with a task whose folded text contains `key`.
    func bruteForceNotices(_ key: String) throws -> [String] {
        let docs = try allTasks().filter { SearchFolding.key($0.text).contains(key) }.map { String($0.id.split(separator: "#")[0]) + ".txt" }
        return Array(Set(docs)).sorted()
    }

    func bruteForce(_ q: String) throws -> Set<String> {
        let key = SearchFolding.key(q)
        return Set(try allTasks().filter { SearchFolding.key($0.text).contains(key) }.map(\.id))
    }

    @Test func phraseFindsExactlyTheTasksContainingIt() throws {
        for q in ["电信诈骗", "安稳办", "反恐防暴", "信访", "反诈", "医政科"] {
            let expected = try bruteForce(q)
            #expect(try ids(q) == expected, "\(q)")
        }
        #expect(try !bruteForce("反恐防暴").isEmpty)
    }

    @Test func singleCharacterQuery() throws {
        let expected = try bruteForce("办")
        #expect(!expected.isEmpty)
        #expect(try ids("办") == expected)
        let result = try search.run("办", filters: SearchFilters(limit: 3))
        #expect(result.total == expected.count)
        #expect(result.hits.count == min(3, expected.count))
    }

    @Test func traditionalQueryFindsSimplifiedText() throws {
        #expect(try ids("反恐防暴") == ids("反恐防暴"))
        #expect(try ids("牽頭") == bruteForce("牵头"))
        #expect(try !ids("電信詐騙").isEmpty)
        #expect(try ids("電信詐騙") == ids("电信诈骗"))
    }

    @Test func snippetHighlightsTheMatch() throws {
        let r = try search.run("电信诈骗")
        #expect(r.total > 0)
        let exact = r.hits.filter { $0.match == "exact" }
        #expect(!exact.isEmpty)
        for h in exact { #expect(h.snippet.contains("<mark>电信诈骗</mark>"), "\(h.snippet)") }
        #expect(exact.map(\.score) == exact.map(\.score).sorted(by: >))
    }

    @Test func wordsAreAndedAndOrAndExcludeWork() throws {
        let a = try bruteForce("安稳办"), b = try bruteForce("医政科")
        #expect(try ids("安稳办 医政科") == a.intersection(b))
        #expect(try ids("安稳办 OR 医政科") == a.union(b))
        #expect(try ids("安稳办 -医政科") == a.subtracting(b))
        #expect(try ids("安稳办 NOT 医政科") == a.subtracting(b))
        // Exclusions the index decides (one or several, one character) and one it cannot (a
        // phrase with punctuation inside), each counted as listed.
        let c = try bruteForce("月"), d = try bruteForce("科室，委属")
        #expect(!a.intersection(c).isEmpty && !a.subtracting(b).subtracting(c).isEmpty)
        #expect(!a.intersection(d).isEmpty && !a.subtracting(d).isEmpty)
        for (q, expected) in [("安稳办 -医政科 -月", a.subtracting(b).subtracting(c)), ("安稳办 -\"科室，委属\"", a.subtracting(d))] {
            #expect(try ids(q) == expected, "\(q)")
            var exact = SearchFilters(limit: 1)
            exact.exactOnly = true
            #expect(try search.run(q, filters: exact).total == expected.count, "\(q)")
        }
        #expect(try ids("\"安稳办\"") == a)
    }

    @Test func unspacedQueryFallsBackToIcuWords() throws {
        // No task contains the literal string, but tasks contain each word; single characters
        // ICU's dictionary leaves (反|恐|防|暴) are searched as one chunk again.
        let q = "反恐防暴宣传演练"
        #expect(try bruteForce(q).isEmpty)
        let words = SearchQuery.topicalWords(of: q, using: WordBreaker())
        #expect(words == ["反恐防暴", "宣传", "演练"])
        let expected = try words.map(bruteForce).reduce(Set(try allTasks().map(\.id))) { $0.intersection($1) }
        #expect(!expected.isEmpty)
        #expect(try ids(q).isEmpty)
        #expect(try widened(q, count: expected.count) == expected)
    }

    @Test func questionsSearchForTheirTopic() throws {
        // "who leads counter-terrorism": the question and role words are not in the tasks.
        #expect(SearchQuery.topicalWords(of: "谁牵头反恐防暴", using: WordBreaker()) == ["反恐防暴"])
        let topic = try bruteForce("反恐防暴")
        #expect(try widened("谁牵头反恐防暴", count: topic.count) == topic)
        let patients = try bruteForce("严重精神障碍患者")
        #expect(try widened("严重精神障碍患者由谁负责", count: patients.count) == patients)
        // The topic phrase comes first, its words after: tasks about 网络安全 lead.
        let network = try bruteForce("网络安全")
        let got = try widened("哪个科室牵头网络安全", count: network.count)
        #expect(got == network, "\(got.sorted()) vs \(network.sorted())")
    }

    @Test func functionCharactersAtARunsEdgeAreNotTopicWords() throws {
        // ICU leaves 都|装|反|诈 as single characters; the joined run loses its leading 都.
        let words = SearchQuery.topicalWords(of: "职工手机都装反诈", using: WordBreaker())
        #expect(words.contains("装反诈"), "\(words)")
        for sentence in ["社区医院和大医院的用药品种对不上", "要求职工手机都装反诈", "这个事谁牵头解决"] {
            for w in SearchQuery.topicalWords(of: sentence, using: WordBreaker()) {
                #expect(!SearchQuery.functionCharacters.contains(w.first!) && !SearchQuery.functionCharacters.contains(w.last!), "\(sentence): \(w)")
            }
        }
    }

    @Test func wordsInNoTaskAreReplacedByThePiecesTasksHold() throws {
        #expect(try !bruteForce("反诈").isEmpty)
        #expect(try bruteForce("装反诈").isEmpty)
        let words = try store.read { db -> [String] in
            let scope = try Scope(filters: SearchFilters(), db)
            let input = ["装反诈", "信访", "瓼瓽"].map { Search.Widened(alternatives: [SearchQuery.Term(text: $0, parts: [$0], isPhrase: false)]) }
            return try search.grounded(input, scope: scope, db).map { $0.alternatives[0].text }
        }
        // A held word stays; an unheld one gives its held piece; one with no held piece is dropped.
        #expect(words == ["反诈", "信访"])
    }

    @Test func aUnitsTasksComeFirstOnlyWhenTheyHoldHalfTheTopic() throws {
        // 公卫科 and 医政科 lead tasks that share one word (医疗) with this topic; the task that
        // holds the topic (000 三（二）2, led by 安稳办) answers it.
        for unit in ["公卫科", "医政科"] {
            let hits = try search.run("\(unit) 新设医疗机构 重大决策 事前 稳定风险评估", filters: SearchFilters(limit: 3)).hits
            #expect(hits.first?.id == "000_e2eba855e6b0ece5#7", "\(unit): \(hits.map(\.id))")
        }
    }

    @Test func tasksWritingTheQuerysWordsSideBySideRankFirstAmongEquals() throws {
        let words = ["病原微生物实验室", "生物安全", "检查"].map { Search.Widened(alternatives: [SearchQuery.Term(text: $0, parts: [$0], isPhrase: false)]) }
        let apart = Search.Candidate(rowID: 1, taskID: "a", score: 9, text: "加强病原微生物实验室生物安全，开展年度专项检查")
        let together = Search.Candidate(rowID: 2, taskID: "b", score: 1, text: "完成病原微生物实验室生物安全检查全覆盖")
        #expect(Search.adjacentPairs(apart, of: words) == 1)
        #expect(Search.adjacentPairs(together, of: words) == 2)
        let ranked = try store.read { db in try Search.rankedByCoverage([apart, together], of: words, intent: nil, db) }
        #expect(ranked.map(\.taskID) == ["b", "a"], "BM25 (score) decides only among equals")
    }

    @Test func aPlaceTheIssuerNamesPicksItsNotices() throws {
        // 扫黑除恶 is a task of 000 (渝北, 安稳办) and of 002 (郑州, 信访效能办): the place decides.
        let zhengzhou = try search.run("郑州卫健委扫黑除恶谁牵头", filters: SearchFilters(limit: 1)).hits
        #expect(zhengzhou.first?.id == "002_d389e5a4d4a71cb1#10", "\(zhengzhou.map(\.id))")
        let yubei = try search.run("渝北扫黑除恶谁牵头", filters: SearchFilters(limit: 1)).hits
        #expect(yubei.first?.id == "000_e2eba855e6b0ece5#12", "\(yubei.map(\.id))")
        // 武进 is in no task, only in 003's issuer: a place, not a typo to correct.
        let wujin = try search.run("武进医院网络安全找谁", filters: SearchFilters(limit: 1))
        #expect(wujin.hits.first?.lead == ["信息科"] && wujin.widened.contains("武进"), "\(wujin.widened)")
    }

    @Test func placesAnIssuerNames() {
        #expect(Search.places(inIssuer: "重庆市渝北区卫生健康委员会") == ["重庆", "渝北"])
        #expect(Search.places(inIssuer: "常州市武进人民医院") == ["常州", "武进"])
        #expect(Search.places(inIssuer: "广东省卫生健康委员会") == ["广东"])
        #expect(Search.places(inIssuer: "国务院").isEmpty)
        #expect(Search.isGenericBody("卫健委") && Search.isGenericBody("县医保局") && !Search.isGenericBody("渝北"))
        #expect(Search.placeName("渝北区") == "渝北" && Search.placeName("广东省") == "广东")
    }

    @Test func noticeSearchFindsWordsAnywhereInANotice() throws {
        // 习近平 is in 000's preamble only, 反恐防暴 in one of its tasks: no task holds both, the notice does.
        #expect(try ids("习近平 反恐防暴").isEmpty)
        let both = try search.notices("习近平 反恐防暴")
        #expect(both.notices.map(\.file).contains("000_e2eba855e6b0ece5.txt"), "\(both.notices.map(\.file))")
        #expect(both.notices.allSatisfy { $0.tasks >= 1 })
        // A name printed only in the cover letter.
        let cover = try search.notices("武进人民医院")
        #expect(cover.notices.map(\.file) == ["003_c4109180e06efe5c.txt"] && cover.notices[0].snippet.contains("[武进人民医院]"))
        // Latin letters and digits are tokens: APP (国家反诈中心APP) is found through the index.
        #expect(try Set(search.notices("APP").notices.map(\.file)) == Set(try bruteForceNotices("app")))
        // Exclusions hold at the notice level; Traditional is read in Simplified.
        #expect(try !search.notices("習近平 -反恐防暴").notices.map(\.file).contains("000_e2eba855e6b0ece5.txt"))
    }

    @Test func thesaurusWordsInsideAQueryStayWhole() throws {
        let search = Search(store: store, thesaurus: try Thesaurus(parsing: "摄像头, 视频监控\n保安, 安保力量"))
        let spans = search.thesaurusSpans(in: "医院保安摄像头和报警", known: { !search.thesaurus.expansions(of: $0).isEmpty })
        #expect(spans.map(\.text) == ["医院", "保安", "摄像头", "和报警"])
        #expect(spans.map(\.isThesaurusWord) == [false, true, true, false])
        // Written in Traditional, the question's words are read in Simplified.
        let words = search.widening(try SearchQuery.parse("醫院保安、攝像頭歸哪個科室牽頭")).map { $0.alternatives[0].text }
        #expect(words.contains("摄像头") && words.contains("保安"), "\(words)")
        #expect(!words.contains { $0.contains("牵头") || $0.contains("哪个") }, "\(words)")
    }

    @Test func filtersNarrowResults() throws {
        let all = try search.run("工作", filters: SearchFilters(limit: 1000))
        let lead = try search.run("工作", filters: SearchFilters(dept: "安稳办", role: .lead, limit: 1000))
        #expect(lead.total > 0 && lead.total < all.total)
        #expect(lead.hits.allSatisfy { $0.lead.contains("安稳办") })
        let doc = try search.run("工作", filters: SearchFilters(doc: "000_e2eba855e6b0ece5", limit: 1000))
        #expect(doc.hits.allSatisfy { $0.doc == "000_e2eba855e6b0ece5.txt" })
        #expect(throws: IndexError.self) { try search.run("工作", filters: SearchFilters(dept: "不存在的单位名称")) }
    }

    @Test func chineseQuotesAreText() throws {
        let tasks = try allTasks()
        let quoted = try #require(tasks.first { $0.text.contains("“") })
        let i = quoted.text.firstIndex(of: "“")!
        let sub = String(quoted.text[i...].prefix(4))
        #expect(try ids(sub) == bruteForce(sub), "\(sub)")
        #expect(try ids(sub).contains(quoted.id))
    }

    @Test func malformedQueriesThrowTypedErrors() throws {
        for q in ["，。！", "\"安稳办", "AND OR NOT", "OR 安稳办", "安稳办 OR", "-", "-安稳办", "", "   ",
                  String(repeating: "办", count: 10_000)] {
            #expect(throws: QueryError.self, "\(q.prefix(20))") { try search.run(q) }
        }
    }

    @Test func sqlAndFtsSyntaxAreJustText() throws {
        for q in ["'; DROP TABLE tasks; --", "安稳办\" OR \"", "NEAR(安稳 办)", "安稳办*", "a:b", "^安稳", "tasks_fts MATCH '*'", "(安稳办)"] {
            do {
                _ = try search.run(q)
            } catch is QueryError {
                // a clear error is fine; anything else fails the test
            }
        }
        #expect(try ids("安稳办") == bruteForce("安稳办"))
        #expect(try !store.taskTexts().isEmpty)
    }

    /// Letters and digits are found through the index, infixes too (PP in APP, 02 in 2024), and a
    /// run of CJK characters only where they stand side by side (not across punctuation).
    @Test func letterDigitInfixesAndRunBoundariesMatchBruteForce() throws {
        var infixes = Set<String>()
        for t in try allTasks().prefix(120) {
            let runs = SearchFolding.key(t.text).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            for r in runs where r.count >= 2 {
                let a = Array(r)
                infixes.insert(String(a[1...]))
                infixes.insert(String(a[0..<(a.count - 1)]))
                if a.count >= 3 { infixes.insert(String(a[1..<(a.count - 1)])) }
            }
        }
        #expect(infixes.count >= 10)
        for q in infixes.sorted().prefix(60) {
            #expect(try ids(q) == bruteForce(q), "query \(q)")
        }
        // Two runs written apart are not the phrase of both: each bigram pair across a comma.
        for q in ["安稳办", "工作要求", "委属各单位"] { #expect(try ids(q) == bruteForce(q), "query \(q)") }
    }

    @Test func randomSubstringsMatchBruteForce() throws {
        let tasks = try allTasks()
        let trad: [Character: Character] = [
            "牵": "牽", "头": "頭", "办": "辦", "应": "應", "发": "發", "国": "國", "会": "會", "区": "區",
            "卫": "衛", "务": "務", "单": "單", "县": "縣", "门": "門", "实": "實", "关": "關", "对": "對",
            "开": "開", "长": "長", "稳": "穩", "诈": "詐", "骗": "騙", "电": "電", "信": "信", "访": "訪",
            "险": "險", "检": "檢", "查": "查", "组": "組", "织": "織", "责": "責", "负": "負", "强": "強",
            "业": "業", "设": "設", "训": "訓", "练": "練", "宣": "宣", "传": "傳", "为": "為", "时": "時",
        ]
        var rng = SplitMix(seed: 20261123)
        var checked = 0
        while checked < 300 {
            let t = Array(tasks[Int(rng.next() % UInt64(tasks.count))].text)
            guard !t.isEmpty else { continue }
            let len = 1 + Int(rng.next() % 8)
            let start = Int(rng.next() % UInt64(max(1, t.count - len + 1)))
            var sub = String(t[start..<min(t.count, start + len)])
            // Query syntax characters are not substrings the property is about.
            guard !sub.contains(where: { "\"＂-－ \t\u{3000}".contains($0) }), sub != "OR", sub != "AND", sub != "NOT",
                  Tokenizer.hasTokens(sub) else { continue }
            if rng.next() % 3 == 0 { sub = String(sub.map { trad[$0] ?? $0 }) }
            let expected = try bruteForce(sub)
            #expect(try ids(sub) == expected, "query \(sub)")
            checked += 1
        }
    }
}

/// A small deterministic random generator.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct UnitInQueryTests {
    /// A unit in a query is a role and the rest is the topic: the first related hit has the unit.
    @Test(arguments: [
        // No task's text holds both words, but 医政科 has a role in tasks about 纠纷.
        ("医政科 纠纷调解", "医政科"),
        // 区安稳办 is written nowhere: without its level prefix (a neighbouring notice's form) it is 安稳办.
        ("区安稳办 演练", "安稳办"),
    ])
    func theUnitsTasksComeFirstAmongRelated(query: String, unit: String) throws {
        let search = Search(store: SharedIndex.shared.store)
        let r = try search.run(query, filters: SearchFilters(limit: 10))
        let related = r.hits.filter { $0.match != "exact" }
        #expect(!related.isEmpty)
        #expect(related.first.map { ($0.lead + $0.support + $0.responsible + $0.inferred).contains(unit) } == true)
    }
}
