import Foundation
import GRDB
import Testing
@testable import NoticeIndex

/// `policydex_rank` is FTS5's bm25() to the last bit, whether a row's length comes from
/// `task_lengths` or (a block missing) from FTS5's own sizes; the kept lengths follow every change.
@Suite struct TaskRankTests {
    static let queries = ["\"信访\"", "\"消防\"", "\"反诈\"", "\"安全\" OR \"消防\"", "\"医政科\"", "\"风险\" NOT \"演练\"", "\"工作\" AND \"加强\"", "\"办\" *"]

    /// (rowid, bm25, policydex_rank) of every task a MATCH expression finds.
    static func scores(_ match: String, _ store: IndexStore) throws -> [(Int64, Double, Double)] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, bm25(tasks_fts, 1.0, 0.5), \(TaskRank.name)(tasks_fts, 1.0, 0.5) FROM tasks_fts
                WHERE tasks_fts MATCH ? ORDER BY rowid
                """, arguments: [match]).map { ($0[0], $0[1], $0[2]) }
        }
    }

    /// Ten copies of the samples: more than one block of 1,024 rows, so rows are ranked across blocks.
    @Test func rankIsBM25AcrossBlocks() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let samples = try FileManager.default.contentsOfDirectory(atPath: f.corpus.path)
        for copy in 1...9 {
            for name in samples {
                let text = try String(contentsOf: f.corpus.appendingPathComponent(name), encoding: .utf8)
                try (text + "\n一、第\(copy)次复核。（牵头单位：办公室）\n")
                    .write(to: f.corpus.appendingPathComponent("copy\(copy)_" + name), atomically: true, encoding: .utf8)
            }
        }
        let report = try f.index()
        #expect(report.tasks > TaskLengths.blockSize)
        let store = try f.store()
        try store.checkTaskLengths()
        var compared = 0
        for q in Self.queries {
            for (row, bm25, rank) in try Self.scores(q, store) {
                #expect(rank == bm25, "row \(row) of \(q)")
                compared += 1
            }
        }
        #expect(compared > 1000)
        // A lone phrase ranked without its IDF, scaled after by the IDF of the rows it scored:
        // bm25() to the last bit. Two phrases are not deferred (no IDF is left out).
        for q in Self.queries {
            let (rows, idf, count) = try store.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT \(TaskRank.rowsName)()")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT bm25(tasks_fts, 1.0, 0.5), \(TaskRank.deferredName)(tasks_fts, 1.0, 0.5) FROM tasks_fts
                    WHERE tasks_fts MATCH ? ORDER BY rowid
                    """, arguments: [q]).map { ($0[0] as Double, $0[1] as Double) }
                return (rows, try Double.fetchOne(db, sql: "SELECT \(TaskRank.idfName)()"), try Int.fetchOne(db, sql: "SELECT \(TaskRank.rowsName)()"))
            }
            #expect(count == rows.count)
            #expect((idf != nil) == !["OR", "NOT", "AND"].contains { q.contains($0) }, "\(q)")
            for (bm25, deferred) in rows { #expect(-(idf ?? 1) * -deferred == bm25, "\(q)") }
        }
        // Without the kept lengths (a writer that did not refresh), FTS5's own sizes: still bm25.
        try store.executeForTesting("DELETE FROM task_lengths")
        for q in Self.queries {
            for (row, bm25, rank) in try Self.scores(q, store) { #expect(rank == bm25, "row \(row) of \(q), no kept lengths") }
        }
        // A run writes again from the lowest row it inserts: a notice of the first block changed
        // (its rows move to the top), then every notice re-extracted (every row a new id, the old
        // blocks dropped).
        try f.index(rebuild: true)
        try store.checkTaskLengths()
        let first = try #require(samples.sorted().first)
        try (try String(contentsOf: f.corpus.appendingPathComponent(first), encoding: .utf8) + "\n一、加强蓝鲸档案的长期管理。（牵头单位：医政科）\n")
            .write(to: f.corpus.appendingPathComponent(first), atomically: true, encoding: .utf8)
        try f.index()
        try store.checkTaskLengths()
        for q in Self.queries + ["\"蓝鲸\""] {
            for (row, bm25, rank) in try Self.scores(q, store) { #expect(rank == bm25, "row \(row) of \(q), after changes") }
        }
    }

    /// A notice added, then changed (its rows deleted and inserted again, under the same ids when
    /// they were the last): its block is written again with the new lengths.
    @Test func lengthsFollowChanges() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let store = try f.store()
        try f.index()
        let file = f.corpus.appendingPathComponent("900_extra.txt")
        try "关于印发测试要点的通知\n\n一、完善蓝鲸档案管理工作。（牵头单位：办公室）\n".write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkTaskLengths()
        try "关于印发测试要点的通知\n\n一、完善蓝鲸档案管理和白鹭巡检的长期工作机制。（牵头单位：医政科）\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkTaskLengths()
        let scored = try Self.scores("\"蓝鲸\"", store)
        #expect(scored.count == 1 && scored[0].1 == scored[0].2)
    }

    /// Rows written in one run reach FTS5 in one flush: nothing on task_rows (a trigger made each
    /// insert a savepoint, and FTS5 wrote a segment per task). A notice of 30 tasks added to 50
    /// (no compaction follows) adds a handful of data rows, not one segment per task.
    @Test func anIncrementalRunFlushesOnce() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        for copy in 1...9 {
            for name in try FileManager.default.contentsOfDirectory(atPath: f.corpus.path) where !name.hasPrefix("copy") {
                try FileManager.default.copyItem(at: f.corpus.appendingPathComponent(name),
                                                 to: f.corpus.appendingPathComponent("copy\(copy)_" + name))
            }
        }
        try f.index()
        let store = try f.store()
        let dataRows = { try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM tasks_fts_data") ?? 0 } }
        let before = try dataRows()
        let items = (1...30).map { "\($0)、做好第\($0)项白鹭巡检。（牵头单位：办公室）" }.joined(separator: "\n")
        try ("关于印发巡检要点的通知\n\n一、工作任务\n" + items + "\n").write(to: f.corpus.appendingPathComponent("zz_new.txt"), atomically: true, encoding: .utf8)
        let report = try f.index()
        #expect(report.added == ["zz_new.txt"] && report.tasks > 30)
        #expect(try dataRows() - before < 10)
        try store.checkTaskLengths()
    }

    /// An index of schema 13's first form (lengths kept by triggers on task_rows) migrates: the
    /// triggers go and every length is written again.
    @Test func schema13TriggersAreDropped() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        try f.store().executeForTesting("""
            CREATE TRIGGER task_rows_lengths_insert AFTER INSERT ON task_rows BEGIN
                DELETE FROM task_lengths WHERE block = new.id >> 10;
            END;
            CREATE TRIGGER task_rows_lengths_update AFTER UPDATE ON task_rows BEGIN
                DELETE FROM task_lengths WHERE block IN (old.id >> 10, new.id >> 10);
            END;
            UPDATE task_lengths SET sizes = zeroblob(length(sizes));
            DELETE FROM grdb_migrations WHERE identifier = 'v14';
            INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '13');
            PRAGMA user_version = 13;
            """)
        let store = try f.store()
        let triggers = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'task_rows_lengths%'") }
        #expect(triggers == 0)
        #expect(try store.schemaVersion() == IndexSchema.version)
        try store.checkTaskLengths()
    }

    @Test func docsizeTotals() {
        #expect(TaskLengths.total(ofSizes: Data([0x05, 0x03])) == 8)
        // 300 = 0b10_0101100: two groups, the most significant first.
        #expect(TaskLengths.total(ofSizes: Data([0x82, 0x2C, 0x01])) == 301)
        #expect(TaskLengths.total(ofSizes: nil) == 0)
        #expect(TaskLengths.stored(70_000) == 0)
    }
}

