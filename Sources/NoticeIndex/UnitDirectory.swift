import Foundation
import GRDB
import NoticeText

/// Responsibility queries: a unit's tasks through its canonical name, aliases and folded forms;
/// every unit with counts; suggestions for unknown names.
public struct UnitDirectory: Sendable {
    public let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    static let issuerPrefixes = ["本委", "我委", "委", "本局", "我局", "局", "我院", "院", "区", "市", "县"]

    /// The unit ids a written name refers to: canonical names and aliases, compared folded
    /// (Traditional/width), then without an issuer prefix (委安稳办 → 安稳办), then a name
    /// written with its abbreviation in parentheses. Unknown → `IndexError.unknownUnit`.
    static func resolve(_ name: String, _ db: Database) throws -> [Int64] {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var candidates = [SearchFolding.key(trimmed)]
        if let open = trimmed.firstIndex(where: { $0 == "（" || $0 == "(" }), trimmed.last == "）" || trimmed.last == ")" {
            candidates.append(SearchFolding.key(String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])))
            candidates.append(SearchFolding.key(String(trimmed[..<open])))
        }
        for p in issuerPrefixes where candidates[0].hasPrefix(p) && candidates[0].count > p.count + 1 {
            candidates.append(String(candidates[0].dropFirst(p.count)))
        }
        for key in candidates where !key.isEmpty {
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM units WHERE key = ?
                UNION SELECT unit_id FROM unit_aliases WHERE key = ?
                """, arguments: [key, key])
            if !ids.isEmpty { return ids }
        }
        throw IndexError.unknownUnit(name: trimmed, suggestions: try suggestions(for: candidates[0], db))
    }

    /// Up to five unit names close to `key`: containing it, contained in it, or sharing characters.
    static func suggestions(for key: String, _ db: Database) throws -> [String] {
        let chars = Set(key)
        guard !chars.isEmpty else { return [] }
        var scored: [(String, Int)] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT u.name, u.key FROM units u
            UNION SELECT u.name, a.key FROM unit_aliases a JOIN units u ON u.id = a.unit_id
            """) {
            let name: String = row[0], k: String = row[1]
            var score = Set(k).intersection(chars).count * 2
            if k.contains(key) || key.contains(k) { score += 10 }
            let bigrams = Set(zip(Array(key), Array(key).dropFirst()).map { "\($0)\($1)" })
            score += Array(zip(Array(k), Array(k).dropFirst())).filter { bigrams.contains("\($0)\($1)") }.count * 3
            if score >= 4 { scored.append((name, score)) }
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            .filter { seen.insert($0).inserted }.prefix(5).map { $0 }
    }

    /// Every task of the unit `name`, with its role; `role` other than `.any` filters.
    public func tasks(of name: String, role: SearchFilters.Role? = nil, year: Int? = nil,
                      highlight: (open: String, close: String) = ("<mark>", "</mark>")) throws -> DeptResult {
        try store.read { db in
            let ids = try Self.resolve(name, db)
            let summary = try Self.summaries(ids: ids, db).first!
            var sql = """
                SELECT t.id AS id, min(CASE tu.role WHEN 'lead' THEN 0 WHEN 'responsible' THEN 1
                                       WHEN 'support' THEN 2 ELSE 3 END) AS r
                FROM task_units tu JOIN tasks t ON t.id = tu.task_id JOIN notices n ON n.id = t.notice_id
                WHERE tu.unit_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """
            var arguments: [any DatabaseValueConvertible] = ids
            if let role, role != .any {
                sql += " AND tu.role = ?"
                arguments.append(role.rawValue)
            }
            if let year {
                sql += " AND n.year = ?"
                arguments.append(year)
            }
            sql += " GROUP BY t.id ORDER BY n.year DESC, n.file, t.ordinal"
            let names = ["lead", "responsible", "support", "inferred"]
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                HitLoader.Row(rowID: $0["id"], score: 0, role: names[min(3, max(0, $0["r"] as Int))])
            }
            let filters = SearchFilters(limit: rows.count, highlight: highlight)
            let hits = try HitLoader.load(rows, parts: [], filters: filters, db)
            return DeptResult(query: name, unit: summary, total: hits.count, hits: hits)
        }
    }

    /// Every unit with kind, aliases and counts, most tasks first.
    public func all() throws -> [UnitSummary] {
        try store.read { db in
            try Self.summaries(ids: Int64.fetchAll(db, sql: "SELECT id FROM units"), db)
                .sorted { $0.tasks != $1.tasks ? $0.tasks > $1.tasks : $0.name < $1.name }
        }
    }

    /// One summary for the units `ids` when they are one name's matches (merged), else one each.
    static func summaries(ids: [Int64], _ db: Database) throws -> [UnitSummary] {
        var out: [UnitSummary] = []
        for id in ids {
            guard let u = try Row.fetchOne(db, sql: "SELECT name, kind FROM units WHERE id = ?", arguments: [id]) else { continue }
            let aliases = try String.fetchAll(db, sql: "SELECT DISTINCT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias", arguments: [id])
            var counts: [String: Int] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT role, count(*) FROM task_units WHERE unit_id = ? GROUP BY role", arguments: [id]) {
                counts[r[0]] = r[1]
            }
            let tasks = try Int.fetchOne(db, sql: "SELECT count(DISTINCT task_id) FROM task_units WHERE unit_id = ?", arguments: [id]) ?? 0
            out.append(UnitSummary(name: u["name"], kind: u["kind"], aliases: aliases, lead: counts["lead"] ?? 0,
                                   support: counts["support"] ?? 0, responsible: counts["responsible"] ?? 0,
                                   inferred: counts["inferred"] ?? 0, tasks: tasks))
        }
        return out
    }
}
