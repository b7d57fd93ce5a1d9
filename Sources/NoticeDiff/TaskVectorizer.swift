import Foundation
import NoticeText

/// TF-IDF vectors of task texts.
///
/// Terms are the search tokens of the folded text (`Tokenizer`, document mode): overlapping CJK
/// bigrams, ICU dictionary words of three or more characters, and runs of letters or digits;
/// single-character unigrams are dropped (too common to tell tasks apart). Each thesaurus topic a
/// task names is one more term (`TopicTerms`), weighted `topicBoost` times: a topic outweighs
/// the generic verbs around it and survives rewording through its synonyms.
///
/// A term's weight is (1 + ln tf) · ln(1 + N / df). With a `TermBackground`, N and df count every
/// task of the index as well as the two notices', so words every notice of the genre uses (加强,
/// 工作, 单位) weigh little however short the two notices are; otherwise the two notices alone.
struct TaskVectorizer {
    static let topicBoost = 2.0
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

    /// Every token term (not topic) of the texts added so far: what to ask the index about.
    var tokenTerms: [String] { terms.filter { !$0.hasPrefix(Self.topicPrefix) } }

    /// Inverse document frequency of every term over the texts added so far (and the background).
    func idf(background: TermBackground? = nil) -> [Int32: Double] {
        var df: [Int32: Int] = [:]
        for c in counts { for id in c.keys { df[id, default: 0] += 1 } }
        let local = Double(max(1, counts.count))
        return Dictionary(uniqueKeysWithValues: df.map { id, n in
            let term = terms[Int(id)]
            let boost = term.hasPrefix(Self.topicPrefix) ? Self.topicBoost : 1
            if let background, !term.hasPrefix(Self.topicPrefix) {
                let all = Double(background.documents) + local
                let d = Double((background.frequencies[term] ?? 0) + n)
                return (id, log(1 + all / max(1, d)))
            }
            return (id, boost * log(1 + local / Double(n)))
        })
    }

    /// The TF-IDF vector of the text added at `index`.
    func vector(_ index: Int, idf: [Int32: Double]) -> SparseVector {
        Self.weigh(counts[index], idf: idf)
    }

    /// The TF-IDF vector of any text (terms never added get the rarest weight seen).
    mutating func vector(of text: String, idf: [Int32: Double]) -> SparseVector {
        Self.weigh(termCounts(text), idf: idf)
    }

    private static func weigh(_ tf: [Int32: Int], idf: [Int32: Double]) -> SparseVector {
        let fallback = idf.values.max() ?? 1
        var w: [Int32: Double] = [:]
        for (id, n) in tf { w[id] = (1 + log(Double(n))) * (idf[id] ?? fallback) }
        return SparseVector(w)
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
            tf[intern(t.text), default: 0] += 1
        }
        for topic in topics.topics(of: SearchFolding.key(text)) {
            tf[intern(Self.topicPrefix + topic), default: 0] += 1
        }
        return tf
    }
}
