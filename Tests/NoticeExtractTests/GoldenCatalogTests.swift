import Foundation
import NoticeExtract
import NoticeModel
import XCTest

/// Every annotated notice — the five samples in corpus/ and the genre fixtures (label lines,
/// verbal responsibility, TSV/HTML/docx tables, GB18030, Traditional characters, PDF wrapping,
/// no numbering, attachments) — extracts exactly to its expected catalog.
final class GoldenCatalogTests: XCTestCase {
    func testSampleNoticesMatchTheirGoldCatalogs() throws {
        try checkAll(expectedDir: Fixtures.root.appendingPathComponent("samples-expected"), noticesDir: Fixtures.corpus)
    }

    func testGenreFixturesMatchTheirExpectedCatalogs() throws {
        try checkAll(expectedDir: Fixtures.root.appendingPathComponent("expected"), noticesDir: Fixtures.notices)
    }

    private func checkAll(expectedDir: URL, noticesDir: URL) throws {
        let expectedFiles = Fixtures.files(in: expectedDir, ext: "json")
        XCTAssertFalse(expectedFiles.isEmpty, "no expected catalogs in \(expectedDir.path)")
        for url in expectedFiles {
            let expected = try ExpectedCatalog.load(url)
            let path = noticesDir.appendingPathComponent(expected.doc).path
            let notice = try CatalogBuilder.notice(atPath: path, relativePath: expected.doc)
            let diffs = CatalogComparison.differences(expected: expected, actual: notice)
            XCTAssertTrue(diffs.isEmpty, "\(expected.doc):\n  " + diffs.joined(separator: "\n  "))
            XCTAssertFalse(notice.tasks.isEmpty, "\(expected.doc): no tasks")
        }
    }
}
