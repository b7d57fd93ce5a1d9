import Foundation
import GRDB
import NoticeVocabulary
import NoticeText

/// Responsibility queries: a unit's tasks through its canonical name, aliases and folded forms;
/// every unit with counts; suggestions for unknown names.
public struct UnitDirectory: Sendable {
    public let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    /// Prefixes by which a notice names its issuer's own units (委安稳办 is 安稳办 of the 委).
    static let issuerPrefixes = ["本委", "我委", "委", "本局", "我局", "局", "我院", "院"]

    /// The unit ids a written name refers to: canonical names and aliases compared folded
    /// (Traditional/width), the name without an issuer prefix (委安稳办 → 安稳办) and with one
    /// (安稳办 → 委安稳办, as another notice may write it), and a name written with its
    /// abbreviation in parentheses. The first id is the best match. Unknown → `IndexError.unknownUnit`.
    /// Like `resolve`, and a neighbouring notice's form of the name: without its level prefix
    /// (县医保局 → 医保局) and with short and full forms swapped (医保局 → 医疗保障局); nil when
    /// nothing matches. For words in a search query, never for `--dept`.
    static func resolveLoosely(_ name: String, _ db: Database) -> [Int64]? {
        if let ids = try? resolve(name, db), !ids.isEmpty { return ids }
        var key = SearchFolding.key(name.trimmingCharacters(in: .whitespaces))
        guard key.count >= 3 else { return nil }
        if let first = key.first, GenreVocabulary.levelPrefixes.contains(String(first)) { key.removeFirst() }
        var variants = [key]
        for (short, full) in GenreVocabulary.unitAbbreviations {
            if key.contains(short) { variants.append(key.replacingOccurrences(of: short, with: full)) }
            if key.contains(full) { variants.append(key.replacingOccurrences(of: full, with: short)) }
        }
        for v in variants {
            for candidate in [v] + GenreVocabulary.levelPrefixes.map({ $0 + v }) {
                if let ids = try? resolve(candidate, db), !ids.isEmpty { return ids }
            }
        }
        return nil
    }

