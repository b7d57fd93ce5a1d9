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
    /// Each task's canonical units as ascending ids (compared without hashing strings: the
    /// Jaccard overlap is taken for every candidate pair).
    let oldUnits: [[Int32]]
    let newUnits: [[Int32]]

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
        var unitIds: [String: Int32] = [:]
        func ids(_ names: Set<String>) -> [Int32] {
            names.map { name in unitIds[name] ?? { unitIds[name] = Int32(unitIds.count); return Int32(unitIds.count - 1) }() }.sorted()
        }
        oldUnits = old.map { ids(evidence($0)) }
        newUnits = new.map { ids(evidence($0)) }
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
        combine(i, j, text: oldText[i].cosine(newText[j]), title: oldTitle[i].cosine(newTitle[j]),
                topics: oldTopics[i].cosine(newTopics[j]))
    }

    /// The combined similarity from the three cosines of the pair and its units.
    private func combine(_ i: Int, _ j: Int, text: Double, title: Double, topics: Double) -> Double {
        var total = Self.textWeight * text
        var weight = Self.textWeight
        if !oldTitle[i].isEmpty, !newTitle[j].isEmpty {
            total += Self.titleWeight * title
            weight += Self.titleWeight
        }
        if !oldTopics[i].isEmpty, !newTopics[j].isEmpty {
            total += Self.topicWeight * topics
            weight += Self.topicWeight
        }
        if !oldUnits[i].isEmpty, !newUnits[j].isEmpty {
            let x = oldUnits[i], y = newUnits[j]
            var shared = 0, a = 0, b = 0
            while a < x.count, b < y.count {
                if x[a] == y[b] { shared += 1; a += 1; b += 1 } else if x[a] < y[b] { a += 1 } else { b += 1 }
            }
            total += Self.unitWeight * Double(shared) / Double(x.count + y.count - shared)
            weight += Self.unitWeight
        }
        // Missing evidence counts as the text says.
        total += (1 - weight) * text
        return min(1, max(0, total))
    }

    /// The new tasks' vectors inverted (term → the tasks holding it, with weights): one old task
    /// is scored against many new ones by adding up postings, not by one merge walk per pair.
    struct Postings: Sendable {
        fileprivate var text: [Int32: [(task: Int32, weight: Double)]] = [:]
        fileprivate var title: [Int32: [(task: Int32, weight: Double)]] = [:]
        fileprivate var topics: [Int32: [(task: Int32, weight: Double)]] = [:]
        let count: Int

        init(_ s: TaskSimilarity) {
            count = s.newText.count
            func invert(_ vectors: [SparseVector]) -> [Int32: [(task: Int32, weight: Double)]] {
                var out: [Int32: [(task: Int32, weight: Double)]] = [:]
                for (j, v) in vectors.enumerated() { for (k, id) in v.ids.enumerated() { out[id, default: []].append((Int32(j), v.weights[k])) } }
                return out
            }
            text = invert(s.newText)
            title = invert(s.newTitle)
            topics = invert(s.newTopics)
        }

        /// Tasks holding the term in their text.
        func tasks(holding id: Int32) -> [(task: Int32, weight: Double)] { text[id] ?? [] }
    }

    /// Dot-product accumulators for one old task at a time (one per thread).
    struct Accumulator {
        fileprivate var text: [Double], title: [Double], topics: [Double]
        /// 1 + the old task that last reached each new task (a set without hashing).
        private var reachedBy: [Int]
        init(count: Int) {
            text = [Double](repeating: 0, count: count)
            title = text
            topics = text
            reachedBy = [Int](repeating: 0, count: count)
        }

        /// True the first time old task `i` reaches new task `j`.
        mutating func reach(_ j: Int, from i: Int) -> Bool {
            if reachedBy[j] == i + 1 { return false }
            reachedBy[j] = i + 1
            return true
        }
    }

    /// `score(i, j)` for each `j` of `candidates`, the cosines added up through `postings`.
    func scores(_ i: Int, _ candidates: [Int], postings: Postings, scratch: inout Accumulator) -> [Double] {
        func add(_ v: SparseVector, _ index: [Int32: [(task: Int32, weight: Double)]], into acc: inout [Double]) {
            for (k, id) in v.ids.enumerated() {
                guard let list = index[id] else { continue }
                let w = v.weights[k]
                for p in list { acc[Int(p.task)] += w * p.weight }
            }
        }
        add(oldText[i], postings.text, into: &scratch.text)
        add(oldTitle[i], postings.title, into: &scratch.title)
        add(oldTopics[i], postings.topics, into: &scratch.topics)
        let out = candidates.map { j in
            combine(i, j, text: min(1, scratch.text[j]), title: min(1, scratch.title[j]), topics: min(1, scratch.topics[j]))
        }
        // Reset only what this task touched.
        func clear(_ v: SparseVector, _ index: [Int32: [(task: Int32, weight: Double)]], _ acc: inout [Double]) {
            for id in v.ids { for p in index[id] ?? [] { acc[Int(p.task)] = 0 } }
        }
        clear(oldText[i], postings.text, &scratch.text)
        clear(oldTitle[i], postings.title, &scratch.title)
        clear(oldTopics[i], postings.topics, &scratch.topics)
        return out
    }

    /// The text of `task` with unit names and responsibility labels removed (folded, as the
    /// tokenizer folds anyway).
    static func content(_ task: NoticeTask, unitForms: PhraseScanner) -> String {
        labelWords.erase(unitForms.erase(SearchFolding.key(task.text), with: "，"), with: "，")
    }

    static let labelWords = PhraseScanner(TaskWording.labels)
}
