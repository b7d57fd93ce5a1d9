import NoticeModel
import NoticeText

/// Compares the two tasks of a pair field by field: the change labels and their old → new values.
struct PairComparer {
    let units: UnitNames
    let oldYear: Int?
    let newYear: Int?
    /// False when one notice names no unit in any role: its tasks' roles say nothing about change.
    let rolesComparable: Bool
    let words = WordDiff()

    init(old: Notice, new: Notice, units: UnitNames, rolesComparable: Bool) {
        self.units = units
        oldYear = old.year
        newYear = new.year
        self.rolesComparable = rolesComparable
    }

    /// Whether any task of `notice` names a unit as lead, support or responsible (a notice
    /// without tasks has nothing to judge against and does not count as naming none).
    static func namesUnits(_ notice: Notice) -> Bool {
        notice.tasks.isEmpty || notice.tasks.contains { !$0.lead.isEmpty || !$0.support.isEmpty || !$0.responsible.isEmpty }
    }

    /// The changes from `a` (old) to `b` (new).
    func compare(_ a: NoticeTask, _ b: NoticeTask, sections: SectionAlignment) -> (changes: [ChangeKind], details: PairDetails) {
        var changes: [ChangeKind] = []
        var details = PairDetails()
        func roles(_ x: [String], _ y: [String]) -> ValueChange<[String]>? {
            let cx = units.canonical(x), cy = units.canonical(y)
            return Set(cx) == Set(cy) ? nil : ValueChange(old: cx, new: cy)
        }
        if rolesComparable {
            if let c = roles(Self.effectiveLead(a), Self.effectiveLead(b)) { changes.append(.lead); details.lead = c }
            if let c = roles(a.support, b.support) { changes.append(.support); details.support = c }
            if comparesResponsible(a, b), let c = roles(a.responsible, b.responsible) {
                changes.append(.responsible)
                details.responsible = c
            }
        }
        if !sameDeadlines(a.deadlines, b.deadlines) {
            changes.append(.deadline)
            details.deadline = ValueChange(old: a.deadlines, new: b.deadlines)
        }
        if a.metrics.map(Self.metricKey).sorted() != b.metrics.map(Self.metricKey).sorted() {
            changes.append(.metric)
            details.metric = ValueChange(old: a.metrics, new: b.metrics)
        }
        // Names of the explicit annotations are the role labels' business; a unit named only in the
        // prose (委安稳办要… → 办公室要…) is wording.
        let named = units.foldedForms(of: a.lead + a.support + a.responsible + b.lead + b.support + b.responsible)
        // The same words, or the same words with each notice's work year as the placeholder (a task
        // copied verbatim keeps "2024年"; one carried over a year on says "2025年").
        if SearchFolding.key(a.text) != SearchFolding.key(b.text),
           TaskWording.key(a, unitForms: named, year: nil) != TaskWording.key(b, unitForms: named, year: nil),
           TaskWording.key(a, unitForms: named, year: oldYear) != TaskWording.key(b, unitForms: named, year: newYear) {
            changes.append(.text)
            details.text = words.diff(a.text, b.text)
        }
        if sections.moved(old: a.path, new: b.path) {
            changes.append(.moved)
            let parent = Array(a.path.dropLast())
            details.moved = SectionMove(old: parent, new: Array(b.path.dropLast()), oldSectionNow: sections.continuation(of: parent))
        }
        return (changes, details)
    }

    /// The lead, or the one unit a task makes responsible when it names no lead: "（X负责）" one
    /// year and "牵头处室：X" the next is the same lead written two ways.
    static func effectiveLead(_ t: NoticeTask) -> [String] {
        !t.lead.isEmpty ? t.lead : t.responsible.count == 1 ? t.responsible : []
    }

    /// Whether the responsible lists say something about change: only when both tasks have one
    /// (a 责任单位 list changed). Units written as 牵头/配合 one year and as a 责任处室 list the next
    /// are notation; the lead and support labels report what moved between them.
    func comparesResponsible(_ a: NoticeTask, _ b: NoticeTask) -> Bool {
        !a.responsible.isEmpty && !b.responsible.isEmpty
    }

    /// Years between the two notices' work years (0 when either is unknown).
    var yearShift: Int {
        guard let o = oldYear, let n = newYear else { return 0 }
        return n - o
    }

    /// True when every old deadline has its own new counterpart and none is left over: the same
    /// obligation as written, or the same one a work year on ("6月底前" in two consecutive years'
    /// notices, "2024年6月底前" → "2025年6月底前").
    func sameDeadlines(_ old: [Deadline], _ new: [Deadline]) -> Bool {
        guard old.count == new.count else { return false }
        var left = new.map(\.key)
        for d in old {
            var shifted = d
            if yearShift != 0 {
                shifted.start = d.start.map { Self.shifted($0, by: yearShift) }
                shifted.end = d.end.map { Self.shifted($0, by: yearShift) }
            }
            guard let k = left.firstIndex(of: d.key) ?? left.firstIndex(of: shifted.key) else { return false }
            left.remove(at: k)
        }
        return true
    }

    /// An ISO day moved by `years` (29 February becomes 28 February in a common year).
    static func shifted(_ iso: String, by years: Int) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]) else { return iso }
        let ny = y + years
        var day = String(parts[2])
        if parts[1] == "02", day == "29", !(ny % 4 == 0 && (ny % 100 != 0 || ny % 400 == 0)) { day = "28" }
        let year = String(ny)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(parts[1])-\(day)"
    }

    static func metricKey(_ m: Metric) -> String {
        let value: String
        switch m.value {
        case .number(let n)?: value = "\(n)"
        case .range(let lo, let hi)?: value = "\(lo)..\(hi)"
        case nil: value = ""
        }
        return "\(m.comparator.rawValue)|\(value)|\(m.unit ?? "")|\(m.period?.rawValue ?? "")"
    }
}
