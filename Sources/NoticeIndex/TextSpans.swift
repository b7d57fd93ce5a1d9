import Foundation
import NoticeText

/// A text the index keeps as pieces of its notice's stored text (`StoredText`) instead of a copy:
/// a task's text, a task's title and a notice's context paragraphs are lines of the notice (a
/// task's lines joined, its number left out), so at 10,000 notices the 140 MB of copies become
/// about 8 MB of byte ranges. A piece the notice does not hold (rare: a separator the outline
/// added) is kept literally, so any text round-trips exactly.
///
/// Encoding, piece after piece: a varint `h`; `h` even: a copy of as many bytes as the varint that
/// follows says, starting at byte offset `h >> 1` of the source; `h` odd: `h >> 1` literal bytes follow.
enum TextSpans {
    /// Copies shorter than this are written literally: a copy's two varints take 3–5 bytes.
    static let shortestCopy = 6
    /// The first needle looked for: long enough to land on the right line, not just the same word.
    static let longNeedle = 30

    /// `text` as pieces of `source` (UTF-8), looked for first in `region` (the byte range of the
    /// lines it came from), then anywhere in `source`.
    static func encode(_ text: String, source: UnsafeBufferPointer<UInt8>, near region: Range<Int>? = nil) -> Data {
        var out = Data()
        ByteSearch.withBytes(of: text) { t in
            var literal: Range<Int>?
            func flushLiteral() {
                guard let l = literal else { return }
                appendVarint(UInt64(l.count) << 1 | 1, to: &out)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[l]))
                literal = nil
            }
            let region = region.map { $0.clamped(to: 0..<source.count) } ?? 0..<source.count
            var cursor = region.lowerBound
            var searchWhole = region != 0..<source.count
            var p = 0
            while p < t.count {
                if let (at, length) = longestCopy(of: t, from: p, in: source, cursor: cursor, region: region, searchWhole: &searchWhole) {
                    flushLiteral()
                    appendVarint(UInt64(at) << 1, to: &out)
                    appendVarint(UInt64(length), to: &out)
                    p += length
                    cursor = at + length
                } else {
                    // One whole character, kept literally.
                    var n = 1
                    while p + n < t.count, t[p + n] & 0xC0 == 0x80 { n += 1 }
                    literal = (literal?.lowerBound ?? p)..<(p + n)
                    p += n
                }
            }
            flushLiteral()
        }
        return out
    }

    /// Where in `source` the bytes of `t` from `p` on continue, and for how many bytes: searched
    /// from the cursor to the region's end, then the whole region, then (once per text: a text
    /// the notice does not hold must not cost a scan of the whole notice per character) the whole
    /// source. Nil when fewer than `shortestCopy` bytes match.
    private static func longestCopy(of t: UnsafeBufferPointer<UInt8>, from p: Int, in source: UnsafeBufferPointer<UInt8>,
                                    cursor: Int, region: Range<Int>, searchWhole: inout Bool) -> (Int, Int)? {
        guard t.count - p >= shortestCopy else { return nil }
        func find(_ needleLength: Int, in range: Range<Int>) -> Int? {
            guard range.count >= needleLength else { return nil }
            let needle = UnsafeBufferPointer(rebasing: t[p..<(p + needleLength)])
            return ByteSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: source[range]), from: 0)
                .map { $0 + range.lowerBound }
        }
        var ranges = [min(cursor, region.upperBound)..<region.upperBound, region]
        if searchWhole { ranges.append(0..<source.count) }
        let long = min(longNeedle, t.count - p)
        for needleLength in long > shortestCopy ? [long, shortestCopy] : [shortestCopy] {
            for range in ranges {
                if let at = find(needleLength, in: range) {
                    var length = needleLength
                    while p + length < t.count, at + length < source.count, t[p + length] == source[at + length] { length += 1 }
                    return (at, length)
                }
            }
        }
        searchWhole = false
        return nil
    }

    /// The text `spans` encode; `source` is asked for only when a piece copies from it, with the
    /// length of the source's prefix the pieces copy from (`extent`). Nil when the pieces do not
    /// fit the source (a damaged row, or no stored text).
    static func decode(_ spans: UnsafeRawBufferPointer, source: (Int) -> Data?) -> String? {
        var bytes: [UInt8] = []
        var i = 0
        var loaded: Data??
        while i < spans.count {
            guard let h = readVarint(spans, &i) else { return nil }
            if h & 1 == 1 {
                guard h >> 1 <= UInt64(spans.count - i) else { return nil }
                let n = Int(h >> 1)
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: spans[i..<(i + n)]))
                i += n
            } else {
                guard let n = readVarint(spans, &i) else { return nil }
                if loaded == nil { loaded = .some(source(extent(spans))) }
                guard let s = loaded!, h >> 1 <= UInt64(s.count), n <= UInt64(s.count) - h >> 1 else { return nil }
                let at = Int(h >> 1)
                s.withUnsafeBytes { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[at..<(at + Int(n))])) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func extent(_ spans: Data) -> Int { spans.withUnsafeBytes { extent($0) } }

    /// How much of the source the copies of `spans` reach: the end of the furthest one (0 when
    /// none, or the pieces are damaged: the decoder then finds out itself).
    static func extent(_ spans: UnsafeRawBufferPointer) -> Int {
        var i = 0, end: UInt64 = 0
        while i < spans.count, let h = readVarint(spans, &i) {
            if h & 1 == 1 {
                guard h >> 1 <= UInt64(spans.count - i) else { return 0 }
                i += Int(h >> 1)
            } else {
                guard let n = readVarint(spans, &i), n <= UInt64(Int.max) - h >> 1 else { return 0 }
                end = max(end, h >> 1 + n)
            }
        }
        return end <= UInt64(Int.max) ? Int(end) : 0
    }

    static func appendVarint(_ value: UInt64, to out: inout Data) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func readVarint(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while i < bytes.count, shift < 64 {
            let b = bytes[i]
            i += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
