import Foundation

/// Everything a task offers as evidence of who does it, gathered while its text is collected.
struct ResponsibilityEvidence {
    /// The task's paragraphs joined with "\n".
    var text: String
    /// A table row's responsibility cells by column role (lead / support / responsible), as written.
    var cells: TableCells?
    /// A line of unit names written under the item without a label (a 落实科室 column flattened
    /// into paragraphs), or the line that covers it.
    var unitLine: String?
    /// What a heading above the task states for all its items.
    var inherited: Responsibility?
}

/// A table row's responsibility cells.
struct TableCells: Equatable {
    var lead: [String] = []
    var support: [String] = []
    var responsible: [String] = []
    var isEmpty: Bool { lead.isEmpty && support.isEmpty && responsible.isEmpty }
}

/// What the whole notice says that applies to every task.
struct ResponsibilityContext {
    /// Unit names the notice states explicitly somewhere (matching keys).
    var known: Set<String> = []
    /// A legend said earlier that a list's first unit leads (排在第一位的部门为牵头部门，下同).
    var firstListedLeads = false
}
