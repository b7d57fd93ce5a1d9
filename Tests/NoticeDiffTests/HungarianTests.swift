import Testing
@testable import NoticeDiff

/// The assignment solver against brute force on small matrices.
@Suite struct HungarianTests {
    @Test func knownSquareMatrix() {
        let cost: [Double] = [4, 1, 3,
                              2, 0, 5,
                              3, 2, 2]
        let a = Hungarian.minimize(cost: cost, rows: 3, columns: 3)
        #expect(a == [1, 0, 2])
    }

    @Test func rectangularBothWays() {
        let wide: [Double] = [9, 1, 9, 9,
                              1, 9, 9, 9]
        #expect(Hungarian.minimize(cost: wide, rows: 2, columns: 4) == [1, 0])
        let tall: [Double] = [9, 1,
                              5, 9,
                              1, 9]
        #expect(Hungarian.minimize(cost: tall, rows: 3, columns: 2) == [1, nil, 0])
    }

    @Test func maximizeLeavesNonPositiveUnmatched() {
        let w: [Double] = [0.9, 0,
                           0, 0]
        #expect(Hungarian.maximize(weight: w, rows: 2, columns: 2) == [0, nil])
    }

    @Test func matchesBruteForceOnRandomMatrices() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<200 {
            let n = Int(rng.next() % 5) + 1, m = Int(rng.next() % 5) + 1
            let cost = (0..<(n * m)).map { _ in Double(rng.next() % 100) }
            let a = Hungarian.minimize(cost: cost, rows: n, columns: m)
            let total = a.enumerated().reduce(0.0) { s, e in e.element.map { s + cost[e.offset * m + $0] } ?? s }
            #expect(Set(a.compactMap { $0 }).count == min(n, m))
            #expect(total == bruteForce(cost, n, m))
        }
    }

    private func bruteForce(_ cost: [Double], _ n: Int, _ m: Int) -> Double {
        var best = Double.infinity
        func go(_ i: Int, _ used: Set<Int>, _ sum: Double, _ skipped: Int) {
            if i == n {
                if n - skipped == min(n, m) { best = min(best, sum) }
                return
            }
            for j in 0..<m where !used.contains(j) { go(i + 1, used.union([j]), sum + cost[i * m + j], skipped) }
            if skipped < max(0, n - m) { go(i + 1, used, sum, skipped + 1) }
        }
        go(0, [], 0, 0)
        return best
    }
}

/// A small deterministic generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
