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
        var out: [Edge] = []
        func consider(_ i: Int, _ j: Int) {
            let s = similarity.score(i, j)
            if s >= minimum { out.append(Edge(old: i, new: j, similarity: s, weight: weight(i, j, s))) }
        }
        if olds.count * news.count <= denseLimit {
            for i in olds { for j in news { consider(i, j) } }
            return out
        }
        var postings: [Int32: [Int]] = [:]
        for j in news { for id in similarity.newText[j].ids { postings[id, default: []].append(j) } }
        let common = max(minCommon, Int(commonShare * Double(news.count)))
        for i in olds {
            var reached = Set<Int>()
            for id in similarity.oldText[i].ids {
                guard let list = postings[id], list.count <= common else { continue }
                reached.formUnion(list)
            }
            for j in reached { consider(i, j) }
        }
        return out
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
