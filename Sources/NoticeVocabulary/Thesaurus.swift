import Foundation

/// The genre thesaurus: what staff say (煤气, 电动车, 反诈) linked to what notices write (燃气,
/// 电动自行车, 电信网络诈骗). Solr/Elasticsearch synonym format, one entry per line: `a, b, c`
/// makes the terms equivalent, `a, b => c, d` expands the left side to the right only, `#` starts
/// a comment. The curated file ships as a resource of this module; a user's own `synonyms.txt`
/// beside `corpus/` extends it without rebuilding. Search does not read it yet (issue 8).
public struct Thesaurus: Sendable {
    /// Term → the terms it expands to (not including itself), in file order.
    public private(set) var expansions: [String: [String]] = [:]
    /// Entry lines read (equivalences and one-way rules).
    public private(set) var entryCount = 0

    public init() {}

    /// Parses `text`; a line that is neither an entry nor a comment is an error naming its line.
    public init(parsing text: String, source: String = "thesaurus") throws {
        try add(text, source: source)
    }

    /// The thesaurus shipped with policydex.
    public static func bundled() throws -> Thesaurus {
        guard let url = Bundle.module.url(forResource: "thesaurus", withExtension: "txt") else {
            throw ThesaurusError.missing("the bundled thesaurus.txt")
        }
        return try Thesaurus(parsing: String(contentsOf: url, encoding: .utf8), source: "thesaurus.txt")
    }

    /// The bundled thesaurus extended by the `synonyms.txt` beside the corpus folder, when there is
    /// one. A binary copied away from its resource bundle searches without the bundled entries.
    public static func forCorpus(at corpus: String) throws -> Thesaurus {
        var t = (try? bundled()) ?? Thesaurus()
        let user = userSynonyms(beside: corpus)
        if let text = try? String(contentsOf: user, encoding: .utf8) { try t.add(text, source: user.path) }
        return t
    }

    /// Where a user's `synonyms.txt` for `corpus` is: beside the corpus folder.
    static func userSynonyms(beside corpus: String) -> URL {
        URL(fileURLWithPath: corpus).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("synonyms.txt")
    }

    /// Parses the `synonyms.txt` beside the corpus folder, if any, and throws its first mistake.
    public static func checkUserSynonyms(beside corpus: String) throws {
        let user = userSynonyms(beside: corpus)
        if let text = try? String(contentsOf: user, encoding: .utf8) {
            var probe = Thesaurus()
            try probe.add(text, source: user.path)
        }
    }

    /// Adds the entries of `text` (a user's synonyms.txt) to these.
    public mutating func add(_ text: String, source: String) throws {
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let sides = line.components(separatedBy: "=>")
            guard sides.count <= 2 else { throw ThesaurusError.malformed(source: source, line: n + 1, text: line) }
            let left = Self.terms(sides[0])
            guard !left.isEmpty else { throw ThesaurusError.malformed(source: source, line: n + 1, text: line) }
            if sides.count == 2 {
                let right = Self.terms(sides[1])
                guard !right.isEmpty else { throw ThesaurusError.malformed(source: source, line: n + 1, text: line) }
                for term in left { link(term, to: right) }
            } else {
                guard left.count >= 2 else { throw ThesaurusError.malformed(source: source, line: n + 1, text: line) }
                for term in left { link(term, to: left) }
            }
            entryCount += 1
        }
    }

    /// What `term` expands to (never itself).
    public func expansions(of term: String) -> [String] { expansions[term] ?? [] }

    private mutating func link(_ term: String, to others: [String]) {
        var list = expansions[term] ?? []
        for o in others where o != term && !list.contains(o) { list.append(o) }
        expansions[term] = list
    }

    private static func terms(_ side: String) -> [String] {
        side.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A thesaurus file that cannot be read.
public enum ThesaurusError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case malformed(source: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .missing(let what): return "\(what) is missing"
        case .malformed(let source, let line, let text): return "\(source):\(line): not a synonym entry: \(text)"
        }
    }
}
