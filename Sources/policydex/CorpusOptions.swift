import ArgumentParser
import NoticeVocabulary

/// Where the notices and the generated index live (defaults: ./corpus and ./index).
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of notice files.") var corpus: String = "corpus"
    @Option(name: .long, help: "Folder of the generated index.") var index: String = "index"

    /// The search thesaurus for this corpus (see `Thesaurus.forCorpus`).
    func thesaurus() throws -> Thesaurus {
        do { return try Thesaurus.forCorpus(at: corpus) } catch { throw UserError("\(error)") }
    }
}
