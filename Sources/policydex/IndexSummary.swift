import NoticeIndex

/// The one-line summary of an index run.
enum IndexSummary {
    static func line(_ r: IndexReport) -> String {
        var changes: [String] = []
        if !r.added.isEmpty { changes.append("\(r.added.count) added") }
        if !r.updated.isEmpty { changes.append("\(r.updated.count) changed") }
        if !r.removed.isEmpty { changes.append("\(r.removed.count) removed") }
        if !r.unchanged.isEmpty { changes.append("\(r.unchanged.count) unchanged") }
        return "indexed \(r.notices) notices: \(r.tasks) tasks, \(r.units) units, "
            + "\(r.tasksWithoutLead) tasks without an explicit lead"
            + (changes.isEmpty ? "" : " (" + changes.joined(separator: ", ") + ")")
            + "; skipped \(r.skipped.count) files"
    }
}
