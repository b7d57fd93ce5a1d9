import Foundation

/// A compiled regular expression with String-friendly results. Patterns are ICU regex syntax;
/// all offsets are UTF-16 (NSRange), so a match on a folding key maps onto the original text
/// whenever the key preserves UTF-16 length (see `TextFolding.simplifiedKey`).
public struct TextPattern: @unchecked Sendable {
    public let regex: NSRegularExpression

    public init(_ pattern: String, caseInsensitive: Bool = false) {
        // Patterns are literals in this code base: a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    public struct Match {
        public let ranges: [NSRange]
        let source: NSString
        /// Capture group `i` (0 = whole match), nil when it did not take part.
        public func group(_ i: Int) -> String? {
            guard i < ranges.count, ranges[i].location != NSNotFound else { return nil }
            return source.substring(with: ranges[i])
        }
        public var range: NSRange { ranges[0] }
        public var text: String { group(0) ?? "" }
    }

    public func matches(in text: String, range: NSRange? = nil) -> [Match] {
        let ns = text as NSString
        let r = range ?? NSRange(location: 0, length: ns.length)
        return regex.matches(in: text, options: [], range: r).map { m in
            Match(ranges: (0..<m.numberOfRanges).map { m.range(at: $0) }, source: ns)
        }
    }

    /// The first match in `range`; `anchored` requires it to start at the range's start (and
    /// keeps a failed search from scanning the rest of the text).
    public func firstMatch(in text: String, range: NSRange? = nil, anchored: Bool = false) -> Match? {
        let ns = text as NSString
        let r = range ?? NSRange(location: 0, length: ns.length)
        guard let m = regex.firstMatch(in: text, options: anchored ? [.anchored] : [], range: r) else { return nil }
        return Match(ranges: (0..<m.numberOfRanges).map { m.range(at: $0) }, source: ns)
    }

    public func matchesWhole(_ text: String) -> Bool {
        guard let m = firstMatch(in: text) else { return false }
        return m.range.location == 0 && m.range.length == (text as NSString).length
    }

    public func contains(in text: String) -> Bool {
        let ns = text as NSString
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }
}
