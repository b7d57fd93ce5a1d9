import Foundation

extension String {
    /// The string of UTF-16 code units, as `String(decoding:as: UTF16.self)` makes it (a lone
    /// surrogate becomes U+FFFD), but written straight into the string's UTF-8 storage: the generic
    /// decoder parses and repairs scalar by scalar, and folding keys and match groups are made
    /// from UTF-16 for every task a search lists and every rule extraction runs.
    public init(utf16Units units: [UInt16]) {
        self = units.withUnsafeBufferPointer { String(utf16Buffer: $0) }
    }

    public init(utf16Units units: ArraySlice<UInt16>) {
        self = units.withUnsafeBufferPointer { String(utf16Buffer: $0) }
    }

    /// Not generic, so callers in other modules run the specialised loop.
    public init(utf16Buffer units: UnsafeBufferPointer<UInt16>) {
        let count = units.count
        guard count > 0 else { self = ""; return }
        self = String(unsafeUninitializedCapacity: count * 3) { out in
            var n = 0, i = 0
            while i < count {
                let u = units[i]
                i += 1
                switch u {
                case 0..<0x80:
                    out[n] = UInt8(u); n += 1
                case 0x80..<0x800:
                    out[n] = 0xC0 | UInt8(u >> 6); out[n + 1] = 0x80 | UInt8(u & 0x3F); n += 2
                case 0xD800..<0xDC00:
                    if i < count, (0xDC00..<0xE000).contains(units[i]) {
                        let c = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                        out[n] = 0xF0 | UInt8(c >> 18); out[n + 1] = 0x80 | UInt8((c >> 12) & 0x3F)
                        out[n + 2] = 0x80 | UInt8((c >> 6) & 0x3F); out[n + 3] = 0x80 | UInt8(c & 0x3F); n += 4
                    } else {
                        out[n] = 0xEF; out[n + 1] = 0xBF; out[n + 2] = 0xBD; n += 3
                    }
                case 0xDC00..<0xE000:
                    out[n] = 0xEF; out[n + 1] = 0xBF; out[n + 2] = 0xBD; n += 3
                default:
                    out[n] = 0xE0 | UInt8(u >> 12); out[n + 1] = 0x80 | UInt8((u >> 6) & 0x3F)
                    out[n + 2] = 0x80 | UInt8(u & 0x3F); n += 3
                }
            }
            return n
        }
    }
}

extension String {
    /// `Array(utf16)`, transcoded from the string's UTF-8 in one loop: the UTF-16 view hands out
    /// one unit per call, and every rule of extraction converts its text (7% of indexing's CPU).
    public var utf16Units: [UInt16] {
        var s = self
        return s.withUTF8 { bytes in
            // Never more units than bytes: 1, 2, 3 and 4 bytes make 1, 1, 1 and 2 units.
            [UInt16](unsafeUninitializedCapacity: bytes.count) { out, written in
                var i = 0, n = 0
                while i < bytes.count {
                    let c = UTF8Scalars.next(bytes, &i)
                    if c < 0x10000 {
                        out[n] = UInt16(c); n += 1
                    } else {
                        out[n] = UInt16(0xD800 + ((c - 0x10000) >> 10)); out[n + 1] = UInt16(0xDC00 + ((c - 0x10000) & 0x3FF))
                        n += 2
                    }
                }
                written = n
            }
        }
    }

    /// Whether the string holds any of `units` (BMP characters), read from its UTF-8 without
    /// making its UTF-16.
    public func containsUTF16(anyOf units: UnitSet) -> Bool {
        var found = false
        forEachUnit(of: units) { _ in found = true; return false }
        return found
    }

    /// The UTF-16 offsets of the characters in `set` (BMP characters): the matches of a
    /// one-character class such as `[，,]` without running an expression (clause breaks are
    /// looked for in every clause of every task).
    public func utf16Offsets(ofAny set: UnitSet) -> [Int] {
        var out: [Int] = []
        forEachUnit(of: set) { out.append($0); return true }
        return out
    }

    /// The UTF-16 ranges of the pieces between the characters in `set` (each break left out; the
    /// pieces before the first and after the last included, empty or not): clauses between breaks.
    public func utf16Pieces(separatedBy set: UnitSet) -> [NSRange] {
        var out: [NSRange] = []
        var start = 0
        for offset in utf16Offsets(ofAny: set) {
            out.append(NSRange(location: start, length: offset - start))
            start = offset + 1
        }
        out.append(NSRange(location: start, length: utf16.count - start))
        return out
    }