extension TaskRankTests {
    /// The rows a ranked query scored are its matches: a search's total is that count.
    @Test func rankedRowsCountTheMatches() throws {
        let store = SharedIndex.shared.store
        for q in Self.queries {
            let (counted, tallied) = try store.read { db in
                let counted = try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH ?", arguments: [q]) ?? 0
                _ = try Int.fetchOne(db, sql: "SELECT \(TaskRank.rowsName)()")
                _ = try Row.fetchAll(db, sql: """
                    SELECT rowid, \(TaskRank.name)(tasks_fts, 1.0, 0.5) AS rank FROM tasks_fts WHERE tasks_fts MATCH ?
                    ORDER BY rank, rowid LIMIT 3
                    """, arguments: [q])
                return (counted, try Int.fetchOne(db, sql: "SELECT \(TaskRank.rowsName)()") ?? -1)
            }
            #expect(counted > 0 && tallied == counted, "\(q)")
        }
        // Taken once: the next read starts from nothing.
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT \(TaskRank.rowsName)()") } == 0)
        // A search's total is the count of every match (a phrase and a single character).
        let search = Search(store: store)
        for q in ["信访", "消防", "办"] {
            var every = SearchFilters(limit: 100_000)
            every.exactOnly = true
            let all = try search.run(q, filters: every)
            let top = try search.run(q, filters: SearchFilters(limit: 3))
            #expect(all.total > 3 && all.total == all.hits.count && top.total == all.total, "\(q)")
        }
        // In a scope (a unit, a role, a year) the ranking pass counts only what the scope keeps.
        for (q, scope) in [("工作", SearchFilters(dept: "安稳办")), ("工作", SearchFilters(dept: "安稳办", role: .lead)),
                           ("信访", SearchFilters(year: 2024)), ("办", SearchFilters(dept: "安稳办"))] {
            var every = scope, top = scope
            every.limit = 100_000
            every.exactOnly = true
            top.limit = 2
            top.exactOnly = true
            let all = try search.run(q, filters: every), first = try search.run(q, filters: top)
            #expect(all.total > 2 && all.total == all.hits.count && first.total == all.total, "\(q) \(scope)")
        }
    }
}
