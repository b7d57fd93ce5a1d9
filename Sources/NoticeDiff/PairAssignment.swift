import Foundation
/// One-to-one pairing of old and new tasks over the similar pairs only. Small diffs are scored
/// densely and solved optimally (`Hungarian`); large ones keep, for each old task, the new tasks
/// sharing a distinctive term with it (an inverted index, so a 3,000-task diff never holds a
/// 3,000 × 3,000 matrix) and solve each connected group optimally when it is small, greedily
/// (best pair first) when it is not.
struct PairAssignment {
    /// A candidate pair and its assignment weight (similarity plus the position prior).
    struct Edge {
        var old: Int
        var new: Int
        var similarity: Double
        var weight: Double
    }

    /// Above this many old × new tasks, candidates come from the inverted index.
    static let denseLimit = 250_000
    /// A term held by more new tasks than this share (and at least `minCommon`) finds no candidates.
    static let commonShare = 0.1
    static let minCommon = 40
    /// Groups up to this many tasks on a side are solved optimally.
    static let largestOptimalGroup = 400

    /// The pairs of `similarity` at least `minimum` similar, among `olds` × `news`.
    static func edges(_ similarity: TaskSimilarity, olds: [Int], news: [Int], minimum: Double,
                      weight: (Int, Int, Double) -> Double) -> [Edge] {
        let postings = TaskSimilarity.Postings(similarity)
        let dense = olds.count * news.count <= denseLimit
        let common = max(minCommon, Int(commonShare * Double(news.count)))
        var wanted = [Bool](repeating: false, count: postings.count)
        for j in news { wanted[j] = true }
        // The candidates of each old task, scored in chunks on every core (scores are pure reads).
        func edges(of i: Int, _ scratch: inout TaskSimilarity.Accumulator) -> [Edge] {
            var candidates: [Int]
            if dense {
                candidates = news
            } else {
                candidates = []
                for id in similarity.oldText[i].ids {
                    let list = postings.tasks(holding: id)
                    guard list.count <= common else { continue }
                    for p in list where wanted[Int(p.task)] && scratch.reach(Int(p.task), from: i) { candidates.append(Int(p.task)) }
                }
                candidates.sort()
            }
            var out: [Edge] = []
            for (j, s) in zip(candidates, similarity.scores(i, candidates, postings: postings, scratch: &scratch)) where s >= minimum {
                out.append(Edge(old: i, new: j, similarity: s, weight: weight(i, j, s)))
            }
            return out
        }
        let chunks = olds.count > 64 ? min(ProcessInfo.processInfo.activeProcessorCount * 4, olds.count) : 1
        guard chunks > 1 else {
            var scratch = TaskSimilarity.Accumulator(count: postings.count)
            return olds.flatMap { edges(of: $0, &scratch) }
        }
        var results = [[Edge]](repeating: [], count: chunks)
        withoutActuallyEscaping(edges(of:_:)) { score in
            results.withUnsafeMutableBufferPointer { buffer in
                // Each chunk writes its own slot; the scoring closure only reads.
                let shared = UncheckedShare((slots: buffer, edges: score))
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    var mine: [Edge] = []
                    var scratch = TaskSimilarity.Accumulator(count: postings.count)
                    for k in stride(from: c, to: olds.count, by: chunks) { mine += shared.value.edges(olds[k], &scratch) }
                    shared.value.slots[c] = mine
                }
            }
        }
        // Old tasks in their given order, as before (the assignment breaks ties by order).
        return results.flatMap { $0 }.sorted { $0.old != $1.old ? $0.old < $1.old : $0.new < $1.new }
    }

    /// The most similar edge of each old task (`by: \.old`) or each new task (`by: \.new`).
    static func best(_ edges: [Edge], by key: (Edge) -> Int) -> [Edge] {
        Dictionary(grouping: edges, by: key).values.map { $0.max { ($0.similarity, -$0.old, -$0.new) < ($1.similarity, -$1.old, -$1.new) }! }
    }

    /// The chosen edges, at most one per old and per new task, maximizing the total weight group by group.
    static func assign(_ edges: [Edge], oldCount: Int, newCount: Int) -> [Edge] {
        var chosen: [Edge] = []
        // Connected groups of the bipartite graph (new task j is node oldCount + j).
        var parent = Array(0..<(oldCount + newCount))
        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { parent[r] = parent[parent[r]]; r = parent[r] }
            return r
        }
        for e in edges {
            let a = find(e.old), b = find(oldCount + e.new)
            if a != b { parent[a] = b }
        }
        var groups: [Int: [Edge]] = [:]
        for e in edges { groups[find(e.old), default: []].append(e) }
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            let olds = Array(Set(group.map(\.old))).sorted(), news = Array(Set(group.map(\.new))).sorted()
            if olds.count <= largestOptimalGroup && news.count <= largestOptimalGroup {
                let row = Dictionary(uniqueKeysWithValues: olds.enumerated().map { ($1, $0) })
                let column = Dictionary(uniqueKeysWithValues: news.enumerated().map { ($1, $0) })
                var w = [Double](repeating: 0, count: olds.count * news.count)
                var edgeAt: [Int: Edge] = [:]
                for e in group {
                    let k = row[e.old]! * news.count + column[e.new]!
                    w[k] = e.weight
                    edgeAt[k] = e
                }
                for (r, c) in Hungarian.maximize(weight: w, rows: olds.count, columns: news.count).enumerated() {
                    if let c, let e = edgeAt[r * news.count + c] { chosen.append(e) }
                }
            } else {
                var usedOld = Set<Int>(), usedNew = Set<Int>()
                for e in group.sorted(by: { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.old, $0.new) < ($1.old, $1.new) })
                where !usedOld.contains(e.old) && !usedNew.contains(e.new) {
                    chosen.append(e)
                    usedOld.insert(e.old)
                    usedNew.insert(e.new)
                }
            }
        }
        return chosen
    }
}

/// Hands values that are only read (or written to disjoint slots) to `concurrentPerform`.
final class UncheckedShare<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
