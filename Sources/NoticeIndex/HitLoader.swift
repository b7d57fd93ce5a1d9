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

    static func load(_ rows: [Row], parts: [String], filters: SearchFilters, _ db: Database) throws -> [TaskHit] {
        try rows.map { r in
            guard let t = try GRDB.Row.fetchOne(db, sql: """
                SELECT t.task_id, t.path, t.title, t.text, t.line, n.file, n.title AS notice_title, n.year AS notice_year
                FROM tasks t JOIN notices n ON n.id = t.notice_id WHERE t.id = ?
                """, arguments: [r.rowID]) else { throw IndexError.unknownTask(id: "#\(r.rowID)") }
            var roles: [String: [String]] = [:]
            for u in try GRDB.Row.fetchAll(db, sql: """
                SELECT tu.role, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id
                WHERE tu.task_id = ? ORDER BY tu.role, tu.position
                """, arguments: [r.rowID]) {
                roles[u["role"], default: []].append(u["name"])
            }
            let decoder = JSONDecoder()
            let deadlines = try String.fetchAll(db, sql: "SELECT json FROM deadlines WHERE task_id = ? ORDER BY ordinal", arguments: [r.rowID])
                .compactMap { try? decoder.decode(Deadline.self, from: Data($0.utf8)) }
            let metrics = try String.fetchAll(db, sql: "SELECT json FROM metrics WHERE task_id = ? ORDER BY ordinal", arguments: [r.rowID])
                .compactMap { try? decoder.decode(Metric.self, from: Data($0.utf8)) }
            let text: String = t["text"]
            let key = SearchFolding.key(text)
            let path = (try? decoder.decode([String].self, from: Data((t["path"] as String).utf8))) ?? []
            return TaskHit(
                id: t["task_id"], doc: t["file"], path: path, score: r.score,
                snippet: Snippet.make(text: text, key: key, parts: parts, open: filters.highlight.open, close: filters.highlight.close),
                lead: roles["lead"] ?? [], support: roles["support"] ?? [], responsible: roles["responsible"] ?? [],
                inferred: roles["inferred"] ?? [], deadlines: deadlines, metrics: metrics, line: t["line"],
                role: r.role, title: t["title"], text: text, noticeTitle: t["notice_title"], year: t["notice_year"])
        }
    }
}
