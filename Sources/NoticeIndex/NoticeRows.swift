import Foundation
import GRDB
import NoticeModel
import NoticeText

/// Writes and deletes one notice's rows (notice, tasks, units, roles, deadlines, metrics).
enum NoticeRows {
    static func delete(noticeID: Int64, _ db: Database) throws {
        // Its tasks go first (notice_rows' delete trigger), row by row, so the full-text delete
        // trigger sees every one while the notice's text they are read from is still there.
        try db.cachedStatement(sql: "DELETE FROM notice_rows WHERE id = ?").execute(arguments: [noticeID])
    }

    static func deleteOrphanUnits(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM units WHERE id NOT IN (SELECT unit_id FROM task_units)
                                AND id NOT IN (SELECT unit_id FROM unit_aliases)
            """)
    }

    /// `texts`: the notice's decoded text, deflated, and its rows' texts as pieces of it.
    /// Returns its first task row id (nil for a notice without tasks), the lowest it inserted: the
    /// caller refreshes `TaskLengths` from there before committing.
    @discardableResult
    static func insert(_ notice: Notice, hash: String, stamp: String, texts: StoredTexts, _ db: Database) throws -> Int64? {
        var firstTaskRow: Int64?
        // One encoder for all of the notice's values, not one per path, deadline and metric.
        let encoder = Self.encoder()
        func json<T: Encodable>(_ value: T) -> String { Self.json(value, encoder) }
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
            firstTaskRow = firstTaskRow ?? taskRow
            try db.cachedStatement(sql: "INSERT INTO tasks_fts(rowid, text, title) VALUES (?, ?, ?)")
                .execute(arguments: [taskRow, task.text, task.title])
            let roles: [(StoredRole, [String])] = [(.lead, task.lead), (.support, task.support),
                                                   (.responsible, task.responsible), (.inferred, task.inferred)]
            for (role, names) in roles {
                for (position, name) in names.enumerated() {
                    try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_units(task_id, unit_id, role, position) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [taskRow, try unitID(name, kind: nil), role.rawValue, position])
                }
            }
            for (i, d) in task.deadlines.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO deadlines(task_id, ordinal, json) VALUES (?, ?, ?)")
                    .execute(arguments: [taskRow, i, StoredJSON.compact(json(d))])
            }
            for (i, m) in task.metrics.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO metrics(task_id, ordinal, json) VALUES (?, ?, ?)")
                    .execute(arguments: [taskRow, i, StoredJSON.compact(json(m))])
            }
        }
        return firstTaskRow
    }

}

extension NoticeRows {
    /// A value's JSON as the index stores it.
    static func json<T: Encodable>(_ value: T, _ encoder: JSONEncoder = encoder()) -> String {
        (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

/// Deadlines' and metrics' JSON as the index stores it: without the members whose value is null.
/// The catalog's JSON lists every key (its contract); decoding reads a missing key as nil, and a
/// third of these rows' bytes were nulls.
enum StoredJSON {
    /// `json` (one object, as JSONEncoder writes it: no spaces) without its top-level null members.
    static func compact(_ json: String) -> String {
        let b = Array(json.utf8)
        guard b.first == UInt8(ascii: "{"), b.last == UInt8(ascii: "}") else { return json }
        var members: [ArraySlice<UInt8>] = []
        var i = 1
        while i < b.count - 1 {
            let start = i
            i = endOfString(b, from: i)            // the key
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return json }
            let valueStart = i + 1
            i = endOfValue(b, from: valueStart)
            if b[valueStart..<i].elementsEqual("null".utf8) == false { members.append(b[start..<i]) }
            if i < b.count - 1 {
                guard b[i] == UInt8(ascii: ",") else { return json }
                i += 1
            }
        }
        // Not one well-formed object (a damaged row): kept as it is.
        guard i == b.count - 1 else { return json }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (n, m) in members.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: m)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Just past the string starting at `i` (a quote), escapes included.
    private static func endOfString(_ b: [UInt8], from i: Int) -> Int {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return b.count }
        var j = i + 1
        while j < b.count, b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
        return min(j + 1, b.count)   // an unterminated string ends the text
    }

    /// Just past the value starting at `i`: a string, an array or object (nested), or a scalar.
    private static func endOfValue(_ b: [UInt8], from i: Int) -> Int {
        var j = i, depth = 0
        while j < b.count {
            switch b[j] {
            case UInt8(ascii: "\""): j = endOfString(b, from: j); continue
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return j }
                depth -= 1
            case UInt8(ascii: ","): if depth == 0 { return j }
            default: break
            }
            j += 1
        }
        return j
    }
}
