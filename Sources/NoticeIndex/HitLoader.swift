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

    /// A page of hits: likely in as many notices, each read only as far as its task.
    static let fewRows = 50

    /// `reader`: one the caller reads the same notices' texts with (`show`'s source lines); by
    /// default one of the load's own.
    static func load(_ rows: [Row], parts: [String], filters: SearchFilters, reader: StoredTextReader? = nil,
                     _ db: Database) throws -> [TaskHit] {
        // Four queries per few hundred tasks, not four per task; loaded in index order, so a
        // notice's hits come together and its text is inflated once for all of them (10,000 hits
        // of 信访 in rank order inflated a notice per hit), and answered in the caller's order.
        let order = rows.indices.sorted { rows[$0].rowID < rows[$1].rowID }
        // A notice is inflated only as far as its furthest hit reaches (a listing of every hit of
        // 信访 had inflated each of 6,000 notices whole).
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
        var reach: [Int64: Int] = [:]
        for t in fetched {
            let furthest = max(TextSpans.extent(t["title_spans"] as Data), TextSpans.extent(t["text_spans"] as Data))
            reach[t["notice_id"], default: 0] = max(reach[t["notice_id"], default: 0], furthest)
        }
        for t in fetched {
            records[t["id"]] = t
            let notice: Int64 = t["notice_id"], reaching = reach[notice] ?? 0
            texts[t["id"]] = (reader.text(notice: notice, spans: t["title_spans"], reaching: reaching),
                              reader.text(notice: notice, spans: t["text_spans"], reaching: reaching))
        }
        var roles: [Int64: [StoredRole: [String]]] = [:]
        for u in try GRDB.Row.fetchAll(db.cachedStatement(sql: """
            SELECT tu.task_id, tu.role, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id
            WHERE tu.task_id IN \(list) ORDER BY tu.task_id, tu.role, tu.position
            """), arguments: arguments) {
            roles[u["task_id"], default: [:]][StoredRole(code: u["role"]), default: []].append(u["name"])
        }
        let decoder = JSONDecoder()
        var deadlines: [Int64: [Deadline]] = [:], metrics: [Int64: [Metric]] = [:]
        for d in try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT task_id, json FROM deadlines WHERE task_id IN \(list) ORDER BY task_id, ordinal"),
                                       arguments: arguments) {
            if let v = try? decoder.decode(Deadline.self, from: Data((d["json"] as String).utf8)) { deadlines[d["task_id"], default: []].append(v) }
        }
        for m in try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT task_id, json FROM metrics WHERE task_id IN \(list) ORDER BY task_id, ordinal"),
                                       arguments: arguments) {
            if let v = try? decoder.decode(Metric.self, from: Data((m["json"] as String).utf8)) { metrics[m["task_id"], default: []].append(v) }
        }
        return try rows.map { r in
            guard let t = records[r.rowID], let (title, text) = texts[r.rowID] else { throw IndexError.unknownTask(id: "#\(r.rowID)") }
            let key = SearchFolding.key(text)
            let path = (try? decoder.decode([String].self, from: Data((t["path"] as String).utf8))) ?? []
            let role = roles[r.rowID] ?? [:]
            return TaskHit(
                id: t["task_id"], doc: t["file"], path: path, score: r.score,
                snippet: Snippet.make(text: text, key: key, parts: parts, open: filters.highlight.open, close: filters.highlight.close),
                lead: role[.lead] ?? [], support: role[.support] ?? [], responsible: role[.responsible] ?? [],
                inferred: role[.inferred] ?? [], deadlines: deadlines[r.rowID] ?? [], metrics: metrics[r.rowID] ?? [], line: t["line"],
                role: r.role, title: title, text: text, noticeTitle: t["notice_title"], year: t["notice_year"])
        }
    }
}
