import Foundation

/// Collects rendered HTML text as lines, collapsing whitespace the way a browser does
/// (except inside `<pre>`).
final class HTMLLineSink {
    private(set) var lines: [String] = []
    private var current = ""
    private var pendingSpace = false

    /// Appends text whose entities are already decoded.
    func append(_ text: String, preformatted: Bool) {
        if preformatted {
            for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { breakLine(force: true) }
                flushPendingSpace()
                current += piece.replacingOccurrences(of: "\u{A0}", with: " ")
            }
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}":
                if !current.isEmpty { pendingSpace = true }
            default:
                flushPendingSpace()
                current.unicodeScalars.append(scalar)
            }
        }
    }

    private func flushPendingSpace() {
        if pendingSpace, !current.isEmpty { current.append(" ") }
        pendingSpace = false
    }

    /// Ends the current line. Without `force` an empty line is not emitted (block boundaries);
    /// with it (`<br>`) an empty line is.
    func breakLine(force: Bool = false) {
        pendingSpace = false
        if !current.isEmpty || force {
            lines.append(current)
            current = ""
        }
    }

    /// Adds finished lines (a rendered table) as their own lines.
    func appendLines(_ more: [String]) {
        breakLine()
        lines.append(contentsOf: more)
    }

    /// All lines, the unfinished one included.
    func finish() -> [String] {
        breakLine()
        return lines
    }
}
