import Foundation
import NoticeText

/// What a rule needs besides its match: the work year, the key it matched, the written text.
struct DeadlineContext {
    let year: Int?
    let key: String
    let written: String

    /// The written characters at a key range (the key keeps UTF-16 offsets).
    func original(_ r: NSRange) -> String { written.substring(utf16: r) }
    /// Up to `length` key characters right after a match.
    func after(_ m: TextPattern.Match, length: Int) -> String {
        let start = m.range.location + m.range.length
        return key.substring(utf16: NSRange(location: start, length: min(length, key.utf16.count - start)))
    }
}
