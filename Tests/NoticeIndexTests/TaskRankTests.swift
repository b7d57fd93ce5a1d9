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
        // Without the kept lengths (a writer that did not refresh), FTS5's own sizes: still bm25.
        try store.executeForTesting("DELETE FROM task_lengths")
        for q in Self.queries {
            for (row, bm25, rank) in try Self.scores(q, store) { #expect(rank == bm25, "row \(row) of \(q), no kept lengths") }
        }
        // The next run writes the missing blocks again.
        try f.index()
        try store.checkTaskLengths()
    }

    /// A changed notice's rows get new ids; their block is written again with their lengths.
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

    @Test func docsizeTotals() {
        #expect(TaskLengths.total(ofSizes: Data([0x05, 0x03])) == 8)
        // 300 = 0b10_0101100: two groups, the most significant first.
        #expect(TaskLengths.total(ofSizes: Data([0x82, 0x2C, 0x01])) == 301)
        #expect(TaskLengths.total(ofSizes: nil) == 0)
        #expect(TaskLengths.stored(70_000) == 0)
    }
}
