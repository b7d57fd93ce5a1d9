import Foundation
import NoticeDiff
import NoticeIndex
import NoticeModel

/// A diff whose words are weighed over the whole index when there is one (`diff` and `import`).
enum IndexedDiff {
    static func diff(old: Notice, new: Notice, options: NoticeDiffOptions = NoticeDiffOptions(), store: IndexStore?) -> NoticeDiffReport {
        NoticeDiffer.diff(old: old, new: new, options: options, background: store.map { store in
            { terms in
                guard let (documents, frequencies) = try? store.documentFrequencies(of: terms), documents > 0 else { return nil }
                return TermBackground(documents: documents, frequencies: frequencies)
            }
        })
    }
}
