import Foundation
import GRDB
import NoticeModel
import NoticeText

/// Loads the full hit records (roles, deadlines, metrics) of task rows.
enum HitLoader {
    struct Row {
        var rowID: Int64
        var score: Double
        var role: String?
    }

    /// `reader`: one the caller reads the same notices' texts with (`show`'s source lines); by
    /// default one of the load's own.
    static func load(_ rows: [Row], parts: [String], filters: SearchFilters, reader: StoredTextReader? = nil,
                     _ db: Database) throws -> [TaskHit] {
        // Four queries per few hundred tasks, not four per task; loaded in index order, so a
        // notice's hits come together and its text is inflated once for all of them (10,000 hits
        // of 信访 in rank order inflated a notice per hit), and answered in the caller's order.
        let order = rows.indices.sorted { rows[$0].rowID < rows[$1].rowID }
        // Each notice inflated only as far as its furthest hit reaches (`StoredTextReader.expect`).
        let reader = reader ?? StoredTextReader(db, prefixFirst: true)
        let loaded = try IDList.chunks(order.map { rows[$0] }).flatMap { try loadChunk($0, parts: parts, filters: filters, reader, db) }
        var hits = [TaskHit?](repeating: nil, count: rows.count)
        for (hit, i) in zip(loaded, order) { hits[i] = hit }
        return hits.map { $0! }
    }

    private static func loadChunk(_ rows: ArraySlice<Row>, parts: [String], filters: SearchFilters, _ reader: StoredTextReader,
                                  _ db: Database) throws -> [TaskHit] {
        let (list, arguments) = IDList.sql(rows.map(\.rowID))
        var records: [Int64: GRDB.Row] = [:]
        var texts: [Int64: (title: String, text: String)] = [:]
        let fetched = try GRDB.Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.id, t.task_id, t.path, t.notice_id, t.title_spans, t.text_spans, t.line,
                   n.file, n.title AS notice_title, n.year AS notice_year
            FROM task_rows t JOIN notice_rows n ON n.id = t.notice_id WHERE t.id IN \(list)
            """), arguments: arguments)
        reader.expect(fetched.flatMap { t in [(notice: t["notice_id"] as Int64, spans: t["title_spans"] as Data),
                                              (notice: t["notice_id"] as Int64, spans: t["text_spans"] as Data)] })
        for t in fetched {
            records[t["id"]] = t
            texts[t["id"]] = (reader.text(notice: t["notice_id"], spans: t["title_spans"]), reader.text(notice: t["notice_id"], spans: t["text_spans"]))
        }
        let details = try StoredDetails.load(tasks: "t.id IN \(list)", arguments, db)
        let decoder = JSONDecoder()
        return try rows.map { r in
            guard let t = records[r.rowID], let (title, text) = texts[r.rowID] else { throw IndexError.unknownTask(id: "#\(r.rowID)") }
            let key = SearchFolding.key(text)
            let path = (try? decoder.decode([String].self, from: Data((t["path"] as String).utf8))) ?? []
            let role = details.roles[r.rowID] ?? [:]
            return TaskHit(
                id: t["task_id"], doc: t["file"], path: path, score: r.score,
                snippet: Snippet.make(text: text, key: key, parts: parts, open: filters.highlight.open, close: filters.highlight.close),
                lead: role[.lead] ?? [], support: role[.support] ?? [], responsible: role[.responsible] ?? [],
                inferred: role[.inferred] ?? [], deadlines: details.deadlines[r.rowID] ?? [], metrics: details.metrics[r.rowID] ?? [], line: t["line"],
                role: r.role, title: title, text: text, noticeTitle: t["notice_title"], year: t["notice_year"])
        }
    }
}

/// The roles, deadlines and metrics of many tasks, read in three queries (hits and stored notices
/// read them the same way).
struct StoredDetails {
    var roles: [Int64: [StoredRole: [String]]] = [:]
    var deadlines: [Int64: [Deadline]] = [:]
    var metrics: [Int64: [Metric]] = [:]

    /// `tasks`: which task rows, as an SQL condition on `t` (task_rows).
    static func load(tasks condition: String, _ arguments: StatementArguments, _ db: Database) throws -> StoredDetails {
        var out = StoredDetails()
        for u in try GRDB.Row.fetchAll(db.cachedStatement(sql: """
            SELECT tu.task_id, tu.role, u.name FROM task_rows t JOIN task_units tu ON tu.task_id = t.id JOIN units u ON u.id = tu.unit_id
            WHERE \(condition) ORDER BY tu.task_id, tu.role, tu.position
            """), arguments: arguments) {
            out.roles[u["task_id"], default: [:]][StoredRole(code: u["role"]), default: []].append(u["name"])
        }
        let decoder = JSONDecoder()
        for d in try GRDB.Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.task_id, d.json FROM task_rows t JOIN deadlines d ON d.task_id = t.id WHERE \(condition) ORDER BY d.task_id, d.ordinal
            """), arguments: arguments) {
            if let v = try? decoder.decode(Deadline.self, from: Data((d["json"] as String).utf8)) { out.deadlines[d["task_id"], default: []].append(v) }
        }
        for m in try GRDB.Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.task_id, m.json FROM task_rows t JOIN metrics m ON m.task_id = t.id WHERE \(condition) ORDER BY m.task_id, m.ordinal
            """), arguments: arguments) {
            if let v = try? decoder.decode(Metric.self, from: Data((m["json"] as String).utf8)) { out.metrics[m["task_id"], default: []].append(v) }
        }
        return out
    }
}
