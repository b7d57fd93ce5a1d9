/// A text cut left to right into the longest pieces a predicate accepts (a thesaurus word, a
/// string some task holds), with the characters between them as unmatched stretches. Greedy
/// longest-first, the way a dictionary segmenter reads a sentence.
public enum LongestMatch {
    public struct Span: Equatable, Sendable {
        public var text: String
        public var matched: Bool

        public init(text: String, matched: Bool) {
            self.text = text
            self.matched = matched
        }
    }

    /// The spans of `text`: accepted pieces of `lengths` characters, longest first at each
    /// position, and the unmatched stretches between them.
    public static func spans(in text: String, lengths: ClosedRange<Int>, accepts: (String) throws -> Bool) rethrows -> [Span] {
        let chars = Array(text)
        var out: [Span] = []
        var plain = ""
        var i = 0
        while i < chars.count {
            var found: String?
            let longest = min(chars.count - i, lengths.upperBound)
            if longest >= lengths.lowerBound {
                for length in stride(from: longest, through: lengths.lowerBound, by: -1) {
                    let candidate = String(chars[i..<(i + length)])
                    if try accepts(candidate) { found = candidate; break }
                }
            }
            if let found {
                if !plain.isEmpty { out.append(Span(text: plain, matched: false)); plain = "" }
                out.append(Span(text: found, matched: true))
                i += found.count
            } else {
                plain.append(chars[i])
                i += 1
            }
        }
        if !plain.isEmpty { out.append(Span(text: plain, matched: false)) }
        return out
    }
}
