import Foundation
import NoticeExtract
import NoticeModel
import NoticeText
import Testing

/// Expressions that promise a character every match holds (`TextPattern(needsAny:)`) skip texts
/// without one. The promise is written by hand beside each pattern, so every notice the tests
/// have is extracted both ways: a broken promise changes some catalog.
@Suite struct PatternNeedsTests {
    /// The repository's notices, and any folders named in POLICYDEX_MORE_NOTICES (colon-separated:
    /// collections of real notices kept outside the repository).
    static let folders = [Fixtures.corpus, Fixtures.notices, Fixtures.root.appendingPathComponent("diff"),
                          Fixtures.root.appendingPathComponent("decode")]
        + (ProcessInfo.processInfo.environment["POLICYDEX_MORE_NOTICES"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)) }

    static var noticeFiles: [URL] {
        folders.flatMap { folder in
            ["txt", "tsv", "html", "docx"].flatMap { Fixtures.files(in: folder, ext: $0) }
        }
    }

    @Test func catalogsAreTheSameWithEveryExpressionRunEverywhere() throws {
        let files = Self.noticeFiles
        #expect(files.count >= 40, "only \(files.count) notices found")
        var tasks = 0
        for url in files {
            let filtered = try? CatalogBuilder.notice(atPath: url.path, relativePath: url.lastPathComponent)
            let unfiltered = try? TextPattern.$ignoringNeeds.withValue(true) {
                try CatalogBuilder.notice(atPath: url.path, relativePath: url.lastPathComponent)
            }
            let same = filtered == unfiltered   // compared apart: a failure names the file, not two catalogs
            #expect(same, "\(url.lastPathComponent): the catalogs differ")
            tasks += filtered?.tasks.count ?? 0
        }
        #expect(tasks > 500)
    }

    @Test func aTextWithoutTheCharacterIsNotSearched() {
        let label = TextPattern("牵头单位[：:]", needsAny: "：:")
        #expect(label.matches(in: "牵头单位：办公室").count == 1)
        #expect(label.matches(in: "牵头单位办公室").isEmpty)
        // The promise is what makes the answer safe: a wrong one loses matches, which the
        // catalog comparison above would show.
        let wrong = TextPattern("牵头", needsAny: "：")
        #expect(wrong.matches(in: "医政科牵头").isEmpty)
        #expect(TextPattern.$ignoringNeeds.withValue(true) { wrong.matches(in: "医政科牵头").count } == 1)
    }
}
