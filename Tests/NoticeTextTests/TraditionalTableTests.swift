import Foundation
import Testing
@testable import NoticeText

/// The bundled Traditional → Simplified table is ICU's transliteration of every unit, so texts
/// indexed with either fold alike. `POLICYDEX_WRITE_TABLE=1 swift test --filter TraditionalTableTests`
/// rewrites the file from the ICU installed here (after an ICU upgrade changes a mapping).
@Suite struct TraditionalTableTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/NoticeText/Resources/traditional-simplified.txt").standardizedFileURL

    @Test func bundledTableIsICUs() throws {
        let icu = TraditionalTable.icuPairs()
        if ProcessInfo.processInfo.environment["POLICYDEX_WRITE_TABLE"] != nil {
            try TraditionalTable.file(icu).write(to: Self.file, atomically: true, encoding: .utf8)
        }
        #expect(icu.count > 2000, "ICU maps \(icu.count) units")
        let bundled = TraditionalTable.bundledPairs()
        #expect(bundled.map { [$0.0, $0.1] } == icu.map { [$0.0, $0.1] })
        #expect(SearchFolding.key("信訪維穩") == "信访维稳")
    }
}
