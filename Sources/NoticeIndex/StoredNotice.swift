import Foundation
import GRDB
import NoticeModel
import NoticeText

/// Rebuilds a notice's catalog entry (`Notice`) from the index rows written by `NoticeRows`.
enum StoredNotice {
    static func load(id: Int64, _ db: Database) throws -> Notice {
        guard let n = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id]) else {
            throw IndexError.unknownDocument(name: "#\(id)", suggestions: [])
        }
        let decoder = JSONDecoder()
        var notice = Notice(
            file: n["file"], issuer: n["issuer"], number: n["number"], date: n["date"], title: n["title"],
            year: n["year"],
            recipients: (try? decoder.decode([String].self, from: Data((n["recipients"] as String).utf8))) ?? [],
            format: n["format"])
        notice.sections = (try? decoder.decode([NoticeSection].self, from: Data((n["sections"] as String).utf8))) ?? []

        // Units: those with aliases in this notice, then every unit its tasks name.
        var units: [String: NoticeUnit] = [:]
        var order: [String] = []
        for r in try Row.fetchAll(db, sql: """
            SELECT u.name, u.kind, a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id
            WHERE a.notice_id = ? ORDER BY u.name, a.alias
            """, arguments: [id]) {
            let name: String = r["name"]
            if units[name] == nil {
                units[name] = NoticeUnit(name: name, kind: NoticeUnit.Kind(rawValue: r["kind"]) ?? .department)
                order.append(name)
            }
            units[name]!.aliases.append(r["alias"])
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT DISTINCT u.name, u.kind FROM task_units tu JOIN units u ON u.id = tu.unit_id
            JOIN tasks t ON t.id = tu.task_id WHERE t.notice_id = ? ORDER BY u.name
            """, arguments: [id]) {
            let name: String = r["name"]
            if units[name] == nil {
                units[name] = NoticeUnit(name: name, kind: NoticeUnit.Kind(rawValue: r["kind"]) ?? .department)
                order.append(name)
            }
        }
        notice.units = order.map { units[$0]! }

        let rows = try Row.fetchAll(db, sql: """
            SELECT id, task_id, path, title_spans, text_spans, core, line, end_line FROM task_rows WHERE notice_id = ? ORDER BY ordinal
            """, arguments: [id])
        // Each table read once for the notice, not once per task (an export read three per task).
        let details = try StoredDetails.load(tasks: "t.notice_id = ?", [id], db)
        let reader = StoredTextReader(db)
        notice.tasks = rows.map { t in
            let rowID: Int64 = t["id"]
            let roles = details.roles[rowID] ?? [:]
            let deadlines = details.deadlines[rowID] ?? [], metrics = details.metrics[rowID] ?? []
            return NoticeTask(
                id: t["task_id"], path: (try? decoder.decode([String].self, from: Data((t["path"] as String).utf8))) ?? [],
                title: reader.text(notice: id, spans: t["title_spans"]), text: reader.text(notice: id, spans: t["text_spans"]), core: t["core"],
                lead: roles[.lead] ?? [], support: roles[.support] ?? [], responsible: roles[.responsible] ?? [],
                inferred: roles[.inferred] ?? [], deadlines: deadlines, metrics: metrics,
                source: SourceLocation(line: t["line"], endLine: t["end_line"]))
        }
        return notice
    }
}
