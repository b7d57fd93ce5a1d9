import Foundation
import GRDB
import GRDBSQLite

/// Each task row's length in tokens (text and title together, as FTS5 counts them in
/// `tasks_fts_docsize`), kept 1,024 rows to a blob so that ranking reads a few blobs, not one
/// docsize row per match. FTS5's own bm25() looked up every matching row's size with a statement
/// of its own: at 10,000 notices that was 60–70% of ranking a common word (信访, 34,000 matches:
/// 18 ms, of which counting them took 0.7 ms).
///
/// The rule that keeps them right: whoever inserts task rows calls `refresh` before committing,
/// with the lowest row id it inserted (only `NoticeRows.insert` does). No trigger does it: a
/// trigger on task_rows made every insert a savepoint, and FTS5 writes its pending postings out at
/// each one (a segment per task). A row whose block is missing is ranked from FTS5's own sizes.
/// A migration that rebuilds `tasks_fts` (a new tokenizer) must refresh from 0.
enum TaskLengths {
    static let blockShift: Int64 = 10
    static let blockSize = 1 << blockShift

    static let schema = "CREATE TABLE task_lengths(block INTEGER PRIMARY KEY, sizes BLOB NOT NULL)"

    /// Writes again every block from the one holding `firstWritten` up (a run's inserted rows all
    /// lie there), and drops the blocks whose rows are all gone (a rebuild gives every task a new id).
    static func refresh(_ db: Database, from firstWritten: Int64?) throws {
        if let firstWritten {
            let firstBlock = firstWritten >> blockShift
            try db.execute(sql: "DELETE FROM task_lengths WHERE block >= ?", arguments: [firstBlock])
            var block: Int64 = -1
            var sizes = [UInt16](repeating: 0, count: blockSize)
            var used = 0
            func write() throws {
                guard used > 0 else { return }
                let bytes = sizes.prefix(used).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                try db.execute(sql: "INSERT INTO task_lengths(block, sizes) VALUES (?, ?)", arguments: [block, Data(bytes)])
                sizes = [UInt16](repeating: 0, count: blockSize)
                used = 0
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT id, sz FROM tasks_fts_docsize WHERE id >= ? ORDER BY id",
                                           arguments: [firstBlock << blockShift])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if id >> blockShift != block {
                    try write()
                    block = id >> blockShift
                }
                let slot = Int(id - (block << blockShift))
                sizes[slot] = stored(total(ofSizes: row[1]))
                used = slot + 1
            }
            try write()
        }
        try db.execute(sql: """
            DELETE FROM task_lengths WHERE NOT EXISTS (SELECT 1 FROM tasks_fts_docsize
                WHERE id BETWEEN task_lengths.block << \(blockShift) AND (task_lengths.block << \(blockShift)) + \(blockSize - 1))
            """)
    }

    /// The length kept for row `row` in its block's blob (two little-endian bytes a slot), 0 when
    /// the blob stops before it. `TaskRank` copies whole blobs into memory instead.
    static func length(ofRow row: Int64, in blob: Data) -> Int {
        let slot = Int(row & Int64(blockSize - 1)) * 2
        guard slot + 1 < blob.count else { return 0 }
        return Int(blob[blob.startIndex + slot]) | Int(blob[blob.startIndex + slot + 1]) << 8
    }

    /// The row's token count as kept: 0 (ranked from FTS5's sizes) when it does not fit.
    static func stored(_ total: Int) -> UInt16 { total > 0 && total < Int(UInt16.max) ? UInt16(total) : 0 }

    /// The sum of a docsize blob's column sizes (SQLite varints, most significant group first).
    static func total(ofSizes blob: Data?) -> Int {
        guard let blob else { return 0 }
        var total = 0, value = 0
        for byte in blob {
            value = (value << 7) | Int(byte & 0x7F)
            if byte & 0x80 == 0 { total += value; value = 0 }
        }
        return total
    }
}
