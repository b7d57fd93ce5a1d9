/// Replaces every occurrence of a fixed set of phrases (unit names, label words) in one pass,
/// the longest phrase winning at each position. A diff erases a few hundred unit forms from every
/// task; one `replacingOccurrences` per form was most of a large diff's time.
struct PhraseEraser: Sendable {
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
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        scan: while i < s.count {
            if let candidates = byFirst[s[i]] {
                for p in candidates where i + p.count <= s.count {
                    var k = 1
                    while k < p.count && s[i + k] == p[k] { k += 1 }
                    if k == p.count {
                        out.append(contentsOf: replacement.unicodeScalars)
                        i += p.count
                        continue scan
                    }
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}
