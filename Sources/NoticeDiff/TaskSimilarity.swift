import Foundation
import NoticeModel
import NoticeText

/// How alike two tasks of the two notices are, from three kinds of evidence:
///
/// - text (weight 0.70): cosine of the TF-IDF vectors of the task texts (`TaskVectorizer`) with
///   unit names and responsibility labels taken out (those are the unit evidence);
/// - title (weight 0.15): cosine of the TF-IDF vectors of the task titles (the item's heading, or
///   its first sentence) — a reworded body under the same heading still pairs;
/// - units (weight 0.15): Jaccard overlap of the canonical lead and support units (responsible
///   ones too).
///
/// Evidence that is missing on either side (no title, no unit named) is not counted against the
/// pair: its weight goes to the text. The similarity is in [0, 1]; pairs below `threshold`
/// are not matched.
struct TaskSimilarity {
    static let textWeight = 0.70
    static let titleWeight = 0.15
    static let unitWeight = 0.15

    let oldText: [SparseVector]
    let newText: [SparseVector]
    let oldTitle: [SparseVector]
    let newTitle: [SparseVector]
    let oldUnits: [Set<String>]
    let newUnits: [Set<String>]

    init(old: [NoticeTask], new: [NoticeTask], units: UnitNames) {
        let forms = units.foldedForms
        var vectorizer = TaskVectorizer()
        for t in old + new { vectorizer.add(Self.content(t, unitForms: forms)) }
        let idf = vectorizer.idf()
        oldText = old.indices.map { vectorizer.vector($0, idf: idf) }
        newText = new.indices.map { vectorizer.vector(old.count + $0, idf: idf) }
        oldTitle = old.map { vectorizer.vector(of: $0.title, idf: idf) }
        newTitle = new.map { vectorizer.vector(of: $0.title, idf: idf) }
        func roles(_ t: NoticeTask) -> Set<String> { Set(units.canonical(t.lead + t.support + t.responsible)) }
        oldUnits = old.map(roles)
        newUnits = new.map(roles)
    }

    /// The combined similarity of old task `i` and new task `j`.
    func score(_ i: Int, _ j: Int) -> Double {
        let text = oldText[i].cosine(newText[j])
        var total = Self.textWeight * text
        var weight = Self.textWeight
        if !oldTitle[i].isEmpty, !newTitle[j].isEmpty {
            total += Self.titleWeight * oldTitle[i].cosine(newTitle[j])
            weight += Self.titleWeight
        }
        if !oldUnits[i].isEmpty, !newUnits[j].isEmpty {
            let shared = oldUnits[i].intersection(newUnits[j]).count
            total += Self.unitWeight * Double(shared) / Double(oldUnits[i].union(newUnits[j]).count)
            weight += Self.unitWeight
        }
        // Missing evidence counts as the text says.
        total += (1 - weight) * text
        return min(1, max(0, total))
    }

    /// The text of `task` with unit names and responsibility labels removed (folded, as the
    /// tokenizer folds anyway).
    static func content(_ task: NoticeTask, unitForms: [String]) -> String {
        var s = SearchFolding.key(task.text)
        for form in unitForms where !form.isEmpty && s.contains(form) { s = s.replacingOccurrences(of: form, with: "，") }
        for label in TaskWording.labels { s = s.replacingOccurrences(of: label, with: "，") }
        return s
    }
}
