import Foundation
import NoticeDiff
import NoticeIndex
import NoticeModel
import NoticeVocabulary

/// A diff whose words are weighed over the whole index when there is one, and whose topics come
/// from the same thesaurus search reads (the bundled one plus a synonyms.txt beside the corpus).
public enum IndexedDiff {
    public static func diff(old: Notice, new: Notice, options: NoticeDiffOptions = NoticeDiffOptions(), store: IndexStore?,
                     corpus: String) throws -> NoticeDiffReport {
        // A malformed synonyms.txt is the user's to mend, as in search.
        let thesaurus = try Thesaurus.forCorpus(at: corpus)
        return NoticeDiffer.diff(old: old, new: new, options: options, background: store.map { store in
            { terms in
                guard let (documents, frequencies) = try? store.documentFrequencies(of: terms), documents > 0 else { return nil }
                return TermBackground(documents: documents, frequencies: frequencies)
            }
        }, thesaurus: thesaurus)
    }
}
