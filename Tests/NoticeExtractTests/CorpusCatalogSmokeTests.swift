import Foundation
import Testing
@testable import NoticeExtract

/// The sample corpus extracts without skipping files.
@Suite struct CorpusCatalogSmokeTests {
    @Test func sampleCorpusExtracts() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpus").standardizedFileURL
        let result = try CorpusCatalog.build(corpus: dir.path)
        #expect(result.skipped.isEmpty)
        #expect(result.catalog.documents.count >= 5)
        #expect(result.catalog.documents.allSatisfy { !$0.tasks.isEmpty })
    }
}
