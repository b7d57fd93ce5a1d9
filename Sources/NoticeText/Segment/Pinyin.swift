import CICU
import Foundation

/// Toneless pinyin of Chinese text through ICU's Han-Latin transliterator (访 → fang), for telling
/// a typo that sounds the same (信仿 → 信访) from any other character.
public final class Pinyin: @unchecked Sendable {
    public static let shared = Pinyin()
    private let lock = NSLock()
    private let transliterator: OpaquePointer?
    private var cache: [Character: String] = [:]

    private init() {
        transliterator = cicu_transliterator_open("Han-Latin; Latin-ASCII; Lower")
    }

    /// The pinyin syllable of one character ("" when it has none).
    public func of(_ c: Character) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let p = cache[c] { return p }
        var units = Array(String(c).utf16)
        let capacity = 32
        units += Array(repeating: 0, count: capacity - units.count)
        var out = ""
        if let t = transliterator {
            let n = units.withUnsafeMutableBufferPointer { cicu_transliterate(t, $0.baseAddress, Int32(String(c).utf16.count), Int32(capacity)) }
            if n > 0 { out = String(decoding: units[0..<Int(n)], as: UTF16.self).trimmingWhitespace() }
        }
        if out == String(c) { out = "" }
        cache[c] = out
        return out
    }
}
