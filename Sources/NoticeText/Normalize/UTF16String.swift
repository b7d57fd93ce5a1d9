extension String {
    /// The string of UTF-16 code units, as `String(decoding:as: UTF16.self)` makes it (a lone
    /// surrogate becomes U+FFFD), but written straight into the string's UTF-8 storage: the generic
    /// decoder parses and repairs scalar by scalar, and folding keys and match groups are made
    /// from UTF-16 for every task a search lists and every rule extraction runs.
    public init<Units: Collection>(utf16Units units: Units) where Units.Element == UInt16 {
        let count = units.count
        guard count > 0 else { self = ""; return }
        self = String(unsafeUninitializedCapacity: count * 3) { out in
            var n = 0
            var iterator = units.makeIterator()
            var pending = iterator.next()
            while let u = pending {
                pending = iterator.next()
                switch u {
                case 0..<0x80:
                    out[n] = UInt8(u); n += 1
                case 0x80..<0x800:
                    out[n] = 0xC0 | UInt8(u >> 6); out[n + 1] = 0x80 | UInt8(u & 0x3F); n += 2
                case 0xD800..<0xDC00:
                    if let low = pending, (0xDC00..<0xE000).contains(low) {
                        pending = iterator.next()
                        let c = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
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
