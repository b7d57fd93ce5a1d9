import Foundation
import GRDB
@testable import NoticeIndex

/// A temporary copy of the sample corpus and an index built from it.
struct IndexFixture {
    let root: URL
    var corpus: URL { root.appendingPathComponent("corpus") }
    var indexPath: String { root.appendingPathComponent("index/policydex.sqlite").path }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("corpus"), to: corpus)
    }

    func store() throws -> IndexStore { try IndexStore(path: indexPath, create: true) }

    @discardableResult
    func index(rebuild: Bool = false) throws -> IndexReport {
        try Indexer.index(corpus: corpus.path, into: store(), rebuild: rebuild)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Replaces the fixture's index with the same rows in the shape schema `version` gave them
    /// (its migrations alone, the rows copied from what the current views show), as a binary of
    /// then left it; its full-text indexes are emptied when `emptyFullText`, so only a
    /// migration's rebuild can bring answers back, else filled from the rows.
    func makeIndexOfSchema(_ version: Int, emptyFullText: Bool) throws {
        let old = root.appendingPathComponent("index/old.sqlite").path
        var config = Configuration()
        config.foreignKeysEnabled = false   // the notices' texts go in before their notices
        config.prepareDatabase { db in IndexStore.addExtensions(db) }
        let queue = try DatabaseQueue(path: old, configuration: config)
        try IndexSchema.migrator.migrate(queue, upTo: "v\(version)")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [indexPath])
            // The notices' texts first: the views' texts are read from the connection's own.
            try db.inTransaction {
                try db.execute(sql: """
                    INSERT INTO notice_texts SELECT * FROM current.notice_texts;
                    INSERT INTO notices(id, file, hash, issuer, number, date, title, year, format, recipients, sections, context, series, stamp)
                        SELECT id, file, hash, issuer, number, date, title, year, format, recipients, sections, context, series, stamp
                        FROM current.notices;
                    INSERT INTO units SELECT * FROM current.units;
                    INSERT INTO unit_aliases SELECT * FROM current.unit_aliases;
                    INSERT INTO tasks(id, task_id, notice_id, ordinal, path, title, text, core, line, end_line)
                        SELECT id, task_id, notice_id, ordinal, path, title, text, core, line, end_line FROM current.tasks;
                    INSERT INTO deadlines(task_id, ordinal, kind, text, start, "end", json)
                        SELECT task_id, ordinal, json_extract(json, '$.kind'), json_extract(json, '$.text'), json_extract(json, '$.start'),
                               json_extract(json, '$.end'), json FROM current.deadlines;
                    INSERT INTO metrics(task_id, ordinal, comparator, text, json)
                        SELECT task_id, ordinal, json_extract(json, '$.comparator'), json_extract(json, '$.text'), json FROM current.metrics;
                    INSERT INTO task_units(task_id, unit_id, role, position)
                        SELECT task_id, unit_id, CASE role \(StoredRole.allCases.map { "WHEN \($0.rawValue) THEN '\($0.name)'" }.joined(separator: " ")) END,
                               position FROM current.task_units;
                    INSERT INTO tasks_fts(tasks_fts) VALUES ('\(emptyFullText ? "delete-all" : "rebuild")');
                    INSERT INTO notices_fts(notices_fts) VALUES ('\(emptyFullText ? "delete-all" : "rebuild")');
                    """)
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE current")
        }
        try queue.close()
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: indexPath + suffix) }
        try fm.moveItem(atPath: old, toPath: indexPath)
    }
}

nonisolated(unsafe) private var sharedIndexRoot: String?

/// One fixture indexed once for the read-only tests of a suite.
final class SharedIndex: @unchecked Sendable {
    static let shared = SharedIndex()
    let fixture: IndexFixture
    let store: IndexStore

    private init() {
        fixture = try! IndexFixture()
        try! fixture.index()
        store = try! fixture.store()
        // Shared by every suite until the process ends: removed then, so `make test` leaves no folder behind.
        sharedIndexRoot = fixture.root.path
        atexit {
            if let root = sharedIndexRoot { try? FileManager.default.removeItem(atPath: root) }
        }
    }
}

extension IndexStore {
    /// FTS5's own check that both full-text indexes hold exactly their rows' tokens, and that
    /// every task's kept length is FTS5's own (throws if not).
    func checkFullText() throws {
        try executeForTesting("""
            INSERT INTO tasks_fts(tasks_fts, rank) VALUES ('integrity-check', 1);
            INSERT INTO notices_fts(notices_fts, rank) VALUES ('integrity-check', 1);
            """)
        try checkTaskLengths()
    }

    struct LengthMismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// Every task row's length in `task_lengths` is its docsize total (none missing after a run),
    /// and every block holds some row (none left over from deleted rows).
    func checkTaskLengths() throws {
        try read { db in
            var blocks: [Int64: Data] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT block, sizes FROM task_lengths") { blocks[row[0]] = row[1] }
            var held = Set<Int64>()
            for row in try Row.fetchAll(db, sql: "SELECT id, sz FROM tasks_fts_docsize") {
                let id: Int64 = row[0]
                held.insert(id >> TaskLengths.blockShift)
                guard let block = blocks[id >> TaskLengths.blockShift] else {
                    throw LengthMismatch(description: "no length block for task row \(id)")
                }
                let kept = TaskLengths.length(ofRow: id, in: block)
                let expected = Int(TaskLengths.stored(TaskLengths.total(ofSizes: row[1])))
                if kept != expected { throw LengthMismatch(description: "task row \(id): kept length \(kept), FTS5's \(expected)") }
            }
            if let dead = Set(blocks.keys).subtracting(held).first {
                throw LengthMismatch(description: "length block \(dead) holds no task row")
            }
        }
    }
}
