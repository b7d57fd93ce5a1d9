/// Finds or replaces every occurrence of a fixed set of phrases (unit names, label words, topic
/// terms) in one left-to-right pass, the longest phrase winning at each position. A diff erases a
/// few hundred unit forms from every task and finds the thesaurus's terms in it; one
/// `replacingOccurrences` per form, or one dictionary probe per substring, was most of a large
/// diff's time.
struct PhraseScanner: Sendable {
    /// Phrases by their first scalar, longest first.
    private let byFirst: [Unicode.Scalar: [[Unicode.Scalar]]]

    init(_ phrases: [String]) {
        var map: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for p in Set(phrases) where !p.isEmpty {
            let scalars = Array(p.unicodeScalars)
            map[scalars[0], default: []].append(scalars)
        }
        byFirst = map.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// `text` with each phrase replaced by `replacement`, scanning left to right.
    func erase(_ text: String, with replacement: String = "") -> String {
        var out = String.UnicodeScalarView()
        scan(text, found: { _ in out.append(contentsOf: replacement.unicodeScalars) }, other: { out.append($0) })
        return String(out)
    }

    /// The phrases in `text`, left to right, the longest at each position.
    func phrases(in text: String) -> [String] {
        var out: [String] = []
        scan(text, found: { out.append(String(String.UnicodeScalarView($0))) }, other: { _ in })
        return out
    }

    private func scan(_ text: String, found: ([Unicode.Scalar]) -> Void, other: (Unicode.Scalar) -> Void) {
        let s = Array(text.unicodeScalars)
        var i = 0
        next: while i < s.count {
            if let candidates = byFirst[s[i]] {
                for p in candidates where i + p.count <= s.count {
                    var k = 1
                    while k < p.count && s[i + k] == p[k] { k += 1 }
                    if k == p.count {
                        found(p)
                        i += p.count
                        continue next
                    }
                }
            }
            other(s[i])
            i += 1
        }
    }
}
