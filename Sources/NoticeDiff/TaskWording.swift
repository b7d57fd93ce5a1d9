import Foundation
import NoticeModel
import NoticeText
import NoticeVocabulary

/// The wording of a task with what other change labels already cover taken out — unit names and
/// responsibility labels (`lead`/`support`/`responsible`), time limits (`deadline`), targets
/// (`metric`) — and the work year written as a placeholder, so that "2024年" in a 2024 notice
/// and "2025年" in a 2025 one read the same. Two tasks whose keys are equal have the same text.
enum TaskWording {
    /// Words that only label a responsibility annotation.
    static let labels: [String] = {
        // Every label word the vocabulary composes (stem + body), the verbal duty words, longest first.
        var words: [String] = []
        for entry in GenreVocabulary.labelStems {
            words += GenreVocabulary.labelBodies.map { entry.stem + $0 }
            if !entry.needsBody { words.append(entry.stem) }
        }
        words += GenreVocabulary.labelStems.map { "主要" + $0.stem + "单位" }
        words += GenreVocabulary.sharedDutyVerbs + GenreVocabulary.leadVerbs + ["由牵头", "配合"]
        return Array(Set(words)).sorted { $0.count > $1.count }
    }()

    /// Words around a time limit or a target that belong to it: "2024年6月底前完成" written in the
    /// text one year and as a table's 完成时限 cell the next; the period of a target (每季度 →
    /// 每月 is a `metric` change).
    static let timeWords = (GenreVocabulary.timeFields + ["完成"] + GenreVocabulary.periodWords.map(\.word).filter { $0.hasPrefix("每") })
        .sorted { $0.count > $1.count }

    static let labelAndTimeWords = PhraseScanner(labels + timeWords)

    /// The comparison key of `task`'s text. `unitForms`: folded unit names and aliases, longest first.
    static func key(_ task: NoticeTask, unitForms: [String], year: Int?) -> String {
        var s = squeeze(SearchFolding.key(task.text))
        let fragments = (task.deadlines.map(\.text) + task.metrics.map(\.text))
            .map { squeeze(SearchFolding.key($0)) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        for f in fragments { s = s.replacingOccurrences(of: f, with: "") }
        s = PhraseScanner(unitForms).erase(s)
        s = labelAndTimeWords.erase(s)
        if let year {
            for (offset, mark) in [(0, "Y"), (-1, "Y-1"), (1, "Y+1")] {
                s = s.replacingOccurrences(of: "\(year + offset)年", with: mark + "年")
            }
        }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where Tokenizer.isCJK(u.value) || Tokenizer.isWordScalar(u.value) || u == "-" || u == "+" {
            out.append(u)
        }
        return String(out)
    }

    /// `s` without whitespace.
    static func squeeze(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
