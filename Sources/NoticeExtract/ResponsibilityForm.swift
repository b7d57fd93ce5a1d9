import Foundation

/// One way a notice states responsibility: a name for tests and debugging, and a reader.
struct ResponsibilityForm: Sendable {
    let name: String
    let read: @Sendable (ResponsibilityEvidence, ResponsibilityContext) -> Responsibility?
}
