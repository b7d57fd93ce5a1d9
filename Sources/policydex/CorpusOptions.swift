import ArgumentParser
import Foundation
import NoticeVocabulary

/// Where the notices and the generated index live (defaults: ./corpus and ./index).
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of notice files.") var corpus: String = "corpus"
    @Option(name: .long, help: "Folder of the generated index.") var index: String = "index"

    /// The bundled thesaurus, extended by a `synonyms.txt` beside the corpus folder when there is one.
    func thesaurus() throws -> Thesaurus {
        var t = (try? Thesaurus.bundled()) ?? Thesaurus()
        let user = URL(fileURLWithPath: corpus).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("synonyms.txt")
        if let text = try? String(contentsOf: user, encoding: .utf8) {
            do { try t.add(text, source: user.path) } catch { throw UserError("\(error)") }
        }
        return t
    }
}
