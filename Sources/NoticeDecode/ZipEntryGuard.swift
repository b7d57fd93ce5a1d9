/// Checks a zip entry's stored bytes before ZIPFoundation inflates them: finds the entry's data
/// through the central directory (as ZIPFoundation does) and walks its DEFLATE stream, so damaged
/// archives are reported instead of hanging ZIPFoundation's inflate loop at the end of the file.
enum ZipEntryGuard {
    enum Verdict: Equatable {
        case safe
        case damaged(String)
    }

    /// Whether the entry named `path` in the zip `bytes` can be handed to ZIPFoundation.
    static func check(_ path: String, in bytes: [UInt8], limit: Int) -> Verdict {
        guard let entry = locate(Array(path.utf8), in: bytes) else { return .damaged("cannot locate \(path)") }
        switch entry.method {
        case 0:
            return .safe  // stored: ZIPFoundation reads a fixed number of bytes
        case 8:
            switch DeflateChecker.check(bytes, from: entry.dataOffset, limit: limit) {
            case .complete: return .safe
            case .truncated: return .damaged("\(path) is truncated")
            case .invalid: return .damaged("\(path) is not valid compressed data")
            case .tooLarge: return .damaged("\(path) inflates to more than \(limit >> 20) MB")
            }
        default:
            return .damaged("\(path) uses unsupported compression method \(entry.method)")
        }
    }

    private struct Located {
        var method: Int
        var dataOffset: Int
    }

    private static func locate(_ name: [UInt8], in b: [UInt8]) -> Located? {
        guard let (entryCount, directoryOffset) = centralDirectory(b) else { return nil }
        var p = directoryOffset
        for _ in 0..<min(entryCount, 1 << 20) {
            guard p >= 0, p + 46 <= b.count, u32(b, p) == 0x0201_4B50 else { return nil }
            let method = u16(b, p + 10)
            let compressed = u32(b, p + 20)
            let uncompressed = u32(b, p + 24)
            let nameLength = u16(b, p + 28)
            let extraLength = u16(b, p + 30)
            let commentLength = u16(b, p + 32)
            var localOffset = u32(b, p + 42)
            let nameStart = p + 46
            guard nameStart + nameLength + extraLength <= b.count else { return nil }
            if b[nameStart..<(nameStart + nameLength)].elementsEqual(name) {
                if localOffset == 0xFFFF_FFFF {
                    // Zip64: the real offset is in the 0x0001 extra field, after the sizes that overflowed.
                    var q = nameStart + nameLength
                    let extraEnd = q + extraLength
                    var found: Int?
                    while q + 4 <= extraEnd {
                        let id = u16(b, q), size = u16(b, q + 2)
                        if id == 0x0001 {
                            var field = q + 4
                            if uncompressed == 0xFFFF_FFFF { field += 8 }
                            if compressed == 0xFFFF_FFFF { field += 8 }
                            if field + 8 <= min(q + 4 + size, extraEnd) { found = u64(b, field) }
                            break
                        }
                        q += 4 + size
                    }
                    guard let found else { return nil }
                    localOffset = found
                }
                guard localOffset >= 0, localOffset + 30 <= b.count, u32(b, localOffset) == 0x0403_4B50 else { return nil }
                let dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28)
                guard dataOffset <= b.count else { return nil }
                return Located(method: method, dataOffset: dataOffset)
            }
            p = nameStart + nameLength + extraLength + commentLength
        }
        return nil
    }

    /// Entry count and offset of the central directory, from the (Zip64) end record.
    private static func centralDirectory(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 22 else { return nil }
        var end = b.count - 22
        let stop = max(0, b.count - 22 - 65_535)
        while end >= stop, u32(b, end) != 0x0605_4B50 { end -= 1 }
        guard end >= stop else { return nil }
        var count = u16(b, end + 10)
        var offset = u32(b, end + 16)
        if offset == 0xFFFF_FFFF || count == 0xFFFF, end >= 20, u32(b, end - 20) == 0x0706_4B50 {
            let record = u64(b, end - 20 + 8)
            if record >= 0, record + 56 <= b.count, u32(b, record) == 0x0606_4B50 {
                count = u64(b, record + 32)
                offset = u64(b, record + 48)
            }
        }
        guard count >= 0, offset >= 0 else { return nil }
        return (count, offset)
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) | Int(b[i + 1]) << 8
    }

    private static func u32(_ b: [UInt8], _ i: Int) -> Int {
        u16(b, i) | u16(b, i + 2) << 16
    }

    /// A 64-bit little-endian value, or -1 when it does not fit a file offset.
    private static func u64(_ b: [UInt8], _ i: Int) -> Int {
        let high = u32(b, i + 4)
        return high > 0x7FFF ? -1 : u32(b, i) | high << 32
    }
}
