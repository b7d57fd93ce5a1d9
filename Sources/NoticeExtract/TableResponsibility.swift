import Foundation
import NoticeText

/// A table row's responsibility cells: each column gives its role, unless the cell states roles
/// itself (法规科牵头，办公室配合 · 局防控办主办、各工作组协办 · 应急处、基层处等按职责分工落实).
enum TableResponsibility {
    static func read(_ cells: TableCells, known: Set<String>) -> Responsibility? {
        var lead: [String] = [], support: [String] = [], responsible: [String] = []
        var stated: Responsibility?
        for (role, texts) in [(0, cells.lead), (1, cells.support), (2, cells.responsible)] {
            for cell in texts {
                if let v = VerbalResponsibility.read(cell, known: known, unitContext: true) {
                    stated = stated ?? v
                    continue
                }
                let names = UnitNames.split(cell)
                switch role {
                case 0: lead += names
                case 1: support += names
                default: responsible += names
                }
            }
        }
        if let s = stated, lead.isEmpty, responsible.isEmpty {
            return Responsibility(lead: s.lead, support: Responsibility.dedupe(s.support + support), responsible: s.responsible)
        }
        return Responsibility.combine(lead: lead, support: support, responsible: responsible)
    }
}
