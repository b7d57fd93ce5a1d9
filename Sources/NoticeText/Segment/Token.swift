/// One token of a text: its folded form and the UTF-8 byte range it covers in the original text.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    /// Folded text (Simplified, half-width, lower case).
    public var text: String
    /// UTF-8 byte offsets into the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// True when the token shares the position of the token before it (an ICU word beside the
    /// bigram it starts at, a run's last character beside the last bigram).
    public var colocated: Bool

    public init(text: String, start: Int, end: Int, colocated: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.colocated = colocated
    }

    /// The marker a document gets where a CJK run starts (it holds no text of its own).
    public static let marker = "\u{F8FF}"

    /// True for the run marker.
    public var isMarker: Bool { text == Self.marker }

    /// A token that only serves the index's own queries: the run marker, or a later start of a
    /// letter/digit run (colocated and not CJK). The run itself is the term a reader sees.
    public var isIndexOnly: Bool {
        isMarker || (colocated && !text.unicodeScalars.contains { Tokenizer.isCJK($0.value) })
    }

    public var description: String { "\(text)@\(start)..<\(end)\(colocated ? "+" : "")" }
}
