/// The explicit responsibility a task's own text states (the forms of `ResponsibilityForms`
/// that read text alone), for callers and tests that have no table row or heading.
enum ResponsibilityExtractor {
    static func explicit(in text: String, known: Set<String>, firstListedLeads: Bool = false) -> Responsibility? {
        ResponsibilityForms.decide(ResponsibilityEvidence(text: text),
                                   ResponsibilityContext(known: known, firstListedLeads: firstListedLeads))?.0
    }
}
