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
    /// Added to a left-over pair's similarity, when looking for each other's best match, if the
    /// confident pairs already join the two tasks' parts.
    static let sectionWeight = 0.02

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

        // Every candidate pair at the lowest tier's threshold, scored once; each step filters it.
        let candidates = PairAssignment.edges(similarity, olds: Array(0..<n), news: Array(0..<m),
                                              minimum: options.possibleThreshold, weight: weight)
        func among(_ olds: [Int], _ news: [Int], minimum: Double) -> [PairAssignment.Edge] {
            var inOld = [Bool](repeating: false, count: n), inNew = [Bool](repeating: false, count: m)
            for i in olds { inOld[i] = true }
            for j in news { inNew[j] = true }
            return candidates.filter { $0.similarity >= minimum && inOld[$0.old] && inNew[$0.new] }
        }
        // 1. One-to-one assignment over the pairs above the threshold (continued).
        let confident = among(Array(0..<n), Array(0..<m), minimum: options.threshold)
        var newOf = [Int?](repeating: nil, count: n), oldOf = [Int?](repeating: nil, count: m)
        var similarityOf = [Double](repeating: 0, count: n)   // of old task i's pair
        for e in PairAssignment.assign(confident, oldCount: n, newCount: m) {
            newOf[e.old] = e.new
            oldOf[e.new] = e.old
            similarityOf[e.old] = e.similarity
        }

        // 2. Splits (one old → several new), then merges (several old → one new), where the parts'
        // words are plainly the whole's.
        var splits = RegroupDetector.find(wholes: similarity.oldText, parts: similarity.newText, pairOf: newOf)
        for s in splits {
            if let j = newOf[s.whole] { oldOf[j] = nil }
            newOf[s.whole] = nil
        }
        var merges = RegroupDetector.find(wholes: similarity.newText, parts: similarity.oldText, pairOf: oldOf,
                                          skipWholes: Set(splits.flatMap(\.parts)), skipParts: Set(splits.map(\.whole)))
        for g in merges {
            if let i = oldOf[g.whole] { newOf[i] = nil }
            oldOf[g.whole] = nil
        }
        var regroupedOld = Set(splits.map(\.whole) + merges.flatMap(\.parts))
        var regroupedNew = Set(splits.flatMap(\.parts) + merges.map(\.whole))

        // 3. Each other's best match: a task left over and one left over that are more like each
        // other than like any other task of either notice pair at the lower `mutualThreshold`
        // (a rewritten task keeps its topic and some wording, and nothing else claims it). Read on
        // real consecutive editions, this kept the pairs a reader agrees on and few others.
        //
        // A pair whose parts the confident pairs already join gains `sectionWeight`: the enclosing
        // part is evidence too (of two equally vague candidates, the one in the continuing part).
        let leftOverOld = (0..<n).filter { newOf[$0] == nil && !regroupedOld.contains($0) }
        let leftOverNew = (0..<m).filter { oldOf[$0] == nil && !regroupedNew.contains($0) }
        let joined = SectionAlignment(pairs: (0..<m).compactMap { j in oldOf[j].map { (a[$0].path, b[j].path) } })
        let floor = options.mutualThreshold - Self.sectionWeight
        func placed(_ e: PairAssignment.Edge) -> Double {
            e.similarity + (joined.joins(Array(a[e.old].path.dropLast()), Array(b[e.new].path.dropLast())) ? Self.sectionWeight : 0)
        }
        // The best score of each left-over task against every task of the other notice (the
        // candidates of a large diff come from its inverted index, as in step 1).
        var bestOfOld: [Int: Double] = [:], bestOfNew: [Int: Double] = [:]
        for e in among(leftOverOld, Array(0..<m), minimum: floor) {
            bestOfOld[e.old] = max(bestOfOld[e.old] ?? 0, placed(e))
        }
        for e in among(Array(0..<n), leftOverNew, minimum: floor) {
            bestOfNew[e.new] = max(bestOfNew[e.new] ?? 0, placed(e))
        }
        let mutual = among(leftOverOld, leftOverNew, minimum: floor)
            .filter { e in placed(e) >= options.mutualThreshold && placed(e) >= bestOfOld[e.old] ?? 0 && placed(e) >= bestOfNew[e.new] ?? 0 }
        for e in PairAssignment.assign(mutual, oldCount: n, newCount: m) {
            newOf[e.old] = e.new
            oldOf[e.new] = e.old
            similarityOf[e.old] = e.similarity
        }

        // 4. Reworded merges and splits: a task left over whose best match of all is already
        // paired continues into that task too, when the match is confident on its own.
        let leftOld = (0..<n).filter { newOf[$0] == nil && !regroupedOld.contains($0) }
        let leftNew = (0..<m).filter { oldOf[$0] == nil && !regroupedNew.contains($0) }
        var extraOld: [Int: [Int]] = [:]   // new whole → more old parts
        for e in PairAssignment.best(among(leftOld, Array(0..<m), minimum: options.regroupThreshold), by: \.old)
        where oldOf[e.new] != nil {
            extraOld[e.new, default: []].append(e.old)
        }
        var extraNew: [Int: [Int]] = [:]   // old whole → more new parts
        for e in PairAssignment.best(among(Array(0..<n), leftNew, minimum: options.regroupThreshold), by: \.new)
        where newOf[e.old] != nil && extraOld[newOf[e.old]!] == nil {
            extraNew[e.old, default: []].append(e.new)
        }
        for (j, more) in extraOld.sorted(by: { $0.key < $1.key }) {
            let extras = more.sorted { similarity.score($0, j) > similarity.score($1, j) }
            guard let g = RegroupDetector.grow(similarity.newText[j], base: oldOf[j]!, extras: extras, parts: similarity.oldText) else { continue }
            merges.append(.init(whole: j, parts: g.parts, similarity: g.joined))
            for i in g.parts { newOf[i] = nil }
            oldOf[j] = nil
        }
        for (i, more) in extraNew.sorted(by: { $0.key < $1.key }) {
            let extras = more.sorted { similarity.score(i, $0) > similarity.score(i, $1) }
            guard let g = RegroupDetector.grow(similarity.oldText[i], base: newOf[i]!, extras: extras, parts: similarity.newText) else { continue }
            splits.append(.init(whole: i, parts: g.parts, similarity: g.joined))
            for j in g.parts { oldOf[j] = nil }
            newOf[i] = nil
        }
        regroupedOld = Set(splits.map(\.whole) + merges.flatMap(\.parts))
        regroupedNew = Set(splits.flatMap(\.parts) + merges.map(\.whole))

        // 5. Changes of each pair (a part of a split or merge is a pair too), sections aligned first.
        var edges = (0..<m).compactMap { j in oldOf[j].map { (i: $0, j: j, part: TaskPair.Regroup?.none) } }
        for s in splits { edges += s.parts.map { (i: s.whole, j: $0, part: .split) } }
        for g in merges { edges += g.parts.map { (i: $0, j: g.whole, part: .merge) } }
        edges.sort { ($0.j, $0.i) < ($1.j, $1.i) }
        let sections = SectionAlignment(pairs: edges.map { (a[$0.i].path, b[$0.j].path) })
        let comparer = PairComparer(old: old, new: new, units: units, rolesComparable: rolesComparable)
        var summary = DiffSummary()
        var pairs: [TaskPair] = []
        var tally = UnitTally(units: units)
        for (i, j, part) in edges {
            let (changes, details) = comparer.compare(a[i], b[j], sections: sections)
            let pair = TaskPair(old: TaskRef(a[i]), new: TaskRef(b[j]), similarity: part == nil ? similarityOf[i] : similarity.score(i, j),
                                changes: changes.sorted(), details: details, partOf: part)
            summary.paired += 1
            if changes.isEmpty {
                summary.unchanged += 1
            } else {
                summary.changed += 1
                for c in changes { summary.changes[c.rawValue, default: 0] += 1 }
            }
            if !changes.isEmpty || options.includeUnchanged { pairs.append(pair) }
            if part == nil { tally.pair(a[i], b[j], changed: !changes.isEmpty) }
        }
        let added = (0..<m).filter { oldOf[$0] == nil && !regroupedNew.contains($0) }
        let removed = (0..<n).filter { newOf[$0] == nil && !regroupedOld.contains($0) }

        // 6. Possibly continued: the best match of each removed task and of each added task, when
        // at least `possibleThreshold` similar, shown apart with the terms that justify it, so a
        // reader sees a candidate beside each removal; they stay added and removed. The match may
        // be paired already (a possible merge or split part).
        var weak = PairAssignment.best(among(removed, Array(0..<m), minimum: options.possibleThreshold), by: \.old)
        for e in PairAssignment.best(among(Array(0..<n), added, minimum: options.possibleThreshold), by: \.new)
        where !weak.contains(where: { $0.old == e.old && $0.new == e.new }) {
            weak.append(e)
        }
        let possible = weak.sorted { ($0.new, $0.old) < ($1.new, $1.old) }.map { e in
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
