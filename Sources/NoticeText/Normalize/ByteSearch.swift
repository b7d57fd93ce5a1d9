import Foundation

/// Literal substring tests and replacements as UTF-8 byte searches.
///
/// With Foundation imported, `text.contains("。")` and `text.replacingOccurrences(of: " ", with: "")`
/// resolve to Foundation's generic versions, which bridge to CFString and compare character
/// clusters with Unicode folding: 8% of indexing went there, for needles that are literal
/// punctuation, spaces and words. These overloads take a `String` needle, so the compiler prefers
/// them (non-generic) in this module and in every module that imports it. The answers are
/// Foundation's, for an empty needle too (`contains("")` is false, replacing "" changes nothing),
/// with one difference: bytes, not characters, are compared, so a needle matches inside a character cluster (稳 in 稳 followed by
/// a variation selector; "\n" in "\r\n", which decoding has already split), where Foundation
/// would not. Catalogs of every notice at hand are byte-identical either way.
extension StringProtocol {
    public func contains(_ needle: String) -> Bool {
        ByteSearch.firstOffset(of: needle, in: self) != nil
    }

    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        var t = target, r = replacement
        return t.withUTF8 { needle in
            r.withUTF8 { with in
                ByteSearch.withBytes(of: self) { h -> String in
                    guard var at = ByteSearch.firstOffset(of: needle, in: h, from: 0) else { return String(self) }
                    var out: [UInt8] = []
                    out.reserveCapacity(h.count)
                    var from = 0
                    while true {
                        out.append(contentsOf: h[from..<at])
                        out.append(contentsOf: with)
                        from = at + needle.count
                        guard let next = ByteSearch.firstOffset(of: needle, in: h, from: from) else { break }
                        at = next
                    }
                    out.append(contentsOf: h[from...])
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }
}

public enum ByteSearch {
    /// The UTF-8 offset of the first occurrence of `needle` in `text`; nil for an empty needle.
    public static func firstOffset(of needle: String, in text: some StringProtocol) -> Int? {
        var needle = needle
        return needle.withUTF8 { n in withBytes(of: text) { firstOffset(of: n, in: $0, from: 0) } }
    }

    /// How many times `needle` occurs in `text`, not overlapping; 0 for an empty needle.
    public static func count(of needle: String, in text: some StringProtocol) -> Int {
        var needle = needle
        return needle.withUTF8 { n in
            withBytes(of: text) { h in
                var count = 0, from = 0
                while let at = firstOffset(of: n, in: h, from: from) {
                    count += 1
                    from = at + n.count
                }
                return count
            }
        }
    }

    /// `text`'s UTF-8 bytes, from its own storage when it is contiguous, else copied.
    public static func withBytes<R>(of text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The first offset at or after `from` where `needle` starts in `haystack`; nil for an empty
    /// needle.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let h = haystack.baseAddress, let n = needle.baseAddress, !needle.isEmpty else { return nil }
        let last = haystack.count - needle.count
        // Candidates by the needle's last byte: in Chinese text a first byte is one of a few
        // lead bytes (E4–E9) and stops memchr at nearly every character; a last byte is mostly a
        // continuation byte, spread over 64 values.
        let k = needle.count - 1
        var i = from
        while i <= last {
            guard let p = memchr(h + i + k, Int32(n[k]), last - i + 1) else { return nil }
            let at = h.distance(to: p.assumingMemoryBound(to: UInt8.self)) - k
            if memcmp(h + at, n, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
