import Foundation
import Testing

/// `diff OLD NEW`: files not imported, indexed notices by name or stem, JSON / Markdown / text,
/// exit statuses; `import` diffing against the issuer's previous notice.
@Suite struct DiffCommandTests {
    static let fixtures = CLIHarness.repository.appendingPathComponent("Tests/Fixtures/diff")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func json(_ r: CLIHarness.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
    }

    @Test func jsonOfFilesNotImported() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["diff", Self.fixture("edits_2024.txt"), Self.fixture("edits_2025.txt"), "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try Self.json(r)
        #expect((json["old"] as? [String: Any])?["file"] as? String == "edits_2024.txt")
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs.count == 9)   // 7 edited pairs and the split's two parts
        let labels = Set(pairs.compactMap { ($0["changes"] as? [String])?.joined(separator: ",") })
        #expect(labels == ["lead", "support", "deadline", "metric", "text", "moved", "lead,support,text"])
        #expect(pairs.filter { $0["part_of"] as? String == "split" }.count == 2)
        let lead = try #require(pairs.first { ($0["changes"] as? [String]) == ["lead"] })
        #expect((lead["old"] as? [String: Any])?["id"] as? String == "edits_2024#2")
        #expect((lead["new"] as? [String: Any])?["path"] as? [String] == ["二", "（一）", "2"])
        #expect(lead["similarity"] is Double)
        #expect((json["added"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["edits_2025#10"])
        #expect((json["removed"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["edits_2024#3"])
        #expect((json["splits"] as? [Any])?.count == 1)
        #expect((json["units"] as? [String: Any])?["安稳办"] != nil)

        let all = try Self.json(try CLIHarness.run(["diff", Self.fixture("edits_2024.txt"), Self.fixture("edits_2025.txt"), "--json", "--all"], in: dir))
        #expect((all["pairs"] as? [Any])?.count == 14)
    }

    @Test func crossFormatTextReport() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["diff", Self.fixture("crossformat_2024.txt"), Self.fixture("crossformat_2025.docx")], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\u{1B}"))   // not a terminal, NO_COLOR set
        #expect(r.stdout.contains("7 → 8 tasks: 7 paired (4 unchanged, 3 changed), 1 added, 0 removed"))
        #expect(r.stdout.contains("lead: 信息科 → 区卫生信息中心"))
        #expect(r.stdout.contains("metric: 达到90% → 达到100%"))
    }

    @Test func indexedNoticesByNameAndStem() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let r = try CLIHarness.run(["diff", "000_e2eba855e6b0ece5.txt", "001_d90f0c075659fcf0", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let pairs = try #require(try Self.json(r)["pairs"] as? [[String: Any]])
        let ids = pairs.map { (($0["old"] as? [String: Any])?["id"] as? String ?? "") + "→" + (($0["new"] as? [String: Any])?["id"] as? String ?? "") }
        #expect(ids.contains("000_e2eba855e6b0ece5#2→001_d90f0c075659fcf0#17"))   // 高度重视反恐防暴工作
        // The stored catalog and a fresh extraction of the same file diff alike.
        let direct = try CLIHarness.run(["diff", "corpus/000_e2eba855e6b0ece5.txt", "corpus/001_d90f0c075659fcf0.txt", "--json"], in: dir)
        let directPairs = try #require(try Self.json(direct)["pairs"] as? [[String: Any]])
        #expect(directPairs.count == pairs.count)
    }

    @Test func markdownOutput() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["diff", Self.fixture("edits_2024.txt"), Self.fixture("edits_2025.txt"), "--markdown"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("# Changes: "))
        #expect(r.stdout.contains("## Units"))
        #expect(r.stdout.contains("- lead: 安稳办 → 办公室"))
    }

    @Test func exitStatuses() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let same = try CLIHarness.run(["diff", Self.fixture("edits_2024.txt"), Self.fixture("edits_2024.txt")], in: dir)
        #expect(same.status == 1)
        #expect(same.stdout.contains("no changes"))

        let missing = try CLIHarness.run(["diff", "nope.txt", Self.fixture("edits_2024.txt")], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("policydex: nope.txt"))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let unknown = try CLIHarness.run(["diff", "nope", "000_e2eba855e6b0ece5.txt"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no notice named 'nope'"))

        let both = try CLIHarness.run(["diff", "a", "b", "--json", "--markdown"], in: dir)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--json and --markdown"))

        let binary = dir.appendingPathComponent("bad.docx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]).write(to: binary)
        let bad = try CLIHarness.run(["diff", binary.path, Self.fixture("edits_2024.txt")], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.docx"))
    }

    @Test func importDiffsAgainstTheIssuersPreviousNotice() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let first = try CLIHarness.run(["import", Self.fixture("edits_2024.txt")], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("changes since"))   // no earlier notice of 江门市蓬江区卫生健康局
        let second = try CLIHarness.run(["import", Self.fixture("edits_2025.txt")], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("changes since edits_2024.txt"))
        #expect(second.stdout.contains("lead: 安稳办 → 办公室"))
        #expect(second.stdout.contains("安稳办: as lead: +1 new, −2 dropped"))
    }

    @Test func importOfAnEarlierNoticeDiffsAgainstWhatCameBefore() throws {
        // 000 (2023-04-19) is the earlier notice of 001's issuer: importing 001 alone diffs 000 → 001.
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let incoming = dir.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: dir.appendingPathComponent("corpus/001_d90f0c075659fcf0.txt"),
                                         to: incoming.appendingPathComponent("001_d90f0c075659fcf0.txt"))
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let r = try CLIHarness.run(["import", incoming.appendingPathComponent("001_d90f0c075659fcf0.txt").path], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("changes since 000_e2eba855e6b0ece5.txt"))
        #expect(r.stdout.contains("高度重视反恐防暴工作"))
    }
}
