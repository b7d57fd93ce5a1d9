import Foundation
import Testing

/// `who` over the samples and the genre fixtures answers questions written in a staff member's
/// own words (Tests/Fixtures/search/who_questions.json, written by reading the tasks, not the
/// tool's output) with the intended task's lead first (30 of 30 today; the bar is 95%).
@Suite struct WhoQuestionTests {
    /// who_questions.json was tuned on; who_heldout.json was written after, without running the
    /// tool, and measured 36 of 40 before the fixes it prompted.
    @Test(arguments: ["who_questions", "who_heldout"])
    func questionsInOwnWordsGetTheIntendedLeadFirst(set: String) throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notices = CLIHarness.repository.appendingPathComponent("Tests/Fixtures/notices")
        for f in try FileManager.default.contentsOfDirectory(atPath: notices.path)
        where ["txt", "tsv", "html", "docx"].contains((f as NSString).pathExtension) {
            try FileManager.default.copyItem(at: notices.appendingPathComponent(f), to: dir.appendingPathComponent("corpus/" + f))
        }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let file = CLIHarness.repository.appendingPathComponent("Tests/Fixtures/search/\(set).json")
        let questions = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])?["questions"] as? [[String: Any]])
        #expect(questions.count >= 30)
        var right = 0
        for q in questions {
            let r = try CLIHarness.run(["who", q["q"] as! String, "--json", "--limit", "1"], in: dir)
            let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
            let lead = ((json?["hits"] as? [[String: Any]])?.first?["lead"] as? [String]) ?? []
            if lead == q["lead"] as? [String] { right += 1 }
        }
        #expect(Double(right) / Double(questions.count) >= 0.95, "\(right) of \(questions.count)")
    }
}
