import Foundation
import NoticeText

/// One form of a rule table: a name (for tests and for reading why something was found), a
/// pattern with named groups, and how a match becomes a result. `build` returns the result and the
/// span it claims (by default the whole match); later rules in a table cannot match over a claimed
/// span, so a table's order is its precedence. Deadline and metric forms are both tables of these.
struct PatternRule<Context, Result>: Sendable {
    let name: String
    let pattern: TextPattern
    /// nil when the match is no real instance (13月, a rule's parameter).
    let build: @Sendable (TextPattern.Match, Context) -> (claim: NSRange, result: Result)?

    /// `needs`: characters of which every match holds one (`TextPattern.needsAny`): a text
    /// without any is not searched.
    init(_ name: String, _ pattern: String, needs: String = "",
         build: @escaping @Sendable (TextPattern.Match, Context) -> (claim: NSRange, result: Result)?) {
        self.init(name, TextPattern(pattern, needsAny: needs), build: build)
    }

    /// A rule over a pattern compiled elsewhere (shared with a test outside the table).
    init(_ name: String, _ pattern: TextPattern,
         build: @escaping @Sendable (TextPattern.Match, Context) -> (claim: NSRange, result: Result)?) {
        self.name = name
        self.pattern = pattern
        self.build = build
    }

    /// A rule whose result claims the whole match.
    init(_ name: String, _ pattern: String, needs: String = "", whole: @escaping @Sendable (TextPattern.Match, Context) -> Result?) {
        self.init(name, pattern, needs: needs) { m, c in whole(m, c).map { (m.range, $0) } }
    }
}
