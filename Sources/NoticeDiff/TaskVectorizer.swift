import Foundation
import NoticeText

/// TF-IDF vectors of task texts.
///
/// Terms are the search tokens of the folded text (`Tokenizer`, document mode): overlapping CJK
/// bigrams, ICU dictionary words of three or more characters, and runs of letters or digits;
/// single-character unigrams are dropped (too common to tell tasks apart). Each thesaurus topic a
/// task names (`TopicTerms`) is a term of a second vector, so a topic is evidence of its own
/// beside the generic verbs around it and survives rewording through its synonyms.
///
/// A term's weight is (1 + ln tf) · ln(1 + N / df). With a `TermBackground`, N and df count every
/// task of the index as well as the two notices', so words every notice of the genre uses (加强,
/// 工作, 单位) weigh little however short the two notices are; otherwise the two notices alone.
/// ICU words, single characters and topics always weigh by the two notices: the index does not
/// hold them (or not everywhere they occur).
struct TaskVectorizer {
    static let topicPrefix = "§"

    /// Term frequencies of each text, by interned term id.
    private(set) var counts: [[Int32: Int]] = []
    /// Interned id → term.
    private(set) var terms: [String] = []
    private var vocabulary: [String: Int32] = [:]
    private let tokenizer = Tokenizer()
    private let topics: TopicTerms

    init(topics: TopicTerms = .bundled) {
        self.topics = topics
    }

    /// Adds a text; returns its index.
    @discardableResult
    mutating func add(_ text: String) -> Int {
        counts.append(termCounts(text))
        return counts.count - 1
    }

    /// Every term of the texts added so far that the index holds: what to ask it about.
    var tokenTerms: [String] { terms.filter(Self.isIndexToken) }

    /// Bigrams and letter/digit runs are index tokens, whose document frequencies the index
    /// knows. Topics, ICU words (three or more CJK characters) and single CJK characters are not:
    /// the index holds no words, and a character only where it ends a run, so they weigh by the
    /// two notices alone.
    static func isIndexToken(_ term: String) -> Bool {
        if term.hasPrefix(topicPrefix) { return false }
        var cjk = 0
        for scalar in term.unicodeScalars {
            guard Tokenizer.isCJK(scalar.value) else { return true }
            cjk += 1
        }
        return cjk == 2
    }

    /// Inverse document frequency of every term over the texts added so far (and the background).
    func idf(background: TermBackground? = nil) -> [Int32: Double] {
        var df: [Int32: Int] = [:]
        for c in counts { for id in c.keys { df[id, default: 0] += 1 } }
        let local = Double(max(1, counts.count))
        return Dictionary(uniqueKeysWithValues: df.map { id, n in
            let term = terms[Int(id)]
            // Terms the index does not hold weigh by the two notices alone.
            if let background, Self.isIndexToken(term) {
                let all = Double(background.documents) + local
                let d = Double((background.frequencies[term] ?? 0) + n)
                return (id, log(1 + all / max(1, d)))
            }
            return (id, log(1 + local / Double(n)))
        })
    }

    /// The TF-IDF vectors of the text added at `index`: its words, and its topics.
    func vectors(_ index: Int, idf: [Int32: Double]) -> (words: SparseVector, topics: SparseVector) {
        split(counts[index], idf: idf)
    }

    /// The TF-IDF vectors of any text (terms never added get the rarest weight seen).
    mutating func vectors(of text: String, idf: [Int32: Double]) -> (words: SparseVector, topics: SparseVector) {
        // Interned first: `split` must read the terms this text adds.
        let tf = termCounts(text)
        return split(tf, idf: idf)
    }

    private func split(_ tf: [Int32: Int], idf: [Int32: Double]) -> (words: SparseVector, topics: SparseVector) {
        let fallback = idf.values.max() ?? 1
        var words: [Int32: Double] = [:], topics: [Int32: Double] = [:]
        for (id, n) in tf {
            let w = (1 + log(Double(n))) * (idf[id] ?? fallback)
            if terms[Int(id)].hasPrefix(Self.topicPrefix) { topics[id] = w } else { words[id] = w }
        }
        return (SparseVector(words), SparseVector(topics))
    }

    private mutating func intern(_ term: String) -> Int32 {
        if let known = vocabulary[term] { return known }
        let id = Int32(terms.count)
        vocabulary[term] = id
        terms.append(term)
        return id
    }

    private mutating func termCounts(_ text: String) -> [Int32: Int] {
        var tf: [Int32: Int] = [:]
        for t in tokenizer.tokens(of: text, mode: .document) {
            if t.colocated, t.text.unicodeScalars.count == 1 { continue }   // unigram beside a bigram
            if t.isIndexOnly { continue }   // run markers, later starts of a letter/digit run
            tf[intern(t.text), default: 0] += 1
        }
        for topic in topics.topics(of: SearchFolding.key(text)) {
            tf[intern(Self.topicPrefix + topic), default: 0] += 1
        }
        return tf
    }
}
