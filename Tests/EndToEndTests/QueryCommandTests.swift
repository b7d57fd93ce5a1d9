import Foundation
import Testing

/// Each query command's JSON and exit status on a copy of the sample corpus.
@Suite struct QueryCommandTests {
    /// Keys of search and who hits only: their tier, expansions, and the notice's year and title.
    static let searchKeys: Set<String> = ["match", "expanded", "year", "notice_title", "lead_listed_first", "edition"]
    static let hitKeys: Set<String> = ["id", "doc", "path", "title", "score", "snippet", "lead", "support", "responsible",
                                       "inferred", "deadlines", "metrics", "line"]

    func indexed() throws -> URL {
        let dir = try CLIHarness.workspace()
        let r = try CLIHarness.run(["index"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("indexed 5 notices"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("index/policydex.sqlite").path))
        return dir
    }

    func object(_ r: CLIHarness.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any], "\(r.stdout)")
    }

    @Test func searchJSON() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["search", "电信诈骗", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try object(r)
        #expect(Set(json.keys).isSubset(of: ["query", "total", "hits", "widened"]))
        #expect(json["query"] as? String == "电信诈骗")
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty && (json["total"] as? Int) == hits.count)
        #expect(hits.first?["match"] as? String == "exact")
        for h in hits {
            #expect(Set(h.keys).subtracting(Self.searchKeys) == Self.hitKeys)
            guard h["match"] as? String == "exact" else { continue }
            #expect((h["snippet"] as? String)?.contains("<mark>电信诈骗</mark>") == true)
            #expect((h["doc"] as? String)?.hasSuffix(".txt") == true)
        }
        let limited = try object(try CLIHarness.run(["search", "工作", "--json", "--limit", "2"], in: dir))
        #expect((limited["hits"] as? [Any])?.count == 2)
        #expect((limited["total"] as? Int ?? 0) > 2)
    }

    @Test func typosAndAbbreviationsFindTheCorpusWords() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 信仿 sounds like 信访 (xinfang); 扫黑出恶 is one character off 扫黑除恶.
        for (typo, word) in [("信仿", "信访"), ("扫黑出恶", "扫黑除恶")] {
            let r = try CLIHarness.run(["search", typo, "--json"], in: dir)
            let json = try object(r)
            #expect((json["suggestions"] as? [String])?.first == word, "\(typo)")
            let first = (json["hits"] as? [[String: Any]])?.first
            #expect(first?["match"] as? String == "expanded" && (first?["expanded"] as? [String])?.contains(word) == true)
            #expect(try CLIHarness.run(["search", typo], in: dir).stderr.contains("did you mean: " + word))
        }
        // 电诈: the same characters in order with others between (电信网络诈骗).
        let abbr = try object(try CLIHarness.run(["search", "电诈", "--json"], in: dir))
        let fuller = abbr["suggestions"] as? [String] ?? []
        #expect(!fuller.isEmpty && fuller.allSatisfy { $0.hasPrefix("电") && $0.hasSuffix("诈") && $0.count > 2 }, "\(fuller)")
    }

    @Test func theNewestEditionAnswersFirst() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        for f in try FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            try FileManager.default.removeItem(at: corpus.appendingPathComponent(f))
        }
        for name in ["edits_2024.txt", "edits_2025.txt"] {
            try FileManager.default.copyItem(atPath: DiffCommandTests.fixture(name), toPath: corpus.appendingPathComponent(name).path)
        }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let hits = try #require(try object(try CLIHarness.run(["who", "反恐防暴", "--json"], in: dir))["hits"] as? [[String: Any]])
        #expect(hits.count == 2)
        #expect(hits.first?["doc"] as? String == "edits_2025.txt")
        #expect(hits.last?["edition"] as? String == "earlier" && hits.last?["doc"] as? String == "edits_2024.txt")
        let flat = try #require(try object(try CLIHarness.run(["who", "反恐防暴", "--json", "--all-years"], in: dir))["hits"] as? [[String: Any]])
        #expect(flat.allSatisfy { $0["edition"] == nil })
    }

    @Test func emptyResultsSayWhy() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        let year = try CLIHarness.run(["search", "工作", "--year", "2030"], in: dir)
        #expect(year.status == 1 && year.stderr.contains("no notice of 2030"), "\(year.stderr)")
        let latin = try CLIHarness.run(["search", "fire", "safety"], in: dir)
        #expect(latin.status == 1 && latin.stderr.contains("Chinese"), "\(latin.stderr)")
        let limit = try CLIHarness.run(["search", "消防", "--limit", "0"], in: dir)
        #expect(limit.status == 2 && limit.stderr.contains("between 1 and"), "\(limit.stderr)")
        let json = try object(try CLIHarness.run(["search", "消防", "--json"], in: dir))
        let hit = try #require((json["hits"] as? [[String: Any]])?.first)
        #expect(hit["year"] as? Int != nil && (hit["notice_title"] as? String)?.isEmpty == false)
    }

    @Test func colloquialWordsFindTheNoticesWordsThroughTheThesaurus() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        // No notice says 煤气; they say 燃气.
        let exact = try CLIHarness.run(["search", "煤气", "--exact", "--json"], in: dir)
        #expect(exact.status == 1)
        let r = try CLIHarness.run(["search", "煤气", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try object(r)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.first?["match"] as? String == "expanded")
        #expect((hits.first?["expanded"] as? [String])?.contains("燃气") == true)
        #expect((json["widened"] as? [String])?.contains("燃气") == true)
        // A user's synonyms.txt beside corpus/ extends the thesaurus without rebuilding.
        try "独角兽 => 燃气\n".write(to: dir.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        let user = try object(try CLIHarness.run(["search", "独角兽", "--json"], in: dir))
        #expect(((user["hits"] as? [[String: Any]])?.first?["expanded"] as? [String])?.contains("燃气") == true)
        try "坏行\n".write(to: dir.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        let bad = try CLIHarness.run(["search", "燃气"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("synonyms.txt:1"), "\(bad.stderr)")
    }

    @Test func whoJSONAndFilters() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["who", "反恐防暴", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try object(r)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { Set($0.keys).subtracting(Self.searchKeys) == Self.hitKeys })
        #expect(hits.contains { ($0["lead"] as? [String])?.contains("安稳办") == true })
        let text = try CLIHarness.run(["who", "反恐防暴"], in: dir)
        #expect(text.stdout.contains("牵头"))
        let filtered = try object(try CLIHarness.run(["search", "工作", "--dept", "安稳办", "--role", "lead", "--json", "--limit", "100"], in: dir))
        let fh = try #require(filtered["hits"] as? [[String: Any]])
        #expect(!fh.isEmpty && fh.allSatisfy { ($0["lead"] as? [String])?.contains("安稳办") == true })
        let year = try CLIHarness.run(["search", "工作", "--year", "1999", "--json"], in: dir)
        #expect(year.status == 1)
        #expect(try object(year)["total"] as? Int == 0)
    }

    @Test func deptDeptsAndShowJSON() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dept = try object(try CLIHarness.run(["dept", "委安稳办", "--json"], in: dir))
        #expect((dept["unit"] as? [String: Any])?["name"] as? String == "安稳办")
        let hits = try #require(dept["hits"] as? [[String: Any]])
        // A unit page lists tasks of every year: each says its notice.
        #expect(!hits.isEmpty && hits.allSatisfy { Set($0.keys) == Self.hitKeys.union(["role", "year", "notice_title"]) })
        let unknown = try CLIHarness.run(["dept", "安稳科"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean") && unknown.stderr.contains("安稳办"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)

        let depts = try CLIHarness.run(["depts", "--json"], in: dir)
        let units = try #require(try JSONSerialization.jsonObject(with: depts.stdoutData) as? [[String: Any]])
        let anwen = try #require(units.first { $0["name"] as? String == "安稳办" })
        #expect((anwen["lead"] as? Int ?? 0) > 0)
        #expect((anwen["aliases"] as? [String])?.contains("委平安法治建设工作领导小组办公室") == true)

        let doc = try object(try CLIHarness.run(["show", "000_e2eba855e6b0ece5.txt", "--json"], in: dir))
        let tasks = try #require(doc["tasks"] as? [[String: Any]])
        let id = try #require(tasks.first?["id"] as? String)
        let task = try object(try CLIHarness.run(["show", id, "--json"], in: dir))
        #expect((task["task"] as? [String: Any])?["id"] as? String == id)
        #expect(!((task["source"] as? [Any]) ?? []).isEmpty)
        #expect(try CLIHarness.run(["show", "nothing-here"], in: dir).status == 2)
    }

    @Test func badQueriesAreUsageErrors() throws {
        let dir = try indexed()
        defer { try? FileManager.default.removeItem(at: dir) }
        for q in ["，。、", "\"安稳办", "AND OR NOT", String(repeating: "办理", count: 5_000), "'; DROP TABLE tasks; --"] {
            let r = try CLIHarness.run(["search", q], in: dir)
            #expect(r.status == 2 || r.status == 1, "\(q.prefix(20)): \(r.status)")
            #expect(r.status < 64, "never a crash")
            #expect(r.stderr.split(separator: "\n").count <= 1, "\(r.stderr)")
        }
        #expect(try CLIHarness.run(["search", "安稳办"], in: dir).status == 0)
        #expect(try CLIHarness.run(["search", "没有这种任务", "--exact"], in: dir).status == 1)
        #expect(try CLIHarness.run(["search", "x", "--role", "boss"], in: dir).status == 2)
    }

    @Test func queriesWithoutAnIndexSayHowToMakeOne() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["search", "安稳办"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("policydex index"))
    }
}
