import Foundation
import Testing

/// `export` still prints the whole catalog.
@Suite struct ExportCommandTests {
    @Test func exportJSONListsEveryNotice() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["export", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        #expect((json?["documents"] as? [Any])?.count == 5)
    }
}
