import Foundation
import XCTest

/// How the shell hands a query to `search`: dashed words and role filters.
final class SearchArgumentsTests: XCTestCase {
    func testDashedWordExcludesAndRoleNeedsAUnit() throws {
        let cli = try CLI(samples: ["000_e2eba855e6b0ece5.txt", "002_d389e5a4d4a71cb1.txt"])
        defer { cli.remove() }
        XCTAssertEqual(try cli.run("index").status, 0)
        func total(_ args: String...) throws -> Int {
            let r = try CLIHarness.run(args, in: cli.dir)
            let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
            return json?["total"] as? Int ?? -1
        }
        let all = try total("search", "信访", "--json", "--limit", "100")
        let without = try total("search", "信访", "-扫黑除恶", "--json", "--limit", "100")
        XCTAssertGreaterThan(all, without, "'-扫黑除恶' as its own word excludes tasks")
        XCTAssertGreaterThan(without, 0)

        let role = try cli.run("search", "医政科", "--role", "lead")
        XCTAssertEqual(role.status, 2)
        XCTAssertTrue(role.stderr.contains("--dept"), role.stderr)
    }
}
