import NoticeText
import NoticeVocabulary

/// The genre's topic words (the thesaurus: 严重精神障碍患者, 反恐防暴, 医疗纠纷 …) found in a task,
/// each as its synonym group: 煤气 and 燃气 are one topic, so a reworded task keeps its topics.
struct TopicTerms: Sendable {
    /// Folded term → its group's name (the group's smallest term, for a stable id).
    private var group: [String: String] = [:]
    private var scanner = PhraseScanner([])

    init(_ thesaurus: Thesaurus) {
        // Union-find over the thesaurus links (one-way rules count as links here).
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        for (term, others) in thesaurus.expansions {
            let t = SearchFolding.key(term)
            if parent[t] == nil { parent[t] = t }
            for o in others {
                let k = SearchFolding.key(o)
                if parent[k] == nil { parent[k] = k }
                let (a, b) = (find(t), find(k))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        for t in parent.keys where t.count >= 2 { group[t] = find(t) }
        scanner = PhraseScanner(Array(group.keys))
    }

    static let bundled = TopicTerms((try? Thesaurus.bundled()) ?? Thesaurus())

    /// The topic groups of a folded text: its longest thesaurus terms, left to right.
    func topics(of folded: String) -> [String] {
        scanner.phrases(in: folded).compactMap { group[$0] }
    }
}
