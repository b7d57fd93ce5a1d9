import Foundation
import GRDB
import NoticeText

/// Words of the indexed task texts that a short query may have meant: the same characters in
/// order with a few between them (电诈 → 电信网络诈, an abbreviation), or one character different,
/// preferring one that sounds the same (信仿 → 信访, a typo). Read only when the query as written
/// is in no task; `LIKE` scans the folded task texts, which that rare path can afford.
enum CorpusVocabulary {
    /// Up to `limit` corpus strings for `key` (a folded query of 2–4 Chinese characters), most
    /// frequent first; typos of the same sound lead. Without `frequentVariants`, only a same-sound
    /// typo or an abbreviation's fuller forms (a word inside a longer query: 手机 must not become 疗机).
    static func suggestions(for key: String, limit: Int = 3, frequentVariants: Bool = true, _ db: Database) throws -> [String] {
        let chars = Array(key)
        guard (2...4).contains(chars.count), chars.allSatisfy({ $0.unicodeScalars.allSatisfy { Tokenizer.isCJK($0.value) } }) else { return [] }
        var counts: [String: Int] = [:], abbreviations: [String: Int] = [:]
        var sameSound = Set<String>()
        // One character different.
        for i in chars.indices {
            let pattern = "%" + String(chars[..<i]) + "_" + String(chars[(i + 1)...]) + "%"
            for text in try foldedTexts(like: pattern, db) {
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
            let pattern = "%" + chars.map(String.init).joined(separator: "%") + "%"
            for text in try foldedTexts(like: pattern, db) {
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
    /// Up to 400 folded task texts matching a `LIKE` pattern (folded as they are read).
    private static func foldedTexts(like pattern: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM (SELECT policydex_fold(text) AS key FROM tasks) WHERE key LIKE ? LIMIT 400",
                            arguments: [pattern])
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
