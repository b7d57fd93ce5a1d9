import CICU
import Foundation

/// A compiled ICU regular expression run directly over a UTF-16 copy of the text (through CICU),
/// with String-friendly results. All offsets are UTF-16 (NSRange), so a match on a folding key
/// maps onto the original text whenever the key preserves UTF-16 length
/// (see `TextFolding.simplifiedKey`).
public final class TextPattern: @unchecked Sendable {
    private let compiled: OpaquePointer
    /// One matcher per thread that uses the pattern: ICU matchers carry state.
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    public init(_ pattern: String, caseInsensitive: Bool = false) {
        let units = Array(pattern.utf16)
        // Patterns are literals in this code base (or escaped names): a bad one is a programming error.
        guard let re = cicu_regex_open(units, Int32(units.count), caseInsensitive ? 1 : 0) else {
            preconditionFailure("invalid regular expression: \(pattern)")
        }
        compiled = re
    }

    deinit {
        cicu_regex_close(compiled)
        for m in idle { cicu_regex_close(m) }
    }

    public struct Match {
        public let ranges: [NSRange]
        let source: [UInt16]
        /// Capture group `i` (0 = whole match), nil when it did not take part.
        public func group(_ i: Int) -> String? {
            guard i < ranges.count, ranges[i].location != NSNotFound else { return nil }
            let r = ranges[i]
            return String(decoding: source[r.location..<(r.location + r.length)], as: UTF16.self)
        }
        public var range: NSRange { ranges[0] }
        public var text: String { group(0) ?? "" }
    }

    private func withMatcher<T>(_ body: (OpaquePointer) -> T) -> T {
        lock.lock()
        let m = idle.popLast() ?? cicu_regex_clone(compiled)!
        lock.unlock()
        defer {
            lock.lock()
            idle.append(m)
            lock.unlock()
        }
        return body(m)
    }

    private func scan(_ text: String, range: NSRange?, anchored: Bool, limit: Int) -> [Match] {
        let units = Array(text.utf16)
        let r = range ?? NSRange(location: 0, length: units.count)
        return units.withUnsafeBufferPointer { buf -> [Match] in
            withMatcher { m in
                guard cicu_regex_set_text(m, buf.baseAddress, Int32(buf.count), Int32(r.location),
                                          Int32(r.location + r.length)) == 0 else { return [] }
                let groups = Int(cicu_regex_group_count(m))
                var out: [Match] = []
                while out.count < limit {
                    let found = anchored ? cicu_regex_looking_at(m) : cicu_regex_find_next(m)
                    guard found == 1 else { break }
                    var ranges: [NSRange] = []
                    ranges.reserveCapacity(groups + 1)
                    for g in 0...groups {
                        var s: Int32 = -1, e: Int32 = -1
                        cicu_regex_group(m, Int32(g), &s, &e)
                        ranges.append(s < 0 ? NSRange(location: NSNotFound, length: 0)
                                            : NSRange(location: Int(s), length: Int(e - s)))
                    }
                    out.append(Match(ranges: ranges, source: units))
                    if anchored { break }
                }
                return out
            }
        }
    }

    public func matches(in text: String, range: NSRange? = nil) -> [Match] {
        scan(text, range: range, anchored: false, limit: .max)
    }

    /// The first match in `range`; `anchored` requires it to start at the range's start (and
    /// keeps a failed search from scanning the rest of the text).
    public func firstMatch(in text: String, range: NSRange? = nil, anchored: Bool = false) -> Match? {
        scan(text, range: range, anchored: anchored, limit: 1).first
    }

    public func matchesWhole(_ text: String) -> Bool {
        guard let m = firstMatch(in: text) else { return false }
        return m.range.location == 0 && m.range.length == text.utf16.count
    }

    public func contains(in text: String) -> Bool {
        firstMatch(in: text) != nil
    }
}
