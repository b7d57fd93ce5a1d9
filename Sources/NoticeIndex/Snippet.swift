/// A window of a task's text around its first match, every match inside marked. Works on UTF-16
/// units: the folded key has exactly the units of the text, so positions found in the key mark
/// the original characters.
enum Snippet {
    static func make(text: String, key: String, parts: [String], open: String, close: String,
                     before: Int = 24, width: Int = 90) -> String {
        let t = text.utf16Units, k = key.utf16Units
        guard t.count == k.count else { return String(text.prefix(width)) }
        var marks = [Bool](repeating: false, count: t.count)
        var first = Int.max
        for part in parts {
            let p = part.utf16Units
            guard !p.isEmpty, p.count <= k.count else { continue }
            var i = 0
            while i + p.count <= k.count {
                if k[i] == p[0], Array(k[i..<(i + p.count)]) == p {
                    for j in i..<(i + p.count) { marks[j] = true }
                    first = min(first, i)
                    i += p.count
                } else {
                    i += 1
                }
            }
        }
        var start = first == .max ? 0 : max(0, first - before)
        var end = min(t.count, start + width)
        if end - start < width { start = max(0, end - width) }
        // Never cut a surrogate pair.
        if start > 0, t[start] >= 0xDC00, t[start] < 0xE000 { start -= 1 }
        if end < t.count, t[end] >= 0xDC00, t[end] < 0xE000 { end += 1 }
        var out = start > 0 ? "…" : ""
        var run: [UInt16] = []
        var inMark = false
        func flush() {
            out += String(utf16Units: run)
            run.removeAll()
        }
        for i in start..<end {
            if marks[i] != inMark {
                flush()
                out += marks[i] ? open : close
                inMark = marks[i]
            }
            run.append(t[i])
        }
        flush()
        if inMark { out += close }
        if end < t.count { out += "…" }
        return out
    }
}
