import ArgumentParser
import Foundation
import NoticeIndex

/// Printing results: JSON, colour (only on a terminal without NO_COLOR) and display widths.
enum Output {
    /// Read once: the environment is copied into a dictionary each time it is asked for, and a
    /// listing styles every line.
    static let colour: Bool = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Standard output through C's buffered stream (flushed at exit, and at each line on a
    /// terminal): a write(2) per line was a tenth of listing 10,000 hits. `flush()` reports a
    /// failed write, which `Policydex.main` turns into an error.
    static func write(_ data: Data) {
        guard let standardOutput else { return lost = true }
        data.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, standardOutput) }
    }

    static func write(_ text: String) {
        guard let standardOutput else { return lost = true }
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, standardOutput) }
    }

    /// Sends what is buffered on its way (before a line on standard error, so `2>&1` keeps the
    /// order they were written in). False when a write failed: a full disk, a closed descriptor.
    @discardableResult
    static func flush() -> Bool {
        guard let standardOutput else { return !lost }
        return fflush(standardOutput) == 0 && ferror(standardOutput) == 0
    }

    /// A stream of our own on descriptor 1 (C's `stdout` is a global Swift 6 will not share);
    /// nil when descriptor 1 is closed. stdio locks the stream, so `serve`'s tasks may share it.
    nonisolated(unsafe) private static let standardOutput = fdopen(1, "w")
    /// Why the last `flush()` failed (read right after it).
    static var failure: String { standardOutput == nil ? "the descriptor is closed" : String(cString: strerror(errno)) }

    /// Something was to be written while descriptor 1 was closed.
    nonisolated(unsafe) private static var lost = false

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        write(data)
    }

    static func line(_ s: String = "") {
        write(terminalSafe(s) + "\n")
    }

    /// `s` without the control characters a notice may carry (ESC]0;…BEL retitles a terminal,
    /// ESC[2J clears it): C0 and C1 controls other than tab and newline go, and so does ESC
    /// unless it starts one of our own colour codes (only when colour is on).
    static func terminalSafe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) }) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u == "\u{1B}", colour, let end = sgrEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            if !isControl(u) { out.append(u) }
            i += 1
        }
        return String(out)
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n" && u != "\t") || (0x7F...0x9F).contains(u.value)
    }

    /// The index of the `m` ending a colour code `ESC [ digits ; … m` starting at `i`.
    private static func sgrEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        guard i + 2 < s.count, s[i + 1] == "[" else { return nil }
        var j = i + 2
        while j < s.count, ("0"..."9").contains(s[j]) || s[j] == ";" { j += 1 }
        return j < s.count && s[j] == "m" ? j : nil
    }

    static func style(_ s: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    static func bold(_ s: String) -> String { style(s, "1") }
    static func dim(_ s: String) -> String { style(s, "2") }

    /// Snippet markers: colour on a terminal, brackets otherwise.
    static var highlight: (open: String, close: String) {
        colour ? ("\u{1B}[1;31m", "\u{1B}[0m") : ("[", "]")
    }

    /// Columns a string takes on a terminal (East Asian wide characters count two).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: return n + 2
            default: return n + 1
            }
        }
    }

    static func pad(_ s: String, _ w: Int) -> String {
        s + String(repeating: " ", count: max(0, w - width(s)))
    }

    /// Prints rows as aligned columns under a bold header.
    static func table(_ header: [String], _ rows: [[String]]) {
        var widths = header.map(width)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        line(bold(zip(header, widths).map { pad($0, $1) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)))
        for r in rows { line(zip(r, widths).map { pad($0, $1) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)) }
    }

    static func list(_ names: [String]) -> String { names.joined(separator: "、") }

    static func pathText(_ path: [String]) -> String { path.joined(separator: " ") }

    /// Maps a library error to its one-line message and exit status 2.
    static func fail(_ error: Error) -> Error {
        switch error {
        case let e as QueryError: Terminal.error("query: \(e.description)")
        case let e as IndexError: Terminal.error(e.description)
        case let e as UserError: Terminal.error(e.description)
        default: Terminal.error("\(error)")
        }
        return ExitCode(2)
    }

    /// A short marker for hits beyond the exact tier: "≈ 燃气" (through an expansion), "~ related".
    static func tierMark(_ h: TaskHit) -> String {
        switch h.match {
        case "expanded"?: return dim("  ≈ " + (h.expanded ?? []).joined(separator: "、"))
        case "related"?: return dim("  ~ related")
        default: return ""
        }
    }

    /// "3 of 12 tasks" or, when related tasks were added, how the query was widened.
    static func summary(_ r: SearchResult) -> String {
        let exact = r.hits.filter { $0.match == "exact" || $0.match == nil }.count
        guard r.hits.count > exact else { return "\(r.hits.count) of \(r.total) tasks" }
        let head = r.exactTotal == 0 ? "no task contains the query as written" : "\(exact) of \(r.exactTotal) tasks contain the query"
        return head + "; \(r.hits.count - exact) related"
            + (r.widened.isEmpty ? "" : " (widened to " + r.widened.joined(separator: "、") + ")")
    }

    /// "2023 · 渝北区卫生健康系统平安法治建设工作实施方案": the notice a search answer comes from.
    static func noticeLine(_ h: TaskHit) -> String? {
        guard h.match != nil, h.year != nil || h.noticeTitle != nil else { return nil }
        return [h.year.map(String.init), h.noticeTitle, h.earlier ? "(earlier edition)" : nil].compactMap { $0 }.joined(separator: " · ")
    }
}
