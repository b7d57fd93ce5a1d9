import Foundation
import NoticeText

/// TF-IDF vectors of task texts over the two notices being compared.
///
/// Terms are the search tokens of the folded text (`Tokenizer`, document mode): overlapping CJK
/// bigrams, ICU dictionary words of three or more characters, and runs of letters or digits;
/// single-character unigrams are dropped (too common to tell tasks apart). A term's weight is
/// (1 + ln tf) · ln(1 + N / df), with df counted over the tasks of both notices (N of them), so
/// words every task of the genre uses (加强, 工作, 单位) weigh little.
struct TaskVectorizer {
    /// Term frequencies of each text, by interned term id.
    private(set) var counts: [[Int32: Int]] = []
    private var vocabulary: [String: Int32] = [:]
    private let tokenizer = Tokenizer()

    /// Adds a text; returns its index.
    @discardableResult
    mutating func add(_ text: String) -> Int {
        counts.append(terms(text))
        return counts.count - 1
    }

    /// Inverse document frequency of every term over the texts added so far.
    func idf() -> [Int32: Double] {
        var df: [Int32: Int] = [:]
        for c in counts { for id in c.keys { df[id, default: 0] += 1 } }
        let n = Double(max(1, counts.count))
        return df.mapValues { log(1 + n / Double($0)) }
    }

    /// The TF-IDF vector of the text added at `index`.
    func vector(_ index: Int, idf: [Int32: Double]) -> SparseVector {
        Self.weigh(counts[index], idf: idf)
    }

    /// The TF-IDF vector of any text (terms never added get the rarest weight seen).
    mutating func vector(of text: String, idf: [Int32: Double]) -> SparseVector {
        Self.weigh(terms(text), idf: idf)
    }

    private static func weigh(_ tf: [Int32: Int], idf: [Int32: Double]) -> SparseVector {
        let fallback = idf.values.max() ?? 1
        var w: [Int32: Double] = [:]
        for (id, n) in tf { w[id] = (1 + log(Double(n))) * (idf[id] ?? fallback) }
        return SparseVector(w)
    }

    private mutating func terms(_ text: String) -> [Int32: Int] {
        var tf: [Int32: Int] = [:]
        for t in tokenizer.tokens(of: text, mode: .document) {
            if t.colocated, t.text.unicodeScalars.count == 1 { continue }   // unigram beside a bigram
            let id: Int32
            if let known = vocabulary[t.text] {
                id = known
            } else {
                id = Int32(vocabulary.count)
                vocabulary[t.text] = id
            }
            tf[id, default: 0] += 1
        }
        return tf
    }
}
