/// What differs between the two tasks of a pair (the `changes` labels of the JSON report).
public enum ChangeKind: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// The set of 牵头 units.
    case lead
    /// The set of 配合 units.
    case support
    /// The set of 责任 units (lists that name no lead).
    case responsible
    /// The time limits (a shift by exactly the difference of the work years is no change).
    case deadline
    /// The quantitative targets (comparator, value, unit, period).
    case metric
    /// The wording, beyond the unit names, time limits and targets already reported.
    case text
    /// The task sits in a different section (after aligning renumbered sections).
    case moved

    public static func < (a: ChangeKind, b: ChangeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
