import Foundation
import GRDB
import NoticeModel
import NoticeText

/// Writes and deletes one notice's rows (notice, tasks, units, roles, deadlines, metrics).
enum NoticeRows {
    static func delete(noticeID: Int64, _ db: Database) throws {
        // Tasks first, row by row, so the full-text delete trigger sees every one, and while the
        // notice's text they are read from is still there (it goes with the notice).
        try db.cachedStatement(sql: "DELETE FROM task_rows WHERE notice_id = ?").execute(arguments: [noticeID])
        try db.cachedStatement(sql: "DELETE FROM notice_rows WHERE id = ?").execute(arguments: [noticeID])
    }

    static func deleteOrphanUnits(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM units WHERE id NOT IN (SELECT unit_id FROM task_units)
                                AND id NOT IN (SELECT unit_id FROM unit_aliases)
            """)
    }

    /// `texts`: the notice's decoded text, deflated, and its rows' texts as pieces of it.
    static func insert(_ notice: Notice, hash: String, stamp: String, texts: StoredTexts, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO notice_rows(file, hash, stamp, issuer, number, date, title, year, format, recipients, sections, context_spans, series)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [notice.file, hash, stamp, notice.issuer, notice.number, notice.date, notice.title,
                                     notice.year, notice.format, json(notice.recipients), json(notice.sections), texts.context,
                                     EditionChains.seriesKey(title: notice.title, issuer: notice.issuer)])
        let noticeID = db.lastInsertedRowID
        // The full-text rows are written here, each by a statement of its own (schema v10 says why).
        try db.cachedStatement(sql: """
            INSERT INTO notices_fts(rowid, title, issuer, context) VALUES (?, coalesce(?, ''), coalesce(?, ''), ?)
            """).execute(arguments: [noticeID, notice.title, notice.issuer, notice.contextText])
        var unitIDs: [String: Int64] = [:]
        func unitID(_ name: String, kind: NoticeUnit.Kind?) throws -> Int64 {
            if let id = unitIDs[name] { return id }
            let key = SearchFolding.key(name)
            let id: Int64
            if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM units WHERE key = ?"), arguments: [key]) {
                id = existing
            } else {
                let k = kind ?? (name.hasPrefix("各") || name.contains("各") && name.hasSuffix("单位") ? .collective : .department)
                try db.cachedStatement(sql: "INSERT INTO units(name, key, kind) VALUES (?, ?, ?)").execute(arguments: [name, key, k.rawValue])
                id = db.lastInsertedRowID
            }
            unitIDs[name] = id
            return id
        }
        for unit in notice.units {
            let id = try unitID(unit.name, kind: unit.kind)
            for alias in unit.aliases {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO unit_aliases(unit_id, notice_id, alias, key) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [id, noticeID, alias, SearchFolding.key(alias)])
            }
        }
        try db.cachedStatement(sql: "INSERT INTO notice_texts(notice_id, deflated) VALUES (?, ?)")
            .execute(arguments: [noticeID, texts.deflated])
        for (ordinal, (task, stored)) in zip(notice.tasks, texts.tasks).enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO task_rows(task_id, notice_id, ordinal, path, title_spans, text_spans, core, line, end_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [task.id, noticeID, ordinal, json(task.path), stored.title, stored.text,
                                 task.core, task.source.line, task.source.endLine])
            let taskRow = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO tasks_fts(rowid, text, title) VALUES (?, ?, ?)")
                .execute(arguments: [taskRow, task.text, task.title])
            let roles: [(String, [String])] = [("lead", task.lead), ("support", task.support),
                                               ("responsible", task.responsible), ("inferred", task.inferred)]
            for (role, names) in roles {
                for (position, name) in names.enumerated() {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_units(task_id, unit_id, role, position) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [taskRow, try unitID(name, kind: nil), role, position])
                }
            }
            for (i, d) in task.deadlines.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO deadlines(task_id, ordinal, kind, text, start, \"end\", json) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .execute(arguments: [taskRow, i, d.kind.rawValue, d.text, d.start, d.end, json(d)])
            }
            for (i, m) in task.metrics.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO metrics(task_id, ordinal, comparator, text, json) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [taskRow, i, m.comparator.rawValue, m.text, json(m)])
            }
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}
