import NoticeModel

/// Which section of the new notice continues each section of the old one, so that a section
/// renumbered as a whole (三 → 四 after an inserted section) does not make every task in it
/// "moved". Each paired task votes for (its old parent path → its new parent path); sections are
/// then matched one-to-one maximizing the votes (`Hungarian`), equal labels breaking ties. A pair
/// is moved when its new parent is not the section its old parent was matched to.
struct SectionAlignment {
    private var target: [[String]: [String]] = [:]
    /// Paired tasks from each old part to each new part, old parts in first-seen order.
    private var votes: [(old: [String], to: [[String]: Int])] = []

    /// (old top-level label, new top-level label) of top-level parts continued as a whole: at
    /// least `wholeShare` of the old part's paired tasks went to the new one, and as much of the
    /// new part's paired tasks came from the old one.
    private var continuedTops: Set<[String]> = []
    static let wholeShare = 0.8

    /// `pairs`: (old path, new path) of every paired task.
    init(pairs: [(old: [String], new: [String])]) {
        var tops: [[String]: Int] = [:], fromOld: [String: Int] = [:], intoNew: [String: Int] = [:]
        for p in pairs where p.old.count >= 2 && p.new.count >= 2 {
            tops[[p.old[0], p.new[0]], default: 0] += 1
            fromOld[p.old[0], default: 0] += 1
            intoNew[p.new[0], default: 0] += 1
        }
        for (k, n) in tops where Double(n) >= Self.wholeShare * Double(fromOld[k[0]]!) && Double(n) >= Self.wholeShare * Double(intoNew[k[1]]!) {
            continuedTops.insert(k)
        }
        var oldSections: [[String]] = [], newSections: [[String]] = []
        var oldIndex: [[String]: Int] = [:], newIndex: [[String]: Int] = [:]
        var votes: [Int: [Int: Double]] = [:]
        for p in pairs {
            let a = Array(p.old.dropLast()), b = Array(p.new.dropLast())
            let i = oldIndex[a] ?? { oldSections.append(a); oldIndex[a] = oldSections.count - 1; return oldSections.count - 1 }()
            let j = newIndex[b] ?? { newSections.append(b); newIndex[b] = newSections.count - 1; return newSections.count - 1 }()
            votes[i, default: [:]][j, default: 0] += 1
        }
        self.votes = oldSections.indices.map { i in
            (oldSections[i], Dictionary(uniqueKeysWithValues: (votes[i] ?? [:]).map { (newSections[$0.key], Int($0.value)) }))
        }
        guard !oldSections.isEmpty else { return }
        let n = oldSections.count, m = newSections.count
        var weight = [Double](repeating: 0, count: n * m)
        for (i, row) in votes {
            for (j, v) in row {
                weight[i * m + j] = v + (oldSections[i] == newSections[j] ? 0.5 : 0)
            }
        }
        for (i, j) in Hungarian.maximize(weight: weight, rows: n, columns: m).enumerated() {
            if let j { target[oldSections[i]] = newSections[j] }
        }
    }

    /// The new notice's section that continues the old section `parent`, if any.
    func continuation(of parent: [String]) -> [String]? { target[parent] }

    /// True when some paired task went from the old part `old` to the new part `new`, or `new` is
    /// the part `old` continues as.
    func joins(_ old: [String], _ new: [String]) -> Bool {
        target[old] == new || votes.contains { $0.old == old && $0.to[new] != nil }
    }

    /// True when a task at `old` now at `new` changed section: its part is not the one its old
    /// part continues as, or its top-level part was merged with another or split (安全生产 and
    /// 隐患治理 now one part; 信访 now two).
    func moved(old: [String], new: [String]) -> Bool {
        let a = Array(old.dropLast()), b = Array(new.dropLast())
        if let t = target[a], t != b { return true }
        if target[a] == nil, a != b { return true }
        guard old.count >= 2, new.count >= 2 else { return false }
        return !continuedTops.contains([old[0], new[0]])
    }

    /// The parts that were renumbered, retitled or spread over several parts, in the old order.
    /// Parts at the top (tasks without a parent) are left out: they have no heading to report.
    func changes(old: [NoticeSection], new: [NoticeSection]) -> [SectionChange] {
        let oldTitle = Dictionary(old.map { ($0.path, $0.title) }, uniquingKeysWith: { a, _ in a })
        let newTitle = Dictionary(new.map { ($0.path, $0.title) }, uniquingKeysWith: { a, _ in a })
        return votes.compactMap { v -> SectionChange? in
            guard !v.old.isEmpty else { return nil }
            let to = target[v.old]
            let others = v.to.keys.filter { $0 != to }.sorted { v.to[$0]! != v.to[$1]! ? v.to[$0]! > v.to[$1]! : $0.lexicographicallyPrecedes($1) }
            let a = oldTitle[v.old] ?? "", b = to.flatMap { newTitle[$0] }
            guard to != v.old || !others.isEmpty || (b != nil && TitleKey.of(a) != TitleKey.of(b!)) else { return nil }
            return SectionChange(old: v.old, oldTitle: a, new: to, newTitle: b, tasks: to.flatMap { v.to[$0] } ?? 0, alsoTo: others)
        }
    }
}

/// Headings compared without punctuation and spaces (（二）矛盾纠纷化解。 ~ 矛盾纠纷化解).
enum TitleKey {
    static func of(_ s: String) -> String { String(s.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init)) }
}
