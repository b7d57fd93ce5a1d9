import Foundation

/// Small helpers every decoder shares: line-ending normalization, blank-line tidying, cell joining.
enum TextLines {
    /// Replaces "\r\n" and lone "\r" with "\n"; leaves everything else untouched.
    static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 13 {
                out.append(10)
                previousWasCR = true
            } else {
                if !(byte == 10 && previousWasCR) { out.append(byte) }
                previousWasCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Joins generated lines: trailing spaces trimmed (tabs kept: they separate table cells), runs of blank lines collapsed to one,
    /// no blank lines at the start or the end.
    static func joinGenerated(_ lines: [String]) -> String {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            let trimmed = trimTrailingSpaces(line)
            if trimmed.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out.append(trimmed)
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// Joins the paragraphs of one table cell with "，" (no comma after a piece that already ends in
    /// punctuation); tabs and line breaks inside a cell become spaces so rows stay tab-separated.
    static func joinCell(_ pieces: [String]) -> String {
        var result = ""
        for raw in pieces {
            let piece = collapseSpaces(raw.replacingOccurrences(of: "\t", with: " ")
                .replacingOccurrences(of: "\n", with: " "))
            if piece.isEmpty { continue }
            if let last = result.last, !cellSeparators.contains(last) { result.append("，") }
            result += piece
        }
        return result
    }

    /// Punctuation after which cell paragraphs are joined without an extra "，".
    private static let cellSeparators: Set<Character> = ["，", "。", "；", "：", "、", "！", "？", ",", ";", ":"]

    /// Collapses runs of spaces (and NBSP) to one space and trims both ends.
    static func collapseSpaces(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{A0}" || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars
        while let last = scalars.last, last == " " || last == "\u{A0}" {
            scalars.removeLast()
        }
        return String(scalars)
    }

    /// One-line form of a message part (tool output, parser errors).
    static func oneLine(_ text: String, limit: Int = 200) -> String {
        let joined = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
        return joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
    }
}
