import Foundation
import Testing

/// `import`: copy, index, summarize; identical re-import is a no-op; a different file of the same name is refused.
@Suite struct ImportCommandTests {
    @Test func importAddsANoticeOnce() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let outside = dir.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let file = outside.appendingPathComponent("2026_plan.txt")
        try """
            关于印发2026年平安建设工作要点的通知

            一、开展鹈鹕专项整治行动。（牵头单位：安稳办；配合单位：医政科）
            二、完善档案管理制度。
            """.write(to: file, atomically: true, encoding: .utf8)

        let first = try CLIHarness.run(["import", file.path], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 2026_plan.txt"))
        #expect(first.stdout.contains("tasks"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("corpus/2026_plan.txt").path))
        #expect(try CLIHarness.run(["search", "鹈鹕"], in: dir).status == 0)

        let again = try CLIHarness.run(["import", file.path], in: dir)
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to import"))

        try "不同的内容：鹭鸶".write(to: file, atomically: true, encoding: .utf8)
        let clash = try CLIHarness.run(["import", file.path], in: dir)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("already exists with different content"))
        let kept = try String(contentsOf: dir.appendingPathComponent("corpus/2026_plan.txt"), encoding: .utf8)
        #expect(kept.contains("鹈鹕"))
    }

    /// The baseline of an import's diff is the previous edition of its own series, not the
    /// issuer's latest notice of another series (001, 2024 安全稳定工作要点), and it says why.
    @Test func importDiffsAgainstThePreviousEditionOfItsSeries() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let old = try String(contentsOf: dir.appendingPathComponent("corpus/000_e2eba855e6b0ece5.txt"), encoding: .utf8)
        let file = dir.appendingPathComponent("yubei_2025.txt")
        try old.replacingOccurrences(of: "2023", with: "2025").write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["import", file.path], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("changes since 000_e2eba855e6b0ece5.txt: the same issuer's 2023 edition of this series"), "\(r.stdout.prefix(600))")

        // --against names another baseline; a notice with no earlier edition gets no diff.
        let other = dir.appendingPathComponent("other_2025.txt")
        try old.replacingOccurrences(of: "2023", with: "2026").replacingOccurrences(of: "渝北区", with: "鹈鹕县").write(to: other, atomically: true, encoding: .utf8)
        let lone = try CLIHarness.run(["import", other.path], in: dir)
        #expect(lone.stdout.contains("no earlier edition of this notice in the index"), "\(lone.stdout.prefix(600))")
        let third = dir.appendingPathComponent("yubei_2026.txt")
        try old.replacingOccurrences(of: "2023", with: "2026").write(to: third, atomically: true, encoding: .utf8)
        let forced = try CLIHarness.run(["import", third.path, "--against", "001_d90f0c075659fcf0.txt"], in: dir)
        #expect(forced.stdout.contains("changes since 001_d90f0c075659fcf0.txt (--against)"), "\(forced.stdout.prefix(600))")
    }
}
