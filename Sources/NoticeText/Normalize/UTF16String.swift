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

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (tab, the space separators, zero-width space) without
    /// Foundation's character-set machinery, which cost microseconds per line.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isWhitespace(scalars[before]) else { break }
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
