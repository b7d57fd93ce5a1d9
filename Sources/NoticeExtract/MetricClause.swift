import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// A clause (text between 。；，, and brackets) as the rules see it: its key, the period word
/// nearest before a position, and what earlier rules found in it.
struct MetricClause {
    let text: String
    /// The clause as written (Traditional stays Traditional): counters are copied from it.
    let written: String
    let periodWords: [TextPattern.Match]
    var found: [Metric] = []

    init(_ text: String, written: String, periodPattern: TextPattern) {
        self.text = text
        self.written = written
        periodWords = periodPattern.matches(in: text)
    }

    /// The counter of a match as written (公裏, 萬戶 in a Traditional notice).
    func unit(_ m: TextPattern.Match) -> String? {
        let r = m.range(named: "unit")
        guard r.location != NSNotFound else { return nil }
        return written.substring(utf16: r)
    }

    /// The period word (每年, 每季度, 年内 …) nearest before `location`.
    func period(before location: Int) -> Deadline.Period? {
        guard let w = periodWords.last(where: { $0.range.location <= location }) else { return nil }
        return GenreVocabulary.periodWords.first { $0.word == w.text }?.period
    }

    func substring(_ r: NSRange) -> String { text.substring(utf16: r) }
    var length: Int { (text as NSString).length }
}
