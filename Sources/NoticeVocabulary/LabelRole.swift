/// What a responsibility label (牵头单位：, 配合单位：, 责任人：, 完成时限：) says about the words after it.
public enum LabelRole: Sendable, Equatable {
    /// The unit that leads: 牵头单位, 主办, 牵头责任单位.
    case lead
    /// Units that support: 配合单位, 协办, 主要协作单位, 协同科室.
    case support
    /// Units responsible with no lead/support distinction: 责任单位, 负责部门, 落实科室, 实施主体.
    case responsible
    /// People, never units: 责任领导, 牵头领导, 责任人.
    case person
    /// Another field written beside the units (完成时限, 备注): it ends a list of units.
    case otherField

    /// Whether the label's value is a list of units.
    public var namesUnits: Bool { self == .lead || self == .support || self == .responsible }
}