    /// Calls `body` with the UTF-16 offset of each character in `set`, read from the UTF-8, until
    /// it returns false.
    private func forEachUnit(of set: UnitSet, _ body: (Int) -> Bool) {
        var s = self
        s.withUTF8 { bytes in
            var i = 0, offset = 0
            while i < bytes.count {
                let c = UTF8Scalars.next(bytes, &i)
                if c < 0x10000, set.contains(UInt16(c)), !body(offset) { return }
                offset += c < 0x10000 ? 1 : 2
            }
        }
    }
}

/// Scalars read straight from a Swift string's UTF-8, which is always valid (no sequence checked).
enum UTF8Scalars {
    /// The scalar starting at `bytes[i]`, with `i` moved past it.
    @inline(__always) static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 {
            i += 1
            return b0
        } else if b0 < 0xE0 {
            defer { i += 2 }
            return (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        } else if b0 < 0xF0 {
            defer { i += 3 }
            return (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        }
        defer { i += 4 }
        return (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
    }
}

/// A set of UTF-16 units, each tested by one bit (a pattern's needed units are tested against
/// every unit of every text it is asked about).
public struct UnitSet: Sendable {
    /// 1,024 words of 64 bits, or none for the empty set (most patterns need nothing).
    private let words: [UInt64]
    /// The units, each once.
    public let members: [UInt16]

    public init<S: Sequence>(_ units: S) where S.Element == UInt16 {
        var words: [UInt64] = []
        var members: [UInt16] = []
        for u in units {
            if words.isEmpty { words = Array(repeating: 0, count: 1 << 10) }
            if words[Int(u >> 6)] & (1 << UInt64(u & 63)) == 0 { members.append(u) }
            words[Int(u >> 6)] |= 1 << UInt64(u & 63)
        }
        self.words = words
        self.members = members
    }

    public var isEmpty: Bool { words.isEmpty }

    @inline(__always) public func contains(_ u: UInt16) -> Bool {
        !words.isEmpty && words[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0
    }
}

extension StringProtocol {
    /// `count > n`, reading at most n + 1 characters: a length test on a long paragraph must not
    /// walk its every grapheme (a character is at least one UTF-8 byte, so short texts answer at once).
    public func isLonger(than n: Int) -> Bool {
        guard utf8.count > n else { return false }
        var i = startIndex, seen = 0
        while i < endIndex {
            seen += 1
            if seen > n { return true }
            i = index(after: i)
        }
        return false
    }

    /// `trimmingCharacters(in: .whitespaces)` (tab, the space separators, zero-width space) without
    /// Foundation's character-set machinery, which cost microseconds per line.
    public func trimmingWhitespace() -> String { trimming(where: isWhitespace) }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, the same way.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { isWhitespace($0) || (0x0A...0x0D).contains($0.value) || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 }
    }

    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))`, the same way (a set built
    /// for every unit name cost more than the trimming).
    public func trimming(anyOf characters: String) -> String {
        trimming { characters.unicodeScalars.contains($0) }
    }

    /// The text without the scalars `drop` accepts at either end (trimmed scalar by scalar, as
    /// Foundation trims).
    public func trimming(where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard drop(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

/// CharacterSet.whitespaces as Foundation has it: U+0009, the space separators (Zs) and U+200B.
@inline(__always) private func isWhitespace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

extension String {
    /// `self.substring(utf16: range)`: the range is in UTF-16 units, the result is
    /// sliced from the string's own UTF-8 (NSString decoded the units again, six times slower).
    public func substring(utf16 range: NSRange) -> String {
        let units = utf16
        let start = units.index(units.startIndex, offsetBy: range.location)
        return String(self[start..<units.index(start, offsetBy: range.length)])
    }

    /// `self.substring(utf16From: offset)`, offset in UTF-16 units.
    public func substring(utf16From offset: Int) -> String {
        String(self[utf16.index(utf16.startIndex, offsetBy: offset)...])
    }

    /// `self.substring(utf16To: offset)`, offset in UTF-16 units.
    public func substring(utf16To offset: Int) -> String {
        String(self[..<utf16.index(utf16.startIndex, offsetBy: offset)])
    }
}
