/// Optimal one-to-one assignment (Kuhn–Munkres with row and column potentials, the shortest
/// augmenting path form): O(n²·m) for n rows and m ≥ n columns.
public enum Hungarian {
    /// The assignment of minimum total cost. `cost` is row-major, `rows` × `columns`. Returns, for
    /// each row, its column — every row gets one when rows ≤ columns; otherwise every column is
    /// used once and the remaining rows get nil.
    public static func minimize(cost: [Double], rows: Int, columns: Int) -> [Int?] {
        precondition(cost.count == rows * columns, "cost must hold rows × columns entries")
        guard rows > 0, columns > 0 else { return Array(repeating: nil, count: rows) }
        if rows > columns {
            // Solve the transpose (columns as rows) and invert the result.
            var t = [Double](repeating: 0, count: cost.count)
            for i in 0..<rows { for j in 0..<columns { t[j * rows + i] = cost[i * columns + j] } }
            let byColumn = minimize(cost: t, rows: columns, columns: rows)
            var out = [Int?](repeating: nil, count: rows)
            for (j, i) in byColumn.enumerated() { if let i { out[i] = j } }
            return out
        }
        let n = rows, m = columns
        // 1-based arrays as in the textbook formulation: index 0 is the virtual start column.
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1)    // row matched to column j (0: none)
        var way = [Int](repeating: 0, count: m + 1)
        var minv = [Double](repeating: 0, count: m + 1)
        var used = [Bool](repeating: false, count: m + 1)
        for i in 1...n {
            owner[0] = i
            var j0 = 0
            for j in 0...m { minv[j] = .infinity; used[j] = false }
            repeat {
                used[j0] = true
                let i0 = owner[j0]
                var delta = Double.infinity
                var j1 = 0
                let base = (i0 - 1) * m
                for j in 1...m where !used[j] {
                    let cur = cost[base + j - 1] - u[i0] - v[j]
                    if cur < minv[j] {
                        minv[j] = cur
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[owner[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while owner[j0] != 0
            repeat {
                let j1 = way[j0]
                owner[j0] = owner[j1]
                j0 = j1
            } while j0 != 0
        }
        var out = [Int?](repeating: nil, count: n)
        for j in 1...m where owner[j] != 0 { out[owner[j] - 1] = j - 1 }
        return out
    }

    /// The assignment of maximum total weight, keeping only pairs of positive weight: a pair of
    /// weight ≤ 0 is never better than leaving both sides unmatched.
    public static func maximize(weight: [Double], rows: Int, columns: Int) -> [Int?] {
        let top = weight.max() ?? 0
        let cost = weight.map { top - max(0, $0) }
        return minimize(cost: cost, rows: rows, columns: columns).enumerated().map { i, j in
            guard let j, weight[i * columns + j] > 0 else { return nil }
            return j
        }
    }
}
