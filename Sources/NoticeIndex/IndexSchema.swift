import Foundation
import GRDB

/// The tables of `index/policydex.sqlite`, created and upgraded through GRDB migrations.
/// `schema_version` (in `meta`, and as PRAGMA user_version) is the number of the last migration:
/// a newer binary migrates an older index; an older binary refuses a newer one.
enum IndexSchema {
    static let version = 14

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE notices(
                    id INTEGER PRIMARY KEY,
                    file TEXT NOT NULL UNIQUE,
                    hash TEXT NOT NULL,
                    issuer TEXT, number TEXT, date TEXT, title TEXT, year INTEGER,
                    format TEXT NOT NULL,
                    recipients TEXT NOT NULL);
                CREATE TABLE units(
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL);
                CREATE TABLE unit_aliases(
                    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
                    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    key TEXT NOT NULL,
                    PRIMARY KEY(notice_id, key));
                CREATE INDEX unit_aliases_key ON unit_aliases(key);
                CREATE INDEX unit_aliases_unit ON unit_aliases(unit_id);
                CREATE TABLE tasks(
                    id INTEGER PRIMARY KEY,
                    task_id TEXT NOT NULL,
                    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    path TEXT NOT NULL,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    text_key TEXT NOT NULL,
                    core INTEGER NOT NULL,
                    line INTEGER NOT NULL,
                    end_line INTEGER NOT NULL,
                    source TEXT NOT NULL);
                CREATE INDEX tasks_notice ON tasks(notice_id, ordinal);
                CREATE INDEX tasks_task_id ON tasks(task_id);
                CREATE TABLE task_units(
                    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    unit_id INTEGER NOT NULL REFERENCES units(id),
                    role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'responsible', 'inferred')),
                    position INTEGER NOT NULL,
                    PRIMARY KEY(task_id, role, unit_id));
                CREATE INDEX task_units_unit ON task_units(unit_id, role);
                CREATE TABLE deadlines(
                    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    kind TEXT NOT NULL, text TEXT NOT NULL, start TEXT, "end" TEXT,
                    json TEXT NOT NULL,
                    PRIMARY KEY(task_id, ordinal));
                CREATE TABLE metrics(
                    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    comparator TEXT NOT NULL, text TEXT NOT NULL,
                    json TEXT NOT NULL,
                    PRIMARY KEY(task_id, ordinal));
                CREATE VIRTUAL TABLE tasks_fts USING fts5(
                    text, title, content='tasks', content_rowid='id', tokenize='policydex');
                CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
                    INSERT INTO tasks_fts(rowid, text, title) VALUES (new.id, new.text, new.title);
                END;
                CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
                    INSERT INTO tasks_fts(tasks_fts, rowid, text, title) VALUES ('delete', old.id, old.text, old.title);
                END;
                CREATE TRIGGER tasks_fts_update AFTER UPDATE ON tasks BEGIN
                    INSERT INTO tasks_fts(tasks_fts, rowid, text, title) VALUES ('delete', old.id, old.text, old.title);
                    INSERT INTO tasks_fts(rowid, text, title) VALUES (new.id, new.text, new.title);
                END;
                CREATE VIRTUAL TABLE notices_fts USING fts5(
                    title, issuer, content='notices', content_rowid='id', tokenize='policydex');
                CREATE TRIGGER notices_fts_insert AFTER INSERT ON notices BEGIN
                    INSERT INTO notices_fts(rowid, title, issuer) VALUES (new.id, coalesce(new.title, ''), coalesce(new.issuer, ''));
                END;
                CREATE TRIGGER notices_fts_delete AFTER DELETE ON notices BEGIN
                    INSERT INTO notices_fts(notices_fts, rowid, title, issuer) VALUES ('delete', old.id, coalesce(old.title, ''), coalesce(old.issuer, ''));
                END;
                """)
            try setVersion(1, db)
        }
        m.registerMigration("v2") { db in
            // The parts holding tasks, for the diff's section summary. Emptying the hashes makes
            // the next `index` extract every notice again, so older rows get their parts too.
            try db.execute(sql: """
                ALTER TABLE notices ADD COLUMN sections TEXT NOT NULL DEFAULT '[]';
                UPDATE notices SET hash = '';
                """)
            try setVersion(2, db)
        }
        m.registerMigration("v3") { db in
            // The notice's text outside its tasks, searchable with its title and issuer
            // (`search --notices`). Emptying the hashes re-extracts every notice to fill it.
            try db.execute(sql: """
                ALTER TABLE notices ADD COLUMN context TEXT NOT NULL DEFAULT '';
                DROP TRIGGER notices_fts_insert;
                DROP TRIGGER notices_fts_delete;
                DROP TABLE notices_fts;
                CREATE VIRTUAL TABLE notices_fts USING fts5(
                    title, issuer, context, content='notices', content_rowid='id', tokenize='policydex');
                CREATE TRIGGER notices_fts_insert AFTER INSERT ON notices BEGIN
                    INSERT INTO notices_fts(rowid, title, issuer, context)
                    VALUES (new.id, coalesce(new.title, ''), coalesce(new.issuer, ''), new.context);
                END;
                CREATE TRIGGER notices_fts_delete AFTER DELETE ON notices BEGIN
                    INSERT INTO notices_fts(notices_fts, rowid, title, issuer, context)
                    VALUES ('delete', old.id, coalesce(old.title, ''), coalesce(old.issuer, ''), old.context);
                END;
                INSERT INTO notices_fts(notices_fts) VALUES ('rebuild');
                UPDATE notices SET hash = '';
                """)
            try setVersion(3, db)
        }
        m.registerMigration("v4") { db in
            // Each notice's series key (issuer | title reduced strictly), so that a search finds the
            // superseded editions with one indexed query instead of reducing every title again.
            try db.execute(sql: """
                ALTER TABLE notices ADD COLUMN series TEXT NOT NULL DEFAULT '';
                CREATE INDEX notices_series ON notices(series, year);
                UPDATE notices SET hash = '';
                """)
            try setVersion(4, db)
        }
        m.registerMigration("v5") { db in
            // The tokenizer now marks where CJK runs start and indexes every start of a letter or
            // digit run, so the index alone decides most queries: both full-text indexes are
            // rebuilt from their rows.
            try db.execute(sql: """
                INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild');
                INSERT INTO notices_fts(notices_fts) VALUES ('rebuild');
                """)
            try setVersion(5, db)
        }
        m.registerMigration("v6") { db in
            // Smaller: a task's folded text is computed when a query needs it (policydex_fold),
            // not stored beside the text; a task's source lines are read from its notice's text,
            // stored once and deflated, not copied into every task. Emptying the hashes makes the
            // next `index` extract every notice again, which stores the notices' texts.
            try db.execute(sql: """
                ALTER TABLE tasks DROP COLUMN text_key;
                ALTER TABLE tasks DROP COLUMN source;
                CREATE TABLE notice_texts(
                    notice_id INTEGER PRIMARY KEY REFERENCES notices(id) ON DELETE CASCADE,
                    deflated BLOB NOT NULL);
                UPDATE notices SET hash = '';
                """)
            try setVersion(6, db)
        }
        m.registerMigration("v7") { db in
            // What the file looked like when it was read (FileStamp): a run reads and hashes only
            // files whose size, times or inode changed. Empty until the next run reads the file.
            try db.execute(sql: "ALTER TABLE notices ADD COLUMN stamp TEXT NOT NULL DEFAULT ''")
            try setVersion(7, db)
        }
        m.registerMigration("v8") { db in
            // A unit's tasks and their count per role read from the index alone (it now holds the
            // task id): `depts` and `dept` looked up each of a large unit's 74,000 rows.
            try db.execute(sql: """
                DROP INDEX task_units_unit;
                CREATE INDEX task_units_unit ON task_units(unit_id, role, task_id);
                """)
            try setVersion(8, db)
        }
        m.registerMigration("v9") { db in
            // A task's units are kept in their key's order alone (WITHOUT ROWID), not in a rowid
            // table beside an index of the same columns (10,000 notices: 36 → 19 MB).
            try db.execute(sql: """
                CREATE TABLE task_units_v9(
                    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
                    unit_id INTEGER NOT NULL REFERENCES units(id),
                    role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'responsible', 'inferred')),
                    position INTEGER NOT NULL,
                    PRIMARY KEY(task_id, role, unit_id)) WITHOUT ROWID;
                INSERT INTO task_units_v9(task_id, unit_id, role, position)
                    SELECT task_id, unit_id, role, position FROM task_units;
                DROP TABLE task_units;
                ALTER TABLE task_units_v9 RENAME TO task_units;
                CREATE INDEX task_units_unit ON task_units(unit_id, role, task_id);
                """)
            try setVersion(9, db)
        }
        m.registerMigration("v10") { db in
            // Smaller and faster to write. The tokenizer gives a unigram only to a run's last
            // character (a one-character query is a prefix query) and no ICU words (nothing
            // queried them), so both full-text indexes are rebuilt (10,000 notices: 240 → 147 MB).
            // Rows enter them from NoticeRows.insert, not from insert triggers: a statement that
            // fires a trigger runs in a statement savepoint, and FTS5 writes its pending postings
            // to disk at every savepoint, a new segment per task (a tenth of indexing).
            try db.execute(sql: """
                DROP TRIGGER tasks_fts_insert;
                DROP TRIGGER notices_fts_insert;
                INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild');
                INSERT INTO notices_fts(notices_fts) VALUES ('rebuild');
                """)
            try setVersion(10, db)
        }
        m.registerMigration("v11") { db in
            // Smaller: a task's text and title and a notice's context are kept as pieces of the
            // notice's stored text (TextSpans), not as copies (10,000 notices: 140 MB of copies).
            // The tables become task_rows and notice_rows, and views named as the tables were show
            // the texts (policydex_text), so every query and both full-text indexes read them as
            // before. The full-text delete triggers run BEFORE the row goes, while the notice's
            // text (deleted with the notice) is still there to read the old texts from; a notice's
            // own trigger deletes its tasks first, since a cascade could take its text before them.
            try db.execute(sql: """
                DROP TRIGGER tasks_fts_delete;
                DROP TRIGGER tasks_fts_update;
                DROP TRIGGER notices_fts_delete;
                ALTER TABLE tasks ADD COLUMN text_spans BLOB NOT NULL DEFAULT x'';
                ALTER TABLE tasks ADD COLUMN title_spans BLOB NOT NULL DEFAULT x'';
                ALTER TABLE notices ADD COLUMN context_spans BLOB NOT NULL DEFAULT x'';
                """)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM notices") {
                // No stored text (an index from before v6 not re-indexed since): kept literally.
                // Read here as schema v10 keeps it; the pieces are cut by `SpanSource.taskTexts`, as
                // the indexer cuts them (the same text gives the same pieces in either).
                let text = try Data.fetchOne(db, sql: "SELECT deflated FROM notice_texts WHERE notice_id = ?", arguments: [id])
                    .map { try StoredText.inflatedBytes($0) } ?? Data()
                let tasks = try Row.fetchAll(db, sql: "SELECT id, text, title, line, end_line FROM tasks WHERE notice_id = ?",
                                             arguments: [id])
                let context = try String.fetchOne(db, sql: "SELECT context FROM notices WHERE id = ?", arguments: [id]) ?? ""
                let rows = SpanSource.with(text) { source in
                    (source.spans(of: context), tasks.map { t -> (Int64, StoredTexts.TaskTexts) in
                        (t["id"], source.taskTexts(text: t["text"], title: t["title"], line: t["line"], endLine: t["end_line"]))
                    })
                }
                try db.execute(sql: "UPDATE notices SET context_spans = ? WHERE id = ?", arguments: [rows.0, id])
                for (task, texts) in rows.1 {
                    try db.cachedStatement(sql: "UPDATE tasks SET text_spans = ?, title_spans = ? WHERE id = ?")
                        .execute(arguments: [texts.text, texts.title, task])
                }
            }
            try db.execute(sql: """
                ALTER TABLE tasks RENAME TO task_rows;
                ALTER TABLE task_rows DROP COLUMN text;
                ALTER TABLE task_rows DROP COLUMN title;
                ALTER TABLE notices RENAME TO notice_rows;
                ALTER TABLE notice_rows DROP COLUMN context;
                """ + Self.textViews)
            try setVersion(11, db)
        }
        m.registerMigration("v12") { db in
            // Smaller: a unit's role is a small integer (StoredRole), not a word repeated in the
            // table and its index; deadlines and metrics keep only their JSON (nothing read the
            // columns beside it), without null members, in their key's order (WITHOUT ROWID).
            let code = { (role: StoredRole) in "WHEN '\(role.name)' THEN \(role.rawValue)" }
            try db.execute(sql: """
                CREATE TABLE task_units_v12(
                    task_id INTEGER NOT NULL REFERENCES task_rows(id) ON DELETE CASCADE,
                    unit_id INTEGER NOT NULL REFERENCES units(id),
                    role INTEGER NOT NULL CHECK (role BETWEEN 0 AND 3),
                    position INTEGER NOT NULL,
                    PRIMARY KEY(task_id, role, unit_id)) WITHOUT ROWID;
                INSERT INTO task_units_v12(task_id, unit_id, role, position)
                    SELECT task_id, unit_id, CASE role \(StoredRole.allCases.map(code).joined(separator: " ")) END, position
                    FROM task_units;
                DROP TABLE task_units;
                ALTER TABLE task_units_v12 RENAME TO task_units;
                CREATE INDEX task_units_unit ON task_units(unit_id, role, task_id);
                """)
            for table in ["deadlines", "metrics"] {
                try db.execute(sql: """
                    CREATE TABLE \(table)_v12(
                        task_id INTEGER NOT NULL REFERENCES task_rows(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL,
                        json TEXT NOT NULL,
                        PRIMARY KEY(task_id, ordinal)) WITHOUT ROWID
                    """)
                let rows = try Row.fetchCursor(db, sql: "SELECT task_id, ordinal, json FROM \(table)")
                while let row = try rows.next() {
                    try db.cachedStatement(sql: "INSERT INTO \(table)_v12(task_id, ordinal, json) VALUES (?, ?, ?)")
                        .execute(arguments: [row[0], row[1], StoredJSON.compact(row[2])])
                }
                try db.execute(sql: "DROP TABLE \(table); ALTER TABLE \(table)_v12 RENAME TO \(table)")
            }
            try setVersion(12, db)
        }
        m.registerMigration("v13") { db in
            // Faster ranking: each task's length in tokens, 1,024 to a blob (TaskLengths), so that
            // ranking a common word does not look up every match's size row by row.
            try db.execute(sql: TaskLengths.schema)
            try setVersion(13, db)   // the lengths are written by v14, which every index passes

        }
        m.registerMigration("v14") { db in
            // Builds of schema 13's first form kept the lengths by triggers on task_rows, which made
            // every insert a savepoint (FTS5 wrote a segment per task): gone, the lengths written again.
            try db.execute(sql: "DROP TRIGGER IF EXISTS task_rows_lengths_insert; DROP TRIGGER IF EXISTS task_rows_lengths_update")
            try TaskLengths.refresh(db, from: 0)
            try setVersion(14, db)
        }
        return m
    }

    /// The views that show the rows with their texts, and the triggers that take a deleted row's
    /// texts out of the full-text indexes (schema v11).
    static let textViews = """
        CREATE VIEW tasks AS
            SELECT id, task_id, notice_id, ordinal, path, policydex_text(notice_id, title_spans) AS title,
                   policydex_text(notice_id, text_spans) AS text, core, line, end_line
            FROM task_rows;
        CREATE VIEW notices AS
            SELECT id, file, hash, issuer, number, date, title, year, format, recipients, sections,
                   policydex_text(id, context_spans) AS context, series, stamp
            FROM notice_rows;
        CREATE TRIGGER task_rows_fts_delete BEFORE DELETE ON task_rows BEGIN
            INSERT INTO tasks_fts(tasks_fts, rowid, text, title)
            VALUES ('delete', old.id, policydex_text(old.notice_id, old.text_spans), policydex_text(old.notice_id, old.title_spans));
        END;
        CREATE TRIGGER notice_rows_fts_delete BEFORE DELETE ON notice_rows BEGIN
            DELETE FROM task_rows WHERE notice_id = old.id;
            INSERT INTO notices_fts(notices_fts, rowid, title, issuer, context)
            VALUES ('delete', old.id, coalesce(old.title, ''), coalesce(old.issuer, ''), policydex_text(old.id, old.context_spans));
        END;
        """


    /// The last migration that rewrote most of the file (rebuilt the full-text indexes, dropped
    /// the texts' copies): an index older than it is merged and vacuumed once migrated, since the
    /// old pages stay free otherwise.
    static let compactedAfterMigrationTo = 12

    static func setVersion(_ v: Int, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", arguments: [String(v)])
        try db.execute(sql: "PRAGMA user_version = \(v)")
    }

    /// The schema version recorded in an existing database (0 for an empty one).
    static func recordedVersion(_ db: Database) throws -> Int {
        if try db.tableExists("meta"),
           let v = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"),
           let n = Int(v) {
            return n
        }
        return try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    }
}
