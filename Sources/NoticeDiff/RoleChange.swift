/// How one unit's tasks in one role (lead, support, responsible) changed between the notices.
public struct RoleChange: Codable, Sendable, Hashable {
    /// New-notice task ids the unit has this role in and did not before (new tasks, or paired
    /// tasks where the role was given to it).
    public var new: [String] = []
    /// Old-notice task ids the unit had this role in and no longer has (removed tasks, or paired
    /// tasks where the role was taken from it).
    public var dropped: [String] = []
    /// New-notice task ids the unit keeps this role in, where the task changed otherwise.
    public var changed: [String] = []
    /// How many tasks the unit keeps this role in unchanged.
    public var unchanged: Int = 0

    public init() {}

    public var isEmpty: Bool { new.isEmpty && dropped.isEmpty && changed.isEmpty && unchanged == 0 }

    /// True when something happened (more than unchanged tasks).
    public var hasChanges: Bool { !new.isEmpty || !dropped.isEmpty || !changed.isEmpty }
}
