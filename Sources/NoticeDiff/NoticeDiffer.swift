import NoticeModel
import NoticeVocabulary

/// Diffs two notices task by task: pairs each old task with at most one new task by content
/// (optimal assignment over `TaskSimilarity`, not by number), finds splits and merges, labels
/// each pair's changes and sums them up per unit.
public enum NoticeDiffer {
    /// Weight of the position prior in the assignment (never in the reported similarity): among
    /// equally similar candidates, the task at the same relative position and the same number wins.
    static let positionWeight = 0.02
    static let samePathWeight = 0.01

    public static func diff(old: Notice, new: Notice, options: NoticeDiffOptions = NoticeDiffOptions(),
                            background: (([String]) -> TermBackground?)? = nil, thesaurus: Thesaurus? = nil) -> NoticeDiffReport {
        let units = UnitNames(old: old, new: new)
        let a = old.tasks, b = new.tasks
        let n = a.count, m = b.count
        // When one notice names no unit in any role, roles are neither evidence nor a change.
        let rolesComparable = PairComparer.namesUnits(old) && PairComparer.namesUnits(new)
        let similarity = TaskSimilarity(old: a, new: b, units: units, rolesComparable: rolesComparable, background: background,
                                        topics: thesaurus.map(TopicTerms.init) ?? .bundled)
        func weight(_ i: Int, _ j: Int, _ s: Double) -> Double {
            let ri = n > 1 ? Double(i) / Double(n - 1) : 0
            let rj = m > 1 ? Double(j) / Double(m - 1) : 0
            return s + positionWeight * (1 - abs(ri - rj)) + (a[i].path == b[j].path ? samePathWeight : 0)
        }

        // 1. One-to-one assignment over the pairs above the threshold (continued).
        let confident = PairAssignment.edges(similarity, olds: Array(0..<n), news: Array(0..<m),
                                             minimum: options.threshold, weight: weight)
        var newOf = [Int?](repeating: nil, count: n), oldOf = [Int?](repeating: nil, count: m)
        var similarityOf = [Double](repeating: 0, count: n)   // of old task i's pair
        for e in PairAssignment.assign(confident, oldCount: n, newCount: m) {
            newOf[e.old] = e.new
            oldOf[e.new] = e.old
            similarityOf[e.old] = e.similarity
        }

        // 2. Splits (one old → several new), then merges (several old → one new).
        let splits = RegroupDetector.find(wholes: similarity.oldText, parts: similarity.newText, pairOf: newOf)
        for s in splits {
            if let j = newOf[s.whole] { oldOf[j] = nil }
            newOf[s.whole] = nil
        }
        let merges = RegroupDetector.find(wholes: similarity.newText, parts: similarity.oldText, pairOf: oldOf,
                                          skipWholes: Set(splits.flatMap(\.parts)), skipParts: Set(splits.map(\.whole)))
        for g in merges {
            if let i = oldOf[g.whole] { newOf[i] = nil }
            oldOf[g.whole] = nil
        }
        let regroupedOld = Set(splits.map(\.whole) + merges.flatMap(\.parts))
        let regroupedNew = Set(splits.flatMap(\.parts) + merges.map(\.whole))

        // 3. Structure: once the confident pairs say which part continues which, a task left over
        // in an old part and one left over in the part continuing it pair at the lower threshold
        // (a reworded task in the same place is the same obligation more often than not).
        var paired = (0..<m).compactMap { j in oldOf[j].map { (i: $0, j: j) } }
        let placed = SectionAlignment(pairs: paired.map { (a[$0.i].path, b[$0.j].path) })
        let leftOld = (0..<n).filter { newOf[$0] == nil && !regroupedOld.contains($0) }
        let leftNew = (0..<m).filter { oldOf[$0] == nil && !regroupedNew.contains($0) }
        let inPlace = PairAssignment.edges(similarity, olds: leftOld, news: leftNew, minimum: options.possibleThreshold, weight: weight)
            .filter { e in placed.continuation(of: Array(a[e.old].path.dropLast())) == Array(b[e.new].path.dropLast()) }
            // Each other's best match among every task (a merged task's leftover part stays unpaired
            // when its partner was taken by the other part).
            .filter { e in
                (0..<m).allSatisfy { $0 == e.new || similarity.score(e.old, $0) <= e.similarity }
                    && (0..<n).allSatisfy { $0 == e.old || similarity.score($0, e.new) <= e.similarity }
            }
        for e in PairAssignment.assign(inPlace, oldCount: n, newCount: m) {
            newOf[e.old] = e.new
            oldOf[e.new] = e.old
            similarityOf[e.old] = e.similarity
        }

        // 4. Changes of each pair, sections aligned first.
        paired = (0..<m).compactMap { j in oldOf[j].map { (i: $0, j: j) } }
        let sections = SectionAlignment(pairs: paired.map { (a[$0.i].path, b[$0.j].path) })
        let comparer = PairComparer(old: old, new: new, units: units, rolesComparable: rolesComparable)
        var summary = DiffSummary()
        var pairs: [TaskPair] = []
        var tally = UnitTally(units: units)
        for (i, j) in paired {
            let (changes, details) = comparer.compare(a[i], b[j], sections: sections)
            let pair = TaskPair(old: TaskRef(a[i]), new: TaskRef(b[j]), similarity: similarityOf[i],
                                changes: changes.sorted(), details: details)
            summary.paired += 1
            if changes.isEmpty {
                summary.unchanged += 1
            } else {
                summary.changed += 1
                for c in changes { summary.changes[c.rawValue, default: 0] += 1 }
            }
            if !changes.isEmpty || options.includeUnchanged { pairs.append(pair) }
            tally.pair(a[i], b[j], changed: !changes.isEmpty)
        }
        let added = (0..<m).filter { oldOf[$0] == nil && !regroupedNew.contains($0) }
        let removed = (0..<n).filter { newOf[$0] == nil && !regroupedOld.contains($0) }

        // 5. Possibly continued: the added and removed tasks paired again over the weaker pairs,
        // shown apart with the terms that justify each; they stay added and removed.
        let weak = PairAssignment.edges(similarity, olds: removed, news: added, minimum: options.possibleThreshold, weight: weight)
        let possible = PairAssignment.assign(weak, oldCount: n, newCount: m).sorted { $0.new < $1.new }.map { e in
            PossiblePair(old: TaskRef(a[e.old]), new: TaskRef(b[e.new]), similarity: e.similarity, shared: similarity.sharedTerms(e.old, e.new))
        }
        // A possibly continued task stays added and removed (for the units too): nothing confirms it continued.
        for j in added { tally.added(b[j]) }
        for i in removed { tally.removed(a[i]) }
        for s in splits { tally.regroup(old: [a[s.whole]], new: s.parts.map { b[$0] }) }
        for g in merges { tally.regroup(old: g.parts.map { a[$0] }, new: [b[g.whole]]) }
        summary.added = added.count
        summary.removed = removed.count
        summary.splits = splits.count
        summary.merges = merges.count
        summary.possible = possible.count

        var report = NoticeDiffReport(
            old: DiffDocument(old), new: DiffDocument(new), pairs: pairs,
            added: added.map { TaskRef(b[$0]) }, removed: removed.map { TaskRef(a[$0]) }, possible: possible,
            splits: splits.map { TaskRegroup(old: [TaskRef(a[$0.whole])], new: $0.parts.map { TaskRef(b[$0]) }, similarity: $0.similarity) },
            merges: merges.map { TaskRegroup(old: $0.parts.map { TaskRef(a[$0]) }, new: [TaskRef(b[$0.whole])], similarity: $0.similarity) },
            units: rolesComparable ? tally.result(includeUnchanged: options.includeUnchanged) : [:], summary: summary, threshold: options.threshold)
        report.sections = sections.changes(old: old.sections, new: new.sections)
        report.headline = DiffHeadline.lines(report)
        return report
    }
}
