/// A word-level diff of two task texts: runs of kept, deleted and inserted words, in order.
public struct TextDiff: Codable, Sendable, Hashable {
    public enum Operation: String, Codable, Sendable, Hashable {
        case equal = "="
        case delete = "-"
        case insert = "+"
    }

    /// One run of words with the same operation.
    public struct Edit: Codable, Sendable, Hashable {
        public var op: Operation
        public var text: String

        public init(op: Operation, text: String) {
            self.op = op
            self.text = text
        }
    }

    public var edits: [Edit]

    public init(edits: [Edit]) {
        self.edits = edits
    }

    /// The diff as one string, wdiff style: deletions as `[-old-]`, insertions as `{+new+}`.
    public var marked: String {
        marked(delete: ("[-", "-]"), insert: ("{+", "+}"))
    }

    /// The diff as one string with the given markers around deletions and insertions.
    public func marked(delete: (String, String), insert: (String, String)) -> String {
        var out = ""
        for e in edits {
            switch e.op {
            case .equal: out += e.text
            case .delete: out += delete.0 + e.text + delete.1
            case .insert: out += insert.0 + e.text + insert.1
            }
        }
        return out
    }

    /// The old text (kept and deleted runs).
    public var oldText: String { edits.filter { $0.op != .insert }.map(\.text).joined() }
    /// The new text (kept and inserted runs).
    public var newText: String { edits.filter { $0.op != .delete }.map(\.text).joined() }
    /// True when some run is inserted or deleted.
    public var hasChanges: Bool { edits.contains { $0.op != .equal } }

    enum CodingKeys: String, CodingKey { case edits, marked }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        edits = try c.decode([Edit].self, forKey: .edits)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(marked, forKey: .marked)
        try c.encode(edits, forKey: .edits)
    }
}

extension TextDiff {
    /// The diff with long unchanged runs shortened to `context` characters on each side of an
    /// edit (… in between), for reports.
    public func abridged(context: Int = 12) -> TextDiff {
        var out: [Edit] = []
        for (k, e) in edits.enumerated() {
            guard e.op == .equal, e.text.count > 2 * context + 1 else {
                out.append(e)
                continue
            }
            let first = k == 0, last = k == edits.count - 1
            let head = first ? "" : String(e.text.prefix(context))
            let tail = last ? "" : String(e.text.suffix(context))
            out.append(Edit(op: .equal, text: head + "…" + tail))
        }
        return TextDiff(edits: out)
    }
}
