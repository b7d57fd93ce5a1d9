import Foundation
import NoticeModel
import NoticeText

/// One way a notice writes a time limit: a pattern with named groups, and how a match becomes a
/// deadline. Finding (the pattern) and interpreting (`TimePoint`, `build`) stay two steps.
struct DeadlineRule: Sendable {
    /// What the rule reads, for tests and for `--explain`-style debugging.
    let name: String
    let pattern: TextPattern
    /// The deadline of a match, and the span of the key it claims (by default the whole match);
    /// nil when the match does not name a real time (13月, 2月30日).
    let build: @Sendable (TextPattern.Match, DeadlineContext) -> (claim: NSRange, deadline: Deadline)?

    init(_ name: String, _ pattern: String,
         build: @escaping @Sendable (TextPattern.Match, DeadlineContext) -> (claim: NSRange, deadline: Deadline)?) {
        self.name = name
        self.pattern = TextPattern(pattern)
        self.build = build
    }

    /// A rule whose deadline claims the whole match.
    init(_ name: String, _ pattern: String, whole: @escaping @Sendable (TextPattern.Match, DeadlineContext) -> Deadline?) {
        self.init(name, pattern) { m, c in whole(m, c).map { (m.range, $0) } }
    }
}

/// What a rule needs besides its match: the work year, the key it matched, the written text.
struct DeadlineContext {
    let year: Int?
    let key: String
    let written: NSString

    /// The written characters at a key range (the key keeps UTF-16 offsets).
    func original(_ r: NSRange) -> String { written.substring(with: r) }
    /// Up to `length` key characters right after a match.
    func after(_ m: TextPattern.Match, length: Int) -> String {
        let ns = key as NSString
        let start = m.range.location + m.range.length
        return ns.substring(with: NSRange(location: start, length: min(length, ns.length - start)))
    }
}
