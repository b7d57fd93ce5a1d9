import Foundation
import NoticeModel

/// An annotated notice in the gold schema of ../shared/eval/SCHEMA.md.
struct ExpectedCatalog: Decodable {
    struct Meta: Decodable {
        var issuer: String?
        var number: String?
        var date: String?
        var title: String?
        var year: Int?
    }

    struct Task: Decodable {
        var path: [String]
        var anchor: String
        var core: Bool
        var lead: [String]
        var support: [String]
        var responsible: [String]
        var inferred: [String]
        var deadlines: [Deadline]
        var metrics: [Metric]
    }

    var doc: String
    var meta: Meta
    var aliases: [String: [String]]?
    var tasks: [Task]

    static func load(_ url: URL) throws -> ExpectedCatalog {
        try JSONDecoder().decode(ExpectedCatalog.self, from: Data(contentsOf: url))
    }
}

/// Where the test data lives, relative to this file.
enum Fixtures {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = testsDir.appendingPathComponent("Fixtures")
    static let packageRoot = testsDir.deletingLastPathComponent()
    static let corpus = packageRoot.appendingPathComponent("corpus")
    static let notices = root.appendingPathComponent("notices")

    static func files(in dir: URL, ext: String) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == ext }.sorted { $0.path < $1.path }
    }
}

/// Compares an extracted notice with its annotation the way ../shared/eval/score_catalog.py
/// matches tasks (by anchor), but strictly: every difference is reported.
enum CatalogComparison {
    static func norm(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    static func differences(expected: ExpectedCatalog, actual: Notice) -> [String] {
        var out: [String] = []
        var alias: [String: String] = [:]
        for (canon, forms) in expected.aliases ?? [:] { for f in forms { alias[norm(f)] = norm(canon) } }
        func units(_ names: [String]) -> [String] { names.map { alias[norm($0)] ?? norm($0) }.sorted() }
        func deadlineKeys(_ ds: [Deadline]) -> [String] { ds.map(\.key).sorted() }
        func metricKeys(_ ms: [Metric]) -> [String] {
            ms.map { m in
                let v: String
                switch m.value {
                case .none: v = "nil"
                case .number(let n)?: v = String(n)
                case .range(let a, let b)?: v = "\(a)-\(b)"
                }
                return "\(m.comparator.rawValue) \(v) \(m.unit.map(norm) ?? "nil") \(m.period?.rawValue ?? "nil")"
            }.sorted()
        }

        let meta = expected.meta
        if norm(meta.issuer ?? "") != norm(actual.issuer ?? "") { out.append("issuer: want \(meta.issuer ?? "nil") got \(actual.issuer ?? "nil")") }
        if norm(meta.number ?? "") != norm(actual.number ?? "") { out.append("number: want \(meta.number ?? "nil") got \(actual.number ?? "nil")") }
        if meta.date != actual.date { out.append("date: want \(meta.date ?? "nil") got \(actual.date ?? "nil")") }
        if norm(meta.title ?? "") != norm(actual.title ?? "") { out.append("title: want \(meta.title ?? "nil") got \(actual.title ?? "nil")") }
        if meta.year != actual.year { out.append("year: want \(meta.year.map(String.init) ?? "nil") got \(actual.year.map(String.init) ?? "nil")") }

        let texts = actual.tasks.map { norm($0.text) }
        var used = Set<Int>()
        for t in expected.tasks {
            let a = norm(t.anchor)
            let candidates = texts.indices.filter { !used.contains($0) && texts[$0].contains(a) }
            guard let best = candidates.min(by: { lhs, rhs in
                let l = (texts[lhs].range(of: a).map { texts[lhs].distance(from: texts[lhs].startIndex, to: $0.lowerBound) } ?? 0) > 12
                let r = (texts[rhs].range(of: a).map { texts[rhs].distance(from: texts[rhs].startIndex, to: $0.lowerBound) } ?? 0) > 12
                return l != r ? !l : texts[lhs].count < texts[rhs].count
            }) else {
                out.append("\(t.path.joined(separator: "/")): missing task «\(t.anchor)»")
                continue
            }
            used.insert(best)
            let got = actual.tasks[best]
            let where_ = t.path.joined(separator: "/")
            if got.path != t.path { out.append("\(where_): path got \(got.path.joined(separator: "/"))") }
            if units(got.lead) != units(t.lead) { out.append("\(where_): lead want \(t.lead) got \(got.lead)") }
            if units(got.support) != units(t.support) { out.append("\(where_): support want \(t.support) got \(got.support)") }
            if units(got.responsible) != units(t.responsible) { out.append("\(where_): responsible want \(t.responsible) got \(got.responsible)") }
            if deadlineKeys(got.deadlines) != deadlineKeys(t.deadlines) {
                out.append("\(where_): deadlines want \(deadlineKeys(t.deadlines)) got \(deadlineKeys(got.deadlines))")
            }
            if metricKeys(got.metrics) != metricKeys(t.metrics) {
                out.append("\(where_): metrics want \(metricKeys(t.metrics)) got \(metricKeys(got.metrics))")
            }
        }
        for i in actual.tasks.indices where !used.contains(i) {
            out.append("extra task \(actual.tasks[i].path.joined(separator: "/")) «\(actual.tasks[i].text.prefix(20))»")
        }
        return out
    }
}
