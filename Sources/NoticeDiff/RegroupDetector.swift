/// Finds tasks split in two (or three) and tasks merged into one, where the evidence is clear:
/// each part's text is mostly contained in the whole (`minContainment` of its TF-IDF weight on
/// terms the whole also has), the parts read together match the whole well (`minJoined`), and
/// clearly better than the best single part does (`minGain`) — a faithful rewording plus an
/// unrelated new task is not a split. Rewritten parts, whose words are no longer the whole's, are
/// grown from a pair by best match instead (`grow`).
struct RegroupDetector {
    static let minContainment = 0.6
    static let minPartCosine = 0.2
    static let minJoined = 0.6
    static let minGain = 0.15
    static let maxParts = 3
    /// A reworded split or merge (found by best match, not containment) takes another part only
    /// when the parts read together match the whole this much better.
    static let minExtraGain = 0.02

    struct Regroup {
        /// The single side (the old task of a split, the new task of a merge).
        var whole: Int
        /// The other side, ascending.
        var parts: [Int]
        var similarity: Double
    }

    /// Splits: old task `whole` → new `parts`. `pairOf[i]`: the new task old task i is paired with.
    /// Candidate parts are new tasks that are unpaired or paired with the whole itself.
    /// `skipWholes` / `skipParts`: tasks already taken by another regroup.
    static func find(wholes: [SparseVector], parts: [SparseVector], pairOf: [Int?],
                     skipWholes: Set<Int> = [], skipParts: Set<Int> = []) -> [Regroup] {
        var partOwner = [Int?](repeating: nil, count: parts.count)   // whole a part is paired with
        for (i, j) in pairOf.enumerated() { if let j { partOwner[j] = i } }
        var used = skipParts
        var out: [Regroup] = []
        for (w, whole) in wholes.enumerated() where !whole.isEmpty && !skipWholes.contains(w) {
            var candidates: [(index: Int, cosine: Double)] = []
            for (p, part) in parts.enumerated() where !used.contains(p) && !part.isEmpty {
                guard partOwner[p] == nil || partOwner[p] == w else { continue }
                let c = whole.cosine(part)
                guard c >= minPartCosine, part.containment(in: whole) >= minContainment else { continue }
                candidates.append((p, c))
            }
            guard candidates.count >= 2 else { continue }
            candidates.sort { $0.cosine > $1.cosine }
            let best = candidates[0].cosine
            var chosen: [Int] = []
            var joined = 0.0
            for k in 2...min(maxParts, candidates.count) {
                let group = candidates.prefix(k).map(\.index)
                let c = whole.cosine(SparseVector.sum(group.map { parts[$0] }))
                if c > joined + (chosen.isEmpty ? 0 : 0.02) {
                    joined = c
                    chosen = group
                }
            }
            guard joined >= minJoined, joined >= best + minGain else { continue }
            used.formUnion(chosen)
            out.append(Regroup(whole: w, parts: chosen.sorted(), similarity: joined))
        }
        return out
    }

    /// A reworded split or merge found by best match: `base` (the task the whole is paired with)
    /// and those of `extras` (most similar first) that each make the parts read together match
    /// the whole at least `minExtraGain` better (a task that merely shares the topic adds
    /// nothing). Nil when no extra part qualifies or the parts still match the whole poorly.
    static func grow(_ whole: SparseVector, base: Int, extras: [Int], parts text: [SparseVector]) -> (parts: [Int], joined: Double)? {
        var parts = [base], joined = whole.cosine(text[base])
        for k in extras where parts.count < maxParts {
            let c = whole.cosine(SparseVector.sum((parts + [k]).map { text[$0] }))
            if c >= joined + minExtraGain { parts.append(k); joined = c }
        }
        return parts.count > 1 && joined >= minPartCosine ? (parts.sorted(), joined) : nil
    }
}