    static func resolve(_ name: String, _ db: Database) throws -> [Int64] {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = SearchFolding.key(trimmed)
        var bases = [key]
        if let open = trimmed.firstIndex(where: { $0 == "（" || $0 == "(" }), trimmed.last == "）" || trimmed.last == ")" {
            bases.append(SearchFolding.key(String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])))
            bases.append(SearchFolding.key(String(trimmed[..<open])))
        }
        for p in issuerPrefixes where key.hasPrefix(p) && key.count > p.count + 1 {
            bases.append(String(key.dropFirst(p.count)))
            break
        }
        var ids: [Int64] = []
        func add(_ k: String) throws {
            for id in try Int64.fetchAll(db, sql: """
                SELECT id FROM units WHERE key = ?
                UNION SELECT unit_id FROM unit_aliases WHERE key = ?
                """, arguments: [k, k]) where !ids.contains(id) {
                ids.append(id)
            }
        }
        for b in bases where !b.isEmpty { try add(b) }
        if !ids.isEmpty {
            // The same unit as other notices write it, with the issuer's prefix.
            let names = try String.fetchAll(db, sql: "SELECT key FROM units WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
            for n in Set(names + bases) where !n.isEmpty {
                for p in issuerPrefixes { try add(p + n) }
            }
            // The unprefixed form names the group (委安稳办 → 安稳办).
            let keys = try Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, try String.fetchOne(db, sql: "SELECT key FROM units WHERE id = ?", arguments: [id]) ?? "")
            })
            let keySet = Set(keys.values)
            if let head = ids.first(where: { id in issuerPrefixes.contains { keySet.contains($0 + (keys[id] ?? "")) } }) {
                ids = [head] + ids.filter { $0 != head }
            }
            return ids
        }
        throw IndexError.unknownUnit(name: trimmed, suggestions: try suggestions(for: key, db))
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

    /// Every task of the unit `name`, with its role; `role` other than `.any` filters. `limit`:
    /// only the first so many are loaded (`total` still counts all).
    public func tasks(of name: String, role: SearchFilters.Role? = nil, year: Int? = nil, limit: Int? = nil,
                      highlight: (open: String, close: String) = ("<mark>", "</mark>")) throws -> DeptResult {
        try store.read { db in
            let ids = try Self.resolve(name, db)
            let summary = try Self.summary(merging: ids, year: year, db)!
            var sql = """
                SELECT t.id AS id, min(tu.role) AS r
                FROM task_units tu JOIN tasks t ON t.id = tu.task_id JOIN notices n ON n.id = t.notice_id
                WHERE tu.unit_id IN \(IDList.marks(ids.count))
                """
            var arguments: [any DatabaseValueConvertible] = ids
            if let role = role.flatMap(StoredRole.init) {
                sql += " AND tu.role = ?"
                arguments.append(role.rawValue)
            }
            if let year {
                sql += " AND n.year = ?"
                arguments.append(year)
            }
            // Newest obligations first; within a year, explicit roles before inferred ones.
            sql += " GROUP BY t.id ORDER BY n.year DESC, r, n.file, t.ordinal"
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                HitLoader.Row(rowID: $0["id"], score: 0, role: StoredRole(code: $0["r"]).name)
            }
            let shown = Array(rows.prefix(limit ?? rows.count))
            let filters = SearchFilters(limit: shown.count, highlight: highlight)
            let hits = try HitLoader.load(shown, parts: [], filters: filters, db)
            return DeptResult(query: name, unit: summary, total: rows.count, hits: hits)
        }
    }

    /// Every unit with kind, aliases and counts, most tasks first.
    public func all() throws -> [UnitSummary] {
        try store.read { db in
            let (order, groups) = try Self.groups(db)
            return try order.compactMap { try Self.summary(merging: groups[$0] ?? [$0], db) }
                .sorted { $0.tasks != $1.tasks ? $0.tasks > $1.tasks : $0.name < $1.name }
        }
    }

    /// How many units `all()` lists, without counting their tasks.
    public func count() throws -> Int {
        try store.read { db in try Self.groups(db).order.count }
    }

    /// The units as `all()` lists them: each group's head in order, and the ids it merges.
    private static func groups(_ db: Database) throws -> (order: [Int64], groups: [Int64: [Int64]]) {
        // 委安稳办 and 安稳办 are one unit: prefixed forms join the unprefixed unit's group.
        let units = try Row.fetchAll(db, sql: "SELECT id, key FROM units ORDER BY id").map { ($0[0] as Int64, $0[1] as String) }
        let idByKey = Dictionary(units.map { ($0.1, $0.0) }, uniquingKeysWith: { a, _ in a })
        var groups: [Int64: [Int64]] = [:]
        var order: [Int64] = []
        for (id, key) in units {
            var head = id
            for p in Self.issuerPrefixes where key.hasPrefix(p) && key.count > p.count + 1 {
                if let base = idByKey[String(key.dropFirst(p.count))] { head = base }
                break
            }
            if groups[head] == nil { order.append(head) }
            groups[head, default: []].append(id)
        }
        for head in order where groups[head]?.first != head {
            groups[head] = [head] + (groups[head] ?? []).filter { $0 != head }
        }
        return (order, groups)
    }

    /// One summary per unit id.
    static func summaries(ids: [Int64], _ db: Database) throws -> [UnitSummary] {
        try ids.compactMap { try summary(merging: [$0], db) }
    }

    /// The units `ids` (one name's matches) as one summary: the first unit's name and kind, the
    /// others' names among the aliases, task counts over all of them (in notices of `year`, when given).
    static func summary(merging ids: [Int64], year: Int? = nil, _ db: Database) throws -> UnitSummary? {
        guard let firstID = ids.first,
              let u = try Row.fetchOne(db, sql: "SELECT name, kind FROM units WHERE id = ?", arguments: [firstID]) else { return nil }
        let list = ids.map(String.init).joined(separator: ",")
        let name: String = u["name"]
        var aliases = try String.fetchAll(db, sql: "SELECT DISTINCT alias FROM unit_aliases WHERE unit_id IN (\(list))")
        aliases += try String.fetchAll(db, sql: "SELECT name FROM units WHERE id IN (\(list))")
        aliases = Array(Set(aliases.filter { $0 != name })).sorted()
        var counts: [StoredRole: Int] = [:]
        let inYear = year == nil ? "" : """
             AND task_id IN (SELECT t.id FROM tasks t JOIN notices n ON n.id = t.notice_id WHERE n.year = \(year!))
            """
        for r in try Row.fetchAll(db, sql: """
            SELECT role, count(DISTINCT task_id) FROM task_units WHERE unit_id IN (\(list))\(inYear) GROUP BY role
            """) {
            counts[StoredRole(code: r[0])] = r[1]
        }
        let tasks = try Int.fetchOne(db, sql: "SELECT count(DISTINCT task_id) FROM task_units WHERE unit_id IN (\(list))\(inYear)") ?? 0
        return UnitSummary(name: name, kind: u["kind"], aliases: aliases, lead: counts[.lead] ?? 0,
                           support: counts[.support] ?? 0, responsible: counts[.responsible] ?? 0,
                           inferred: counts[.inferred] ?? 0, tasks: tasks)
    }
}
