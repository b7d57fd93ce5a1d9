import Foundation

/// Every responsibility form, in precedence order; the first that reads anything decides the task.
/// Table cells are the most explicit (a column says the role); then labels (牵头单位：); then a
/// unit line under the item; then a unit list carrying a legend or 负责 (…负责，排在第一位的部门为
/// 牵头部门); then verbal forms (X牵头，Y配合); then an unlabelled trailing list （医务处、公卫科）;
/// and only when the task itself names nobody, what a heading above it states.
enum ResponsibilityForms {
    static let all: [ResponsibilityForm] = [
        ResponsibilityForm(name: "table cells") { e, c in
            e.cells.flatMap { TableResponsibility.read($0, known: c.known) }
        },
        ResponsibilityForm(name: "labels") { e, _ in LabelledResponsibility.read(e.text) },
        ResponsibilityForm(name: "unit line") { e, c in
            e.unitLine.flatMap { UnitLine.read($0, known: c.known) }
        },
        ResponsibilityForm(name: "unit list with a legend or 负责") { e, c in
            DutyList.read(e.text, known: c.known, firstListedLeads: c.firstListedLeads)
        },
        ResponsibilityForm(name: "verbal") { e, c in VerbalResponsibility.read(e.text, known: c.known) },
        ResponsibilityForm(name: "unlabelled list") { e, c in UnlabelledList.read(e.text, known: c.known) },
        ResponsibilityForm(name: "inherited from a heading") { e, _ in e.inherited },
    ]

    /// The task's responsibility and the form that stated it.
    static func decide(_ evidence: ResponsibilityEvidence, _ context: ResponsibilityContext) -> (Responsibility, String)? {
        for form in all {
            if let r = form.read(evidence, context), !r.isEmpty { return (r, form.name) }
        }
        return nil
    }

    /// Names the notice states in labels and table cells, before any unit lexicon exists.
    static func statedNames(_ evidence: ResponsibilityEvidence) -> [String] {
        let r = evidence.cells.flatMap { TableResponsibility.read($0, known: []) } ?? LabelledResponsibility.read(evidence.text)
        return r?.allNames ?? []
    }
}
