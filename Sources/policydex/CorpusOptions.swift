import ArgumentParser
import NoticeVocabulary

/// Where the notices and the generated index live (defaults: ./corpus and ./index).
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of notice files.") var corpus: String = "corpus"
    @Option(name: .long, help: "Folder of the generated index.") var index: String = "index"

    /// The thesaurus as a loader, for a search that may never widen: a user's synonyms.txt is
    /// checked now (its mistakes are reported before any answer), the bundled entries are parsed
    /// only when the loader runs.
    func thesaurusLoader() throws -> @Sendable () -> Thesaurus {
        do { try Thesaurus.checkUserSynonyms(beside: corpus) } catch { throw UserError("\(error)") }
        let corpus = self.corpus
        return { (try? Thesaurus.forCorpus(at: corpus)) ?? Thesaurus() }
    }
}
