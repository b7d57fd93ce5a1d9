import NoticeText

/// Word-level diff of two texts: both are split at ICU word boundaries (punctuation and spaces
/// are tokens too, so the runs rebuild the texts exactly), words are compared in their folded
/// form (Traditional → Simplified, full-width → ASCII), and a longest common subsequence of the
/// tokens decides what was kept. Not thread-safe (one ICU breaker): use one per thread.
public final class WordDiff {
    private let breaker = WordBreaker()

    public init() {}

    /// The diff turning `old` into `new`.
    public func diff(_ old: String, _ new: String) -> TextDiff {
        let a = tokens(old), b = tokens(new)
        return TextDiff(edits: Self.edits(a, b))
    }

    /// The ICU word tokens of `s`: (folded key, original text); together they spell `s`.
    func tokens(_ s: String) -> [(key: String, text: String)] {
        let original = s.utf16Units
        var folded = original
        SearchFolding.fold(&folded)
        var out: [(key: String, text: String)] = []
        folded.withUnsafeBufferPointer { buf in
            var last = 0
            breaker.segments(of: buf) { start, end, _ in
                if start > last {   // a gap ICU did not report: keep it as one token
                    out.append((String(decoding: buf[last..<start], as: UTF16.self),
                                String(decoding: original[last..<start], as: UTF16.self)))
                }
                out.append((String(decoding: buf[start..<end], as: UTF16.self),
                            String(decoding: original[start..<end], as: UTF16.self)))
                last = end
            }
            if last < buf.count {
                out.append((String(decoding: buf[last...], as: UTF16.self),
                            String(decoding: original[last...], as: UTF16.self)))
            }
        }
        return out
    }

    /// LCS over the token keys (common prefix and suffix trimmed first); within a changed stretch
    /// deletions come before insertions; adjacent runs of the same operation are joined.
    static func edits(_ a: [(key: String, text: String)], _ b: [(key: String, text: String)]) -> [TextDiff.Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix].key == b[prefix].key { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix].key == b[b.count - 1 - suffix].key { suffix += 1 }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var ops: [(TextDiff.Operation, String)] = []
        ops.reserveCapacity(a.count + b.count)
        for i in 0..<prefix { ops.append((.equal, a[i].text)) }
        if n > 0 || m > 0 {
            // Interned keys: Int comparisons in the table loop.
            var ids: [String: Int] = [:]
            let ka = (0..<n).map { i -> Int in
                let k = a[prefix + i].key
                if let id = ids[k] { return id }
                ids[k] = ids.count
                return ids.count - 1
            }
            let kb = (0..<m).map { j -> Int in
                let k = b[prefix + j].key
                if let id = ids[k] { return id }
                ids[k] = ids.count
                return ids.count - 1
            }
            // lcs[i][j]: LCS length of a[i...] and b[j...], row-major (n+1)×(m+1).
            let w = m + 1
            var lcs = [Int32](repeating: 0, count: (n + 1) * w)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lcs[i * w + j] = ka[i] == kb[j] ? lcs[(i + 1) * w + j + 1] + 1
                            : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
                    }
                }
            }
            var i = 0, j = 0
            var deleted: [String] = [], inserted: [String] = []
            func flush() {
                if !deleted.isEmpty { ops.append((.delete, deleted.joined())); deleted.removeAll() }
                if !inserted.isEmpty { ops.append((.insert, inserted.joined())); inserted.removeAll() }
            }
            while i < n || j < m {
                if i < n, j < m, ka[i] == kb[j] {
                    flush()
                    ops.append((.equal, a[prefix + i].text))
                    i += 1
                    j += 1
                } else if j == m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
                    deleted.append(a[prefix + i].text)
                    i += 1
                } else {
                    inserted.append(b[prefix + j].text)
                    j += 1
                }
            }
            flush()
        }
        for i in (a.count - suffix)..<a.count { ops.append((.equal, a[i].text)) }
        var out: [TextDiff.Edit] = []
        for (op, text) in ops where !text.isEmpty {
            if let last = out.last, last.op == op {
                out[out.count - 1].text += text
            } else {
                out.append(TextDiff.Edit(op: op, text: text))
            }
        }
        return out
    }
}
