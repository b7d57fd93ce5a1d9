/// A sparse term-weight vector: term ids ascending, weights L2-normalized unless empty.
struct SparseVector: Sendable, Hashable {
    var ids: [Int32]
    var weights: [Double]

    static let empty = SparseVector(ids: [], weights: [])

    var isEmpty: Bool { ids.isEmpty }

    /// Builds a normalized vector from (term, weight) entries in any order.
    init(_ entries: [Int32: Double]) {
        let sorted = entries.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        ids = sorted.map(\.key)
        let norm = sorted.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        weights = norm > 0 ? sorted.map { $0.value / norm } : []
    }

    init(ids: [Int32], weights: [Double]) {
        self.ids = ids
        self.weights = weights
    }

    /// Cosine similarity (both vectors are normalized).
    func cosine(_ o: SparseVector) -> Double {
        min(1, sumOverSharedTerms(with: o) { mine, theirs in mine * theirs })
    }

    /// The share of this vector's squared weight on terms that `o` also has: how much of this
    /// text is found in the other one.
    func containment(in o: SparseVector) -> Double {
        sumOverSharedTerms(with: o) { mine, _ in mine * mine }
    }

    /// Walks both sorted id lists once and adds `term(mine, theirs)` for every term they share.
    private func sumOverSharedTerms(with o: SparseVector, _ term: (Double, Double) -> Double) -> Double {
        var sum = 0.0
        forEachShared(with: o) { _, mine, theirs in sum += term(mine, theirs) }
        return sum
    }

    /// Calls `body(id, mine, theirs)` for every term both vectors hold, in id order (one merge walk).
    func forEachShared(with o: SparseVector, _ body: (Int32, Double, Double) -> Void) {
        var i = 0, j = 0
        while i < ids.count, j < o.ids.count {
            let a = ids[i], b = o.ids[j]
            if a == b {
                body(a, weights[i], o.weights[j])
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// The normalized sum of several vectors (the text of several tasks read as one).
    static func sum(_ vectors: [SparseVector]) -> SparseVector {
        var acc: [Int32: Double] = [:]
        for v in vectors { for (k, id) in v.ids.enumerated() { acc[id, default: 0] += v.weights[k] } }
        return SparseVector(acc)
    }
}
