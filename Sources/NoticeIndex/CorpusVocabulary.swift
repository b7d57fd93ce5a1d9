import Foundation
import GRDB
import NoticeText

/// Words of the indexed task texts that a short query may have meant: the same characters in
/// order with a few between them (电诈 → 电信网络诈, an abbreviation), or one character different,
/// preferring one that sounds the same (信仿 → 信访, a typo). Read only when the query as written
/// is in no task; one pass over the folded task texts, which that rare path can afford.
enum CorpusVocabulary {
    /// Up to `limit` corpus strings for `key` (a folded query of 2–4 Chinese characters), most
    /// frequent first; typos of the same sound lead. Without `frequentVariants`, only a same-sound
    /// typo or an abbreviation's fuller forms (a word inside a longer query: 手机 must not become 疗机).
    static func suggestions(for key: String, limit: Int = 3, frequentVariants: Bool = true, _ db: Database) throws -> [String] {
        let chars = Array(key)
        guard (2...4).contains(chars.count), chars.allSatisfy({ $0.unicodeScalars.allSatisfy { Tokenizer.isCJK($0.value) } }) else { return [] }
        var counts: [String: Int] = [:], abbreviations: [String: Int] = [:]
        var sameSound = Set<String>()
        let scalars = key.unicodeScalars.map { $0 }
        guard scalars.count == chars.count else { return [] }
        // One character different, at each place; and (up to three characters) the characters in
        // order with others between (an abbreviation): the texts for every shape in one pass.
        var shapes = scalars.indices.map { Shape.oneDifferent(prefix: Array(scalars[..<$0]), suffix: Array(scalars[($0 + 1)...])) }
        if chars.count <= 3 { shapes.append(.inOrder(scalars)) }
        let texts = try foldedTexts(matching: shapes, db)
        for i in chars.indices {
            for text in texts[i] {
                for found in occurrences(in: text, chars: chars, wildcard: i) {
                    counts[found, default: 0] += 1
                    if Pinyin.shared.of(Array(found)[i]) == Pinyin.shared.of(chars[i]), !Pinyin.shared.of(chars[i]).isEmpty {
                        sameSound.insert(found)
                    }
                }
            }
        }
        // The characters in order, up to three others between each two (an abbreviation).
        if chars.count <= 3 {
            for text in texts[chars.count] {
                for found in windows(in: text, chars: chars, maxGap: 3) { abbreviations[found, default: 0] += 1 }
            }
        }
        counts[key] = nil
        abbreviations[key] = nil
        func byCount(_ a: String, _ b: String, _ c: [String: Int]) -> Bool { c[a]! != c[b]! ? c[a]! > c[b]! : a < b }
        // A typo that sounds the same is the answer; else the abbreviation's fuller forms; else
        // other one-character variants seen often.
        let sound = counts.keys.filter(sameSound.contains).sorted { byCount($0, $1, counts) }
        if !sound.isEmpty { return Array(sound.prefix(limit)) }
        let fuller = abbreviations.keys.filter { abbreviations[$0]! >= 2 }.sorted { byCount($0, $1, abbreviations) }
        if !fuller.isEmpty { return Array(fuller.prefix(limit)) }
        guard frequentVariants else { return [] }
        return Array(counts.keys.filter { counts[$0]! >= 3 }.sorted { byCount($0, $1, counts) }.prefix(limit))
    }

    /// The strings of `text` equal to `chars` but for position `wildcard`, which must be Chinese.
    /// What a folded text must hold: the query with any one character in place of one of its own
    /// (`LIKE '%ab_c%'`), or the query's characters in order with any between (`LIKE '%a%b%c%'`).
    enum Shape {
        case oneDifferent(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar])
        case inOrder([Unicode.Scalar])

        /// Pieces every text of the shape holds as they are: tested first, as byte searches (most
        /// texts hold none, and are never split into scalars).
        var pieces: [String] {
            switch self {
            case .oneDifferent(let prefix, let suffix):
                return [prefix, suffix].filter { !$0.isEmpty }.map { String(String.UnicodeScalarView($0)) }
            case .inOrder(let chars):
                return chars.map { String($0) }
            }
        }

        func matches(_ text: [Unicode.Scalar]) -> Bool {
            switch self {
            case .oneDifferent(let prefix, let suffix):
                let length = prefix.count + 1 + suffix.count
                guard text.count >= length else { return false }
                return (0...(text.count - length)).contains { s in
                    text[s..<(s + prefix.count)].elementsEqual(prefix) && text[(s + prefix.count + 1)..<(s + length)].elementsEqual(suffix)
                }
            case .inOrder(let chars):
                var next = chars.startIndex
                for c in text where next < chars.endIndex && c == chars[next] { next += 1 }
                return next == chars.endIndex
            }
        }
    }

    /// For each shape, up to 400 folded task texts holding it, in index order: one pass over the
    /// tasks, each notice's text inflated once (a `LIKE` scan per shape through the views had
    /// inflated every notice once per shape).
    private static func foldedTexts(matching shapes: [Shape], _ db: Database) throws -> [[String]] {
        var found = [[String]](repeating: [], count: shapes.count)
        let pieces = shapes.map(\.pieces)
        let reader = StoredTextReader(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT notice_id, text_spans FROM task_rows ORDER BY id")
        while let row = try rows.next(), found.contains(where: { $0.count < 400 }) {
            let key = SearchFolding.key(reader.text(notice: row["notice_id"], spans: row["text_spans"]))
            var scalars: [Unicode.Scalar]?
            for (k, shape) in shapes.enumerated() where found[k].count < 400 && pieces[k].allSatisfy(key.contains) {
                if scalars == nil { scalars = key.unicodeScalars.map { $0 } }
                if shape.matches(scalars!) { found[k].append(key) }
            }
        }
        return found
    }

    static func occurrences(in text: String, chars: [Character], wildcard: Int) -> [String] {
        let t = Array(text)
        guard t.count >= chars.count else { return [] }
        var out: [String] = []
        for s in 0...(t.count - chars.count) {
            var ok = true
            for j in chars.indices where j != wildcard && t[s + j] != chars[j] { ok = false; break }
            guard ok, t[s + wildcard] != chars[wildcard],
                  t[s + wildcard].unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }) else { continue }
            out.append(String(t[s..<(s + chars.count)]))
        }
        return out
    }

    /// Shortest windows of `text` holding `chars` in order with at most `maxGap` Chinese characters
    /// between each two: 电信网络诈 for 电诈.
    static func windows(in text: String, chars: [Character], maxGap: Int) -> [String] {
        let t = Array(text)
        var out: [String] = []
        for s in t.indices where t[s] == chars[0] {
            var pos = s, ok = true
            for c in chars.dropFirst() {
                var k = pos + 1, gap = 0
                while k < t.count, t[k] != c, gap < maxGap, t[k].unicodeScalars.allSatisfy({ Tokenizer.isCJK($0.value) }) { k += 1; gap += 1 }
                guard k < t.count, t[k] == c else { ok = false; break }
                pos = k
            }
            if ok, pos - s + 1 > chars.count { out.append(String(t[s...pos])) }
        }
        return out
    }
}
