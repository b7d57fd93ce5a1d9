import Foundation
import NoticeModel
import NoticeText

/// How alike two tasks of the two notices are, from three kinds of evidence:
///
/// - text (weight 0.60): cosine of the TF-IDF vectors of the task texts (`TaskVectorizer`) with
///   unit names and responsibility labels taken out (those are the unit evidence), weighted over
///   the whole index when a `TermBackground` is given, thesaurus topics counted as terms;
/// - topics (weight 0.20): cosine of the thesaurus topics alone (严重精神障碍患者, 反诈 …);
/// - title (weight 0.10): cosine of the TF-IDF vectors of the task titles (the item's heading, or
///   its first sentence) — a reworded body under the same heading still pairs;
/// - units (weight 0.10): Jaccard overlap of the canonical lead, support and responsible units;
///   when either notice names no unit in any role, the units their texts imply (inferred).
///
/// Evidence that is missing on either side (no title, no unit named) is not counted against the
/// pair: its weight goes to the text. The similarity is in [0, 1]; pairs below `threshold`
/// are not matched.
struct TaskSimilarity {
    static let textWeight = 0.60
    static let titleWeight = 0.10
    static let unitWeight = 0.10
    static let topicWeight = 0.20

    let oldText: [SparseVector]
    let newText: [SparseVector]
    let oldTitle: [SparseVector]
    let newTitle: [SparseVector]
    /// The thesaurus topics of each task alone (a reworded task keeps its topics).
    let oldTopics: [SparseVector]
    let newTopics: [SparseVector]
    let oldUnits: [Set<String>]
    let newUnits: [Set<String>]

    /// The term of each vector id (for explaining a pair by the terms it shares).
    let terms: [String]

    init(old: [NoticeTask], new: [NoticeTask], units: UnitNames, rolesComparable: Bool = true,
         background: (([String]) -> TermBackground?)? = nil, topics: TopicTerms = .bundled) {
        let unitForms = PhraseScanner(units.foldedForms)
        var vectorizer = TaskVectorizer(topics: topics)
        for t in old + new { vectorizer.add(Self.content(t, unitForms: unitForms)) }
        let idf = vectorizer.idf(background: background?(vectorizer.tokenTerms))
        let oldVectors = old.indices.map { vectorizer.vectors($0, idf: idf) }
        let newVectors = new.indices.map { vectorizer.vectors(old.count + $0, idf: idf) }
        oldText = oldVectors.map(\.words)
        newText = newVectors.map(\.words)
        oldTopics = oldVectors.map(\.topics)
        newTopics = newVectors.map(\.topics)
        oldTitle = old.map { vectorizer.vectors(of: $0.title, idf: idf).words }
        newTitle = new.map { vectorizer.vectors(of: $0.title, idf: idf).words }
        terms = vectorizer.terms
        // A notice that names no unit in any role is compared by the units its text implies.
        func evidence(_ t: NoticeTask) -> Set<String> {
            Set(units.canonical(rolesComparable ? t.lead + t.support + t.responsible : t.inferred))
        }
        oldUnits = old.map(evidence)
        newUnits = new.map(evidence)
    }

    /// The heaviest terms old task `i` and new task `j` share, topics and words before character pairs.
    func sharedTerms(_ i: Int, _ j: Int, limit: Int = 5) -> [String] {
        var shared: [(term: String, weight: Double)] = []
        for (a, b) in [(oldTopics[i], newTopics[j]), (oldText[i], newText[j])] {
            a.forEachShared(with: b) { id, mine, theirs in shared.append((terms[Int(id)], mine * theirs)) }
        }
        func rank(_ t: String) -> Int { t.hasPrefix(TaskVectorizer.topicPrefix) ? 0 : t.count >= 3 ? 1 : 2 }
        var out: [String] = []
        for s in shared.sorted(by: { rank($0.term) != rank($1.term) ? rank($0.term) < rank($1.term) : $0.weight > $1.weight }) {
            let t = s.term.hasPrefix(TaskVectorizer.topicPrefix) ? String(s.term.dropFirst()) : s.term
            // A character pair inside a word already listed says nothing more.
            if out.contains(where: { $0.contains(t) }) { continue }
            out.append(t)
            if out.count == limit { break }
        }
        return out
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
        if !oldTopics[i].isEmpty, !newTopics[j].isEmpty {
            total += Self.topicWeight * oldTopics[i].cosine(newTopics[j])
            weight += Self.topicWeight
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
    static func content(_ task: NoticeTask, unitForms: PhraseScanner) -> String {
        labelWords.erase(unitForms.erase(SearchFolding.key(task.text), with: "，"), with: "，")
    }

    static let labelWords = PhraseScanner(TaskWording.labels)
}
