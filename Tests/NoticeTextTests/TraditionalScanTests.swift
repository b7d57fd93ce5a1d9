import Testing
@testable import NoticeText

/// Holding a unit of `TraditionalTable.changing` (read from UTF-8) is whether mapping the UTF-16 changes a unit, on
/// random strings of Simplified, Traditional, Latin, two-byte and four-byte characters; the key
/// keeps every UTF-16 offset, and folds a known Traditional phrase.
@Suite struct TraditionalScanTests {
    @Test func changesIsWhetherTheMapChangesAUnit() {
        let pieces = ["牵头", "單位", "a", "é", "😀", "𠀀", "信访", "網絡", "\u{3400}", "\u{9FFF}", "（", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let mapped = TraditionalTable.shared.map(Array(s.utf16))
            #expect(s.containsUTF16(anyOf: TraditionalTable.shared.changing) == (mapped != nil), "\(Array(s.unicodeScalars))")
            #expect(TextFolding.simplifiedKey(s).utf16.count == s.utf16.count)
        }
        #expect(TextFolding.simplifiedKey("牽頭單位：網絡安全科😀") == "牵头单位：网络安全科😀")
        #expect(TextFolding.simplifiedKey("牵头单位") == "牵头单位")
    }
}
