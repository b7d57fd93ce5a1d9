import Foundation
import XCTest

/// Files a user may drop into corpus/ by mistake are reported with their path and skipped;
/// the good notices are still indexed.
final class BadInputTests: XCTestCase {
    func testBadFilesAreSkippedWithAReasonAndTheRunGoesOn() throws {
        let cli = try CLI(samples: ["004_28f6194b3a9834db.txt"])
        defer { cli.remove() }
        try cli.write("empty.txt", Data())
        try cli.write("binary.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x10] + Array(repeating: 0, count: 64)))
        try cli.write("truncated.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
        try cli.write("photo.jpg", Data([0xFF, 0xD8, 0xFF]))
        // A notice with one 5 MB line: decoded and extracted without a crash.
        var huge = "关于印发安全生产工作要点的通知\n各单位：\n一、加强隐患排查。"
        huge += String(repeating: "各单位要定期开展安全生产检查，", count: 5 * 1024 * 1024 / 45)
        huge += "（牵头单位：安稳办）\n"
        try cli.write("huge-line.txt", Data(huge.utf8))

        let r = try cli.run("index")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.hasPrefix("indexed 2 notices:"), r.out)
        XCTAssertTrue(r.out.contains("skipped 4 files"), r.out)
        for (file, words) in [("empty.txt", "empty"), ("binary.txt", "binary"), ("truncated.docx", "docx"), ("photo.jpg", "not a notice")] {
            let line = r.out.split(separator: "\n").first { $0.contains(file) }
            XCTAssertNotNil(line, "no report for \(file): \(r.out)")
            XCTAssertTrue(line?.contains(words) == true, String(line ?? ""))
        }

        let export = try cli.run("export")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: export.stdout) as? [String: Any])
        let docs = try XCTUnwrap(json["documents"] as? [[String: Any]])
        let hugeDoc = try XCTUnwrap(docs.first { $0["file"] as? String == "huge-line.txt" })
        let tasks = try XCTUnwrap(hugeDoc["tasks"] as? [[String: Any]])
        XCTAssertEqual(tasks.count, 1)
        XCTAssertEqual(tasks[0]["lead"] as? [String], ["安稳办"])
    }

    func testGB18030NoticeIsDecodedAndExtracted() throws {
        let cli = try CLI(samples: [])
        defer { cli.remove() }
        let fixture = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/notices/gb18030.txt")
        try cli.write("gb.txt", try Data(contentsOf: fixture))
        XCTAssertNil(String(data: try Data(contentsOf: fixture), encoding: .utf8), "the fixture must not be UTF-8")
        let export = try cli.run("export")
        XCTAssertEqual(export.status, 0, export.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: export.stdout) as? [String: Any])
        let doc = try XCTUnwrap((json["documents"] as? [[String: Any]])?.first)
        XCTAssertEqual(doc["format"] as? String, "gb18030")
        XCTAssertEqual(doc["issuer"] as? String, "合肥市蜀山区卫生健康委员会")
        XCTAssertGreaterThan((doc["tasks"] as? [[String: Any]])?.count ?? 0, 3)
    }
}
