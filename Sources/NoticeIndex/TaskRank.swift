import Foundation
import GRDB
import GRDBSQLite

/// Each task row's length in tokens (text and title together, as FTS5 counts them in
/// `tasks_fts_docsize`), kept 1,024 rows to a blob so that ranking reads a few blobs, not one
/// docsize row per match. FTS5's own bm25() looked up every matching row's size with a statement
/// of its own: at 10,000 notices that was 60–70% of ranking a common word (信访, 34,000 matches:
/// 18 ms, of which counting them took 0.7 ms).
///
/// A block is deleted by trigger whenever a row of it is written, and written again from the
/// docsize table by `refresh` before the writing transaction commits; a block that is missing
/// (a writer that did not refresh) is ranked from FTS5's own sizes, so no block is ever stale.
/// A migration that rebuilds `tasks_fts` (a new tokenizer) must empty this table.
enum TaskLengths {
    static let blockShift: Int64 = 10
    static let blockSize = 1 << blockShift

    static let schema = """
        CREATE TABLE task_lengths(block INTEGER PRIMARY KEY, sizes BLOB NOT NULL);
        CREATE TRIGGER task_rows_lengths_insert AFTER INSERT ON task_rows BEGIN
            DELETE FROM task_lengths WHERE block = new.id >> \(blockShift);
        END;
        CREATE TRIGGER task_rows_lengths_update AFTER UPDATE ON task_rows BEGIN
            DELETE FROM task_lengths WHERE block IN (old.id >> \(blockShift), new.id >> \(blockShift));
        END;
        """

    /// Writes every block that is missing, from the docsize table (all of them after a fresh
    /// build, the one or two a changed notice's rows fell in after an incremental run).
    static func refresh(_ db: Database) throws {
        guard let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM tasks_fts_docsize") else { return }
        let present = Set(try Int64.fetchAll(db, sql: "SELECT block FROM task_lengths"))
        for block in 0...(last >> blockShift) where !present.contains(block) {
            var sizes = [UInt16](repeating: 0, count: blockSize)
            var used = 0
            let first = block << blockShift
            let rows = try Row.fetchCursor(db, sql: "SELECT id, sz FROM tasks_fts_docsize WHERE id BETWEEN ? AND ?",
                                           arguments: [first, first + Int64(blockSize) - 1])
            while let row = try rows.next() {
                let slot = Int((row[0] as Int64) - first)
                sizes[slot] = stored(total(ofSizes: row[1]))
                used = max(used, slot + 1)
            }
            let bytes = sizes.prefix(used).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            try db.execute(sql: "INSERT INTO task_lengths(block, sizes) VALUES (?, ?)", arguments: [block, Data(bytes)])
        }
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

/// `policydex_rank(tasks_fts, weight…)`: FTS5's bm25() (k1 1.2, b 0.75, IDF from the phrases'
/// row counts, column weights), computed the same way to the last bit, but with each row's length
/// read from `task_lengths`.
enum TaskRank {
    static let name = "policydex_rank"

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, function, nil)
    }

    /// What one query's ranking keeps between rows (FTS5 aux data, freed with the statement).
    final class QueryState {
        var idf: [Double] = []
        var weights: [Double] = []
        var averageLength = 0.0
        var frequencies: [Double] = []
        /// Reads a block of lengths; nil when the table cannot be read (then FTS5's sizes).
        var blockStatement: OpaquePointer?
        var blocks: [Int64: [UInt16]] = [:]
        var lastBlock: (number: Int64, sizes: [UInt16]) = (-1, [])

        deinit { sqlite3_finalize(blockStatement) }

        func length(ofRow row: Int64) -> Int? {
            let number = row >> TaskLengths.blockShift
            if number != lastBlock.number {
                lastBlock = (number, blocks[number] ?? load(number))
            }
            let slot = Int(row & Int64(TaskLengths.blockSize - 1))
            guard slot < lastBlock.sizes.count, lastBlock.sizes[slot] > 0 else { return nil }
            return Int(lastBlock.sizes[slot])
        }

        private func load(_ number: Int64) -> [UInt16] {
            guard let statement = blockStatement else { return [] }
            defer { sqlite3_reset(statement) }
            sqlite3_bind_int64(statement, 1, number)
            var sizes: [UInt16] = []
            if sqlite3_step(statement) == SQLITE_ROW, let raw = sqlite3_column_blob(statement, 0) {
                let bytes = UnsafeRawBufferPointer(start: raw, count: Int(sqlite3_column_bytes(statement, 0)))
                sizes = (0..<(bytes.count / 2)).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
            }
            blocks[number] = sizes
            return sizes
        }
    }

    private static let function: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee else { return }
        let state: QueryState
        if let raw = api.xGetAuxdata(fts, 0) {
            state = Unmanaged<QueryState>.fromOpaque(raw).takeUnretainedValue()
        } else {
            state = QueryState()
            let rc = prepare(state, api, fts, context, count, values)
            guard rc == SQLITE_OK else { sqlite3_result_error_code(context, rc); return }
            _ = api.xSetAuxdata(fts, Unmanaged.passRetained(state).toOpaque()) { Unmanaged<QueryState>.fromOpaque($0!).release() }
        }
        for i in state.frequencies.indices { state.frequencies[i] = 0 }
        var instances: Int32 = 0
        var rc = api.xInstCount(fts, &instances)
        var i: Int32 = 0
        while rc == SQLITE_OK, i < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            rc = api.xInst(fts, i, &phrase, &column, &offset)
            if rc == SQLITE_OK {
                state.frequencies[Int(phrase)] += Int(column) < state.weights.count ? state.weights[Int(column)] : 1.0
            }
            i += 1
        }
        var length = 0
        if rc == SQLITE_OK {
            if let kept = state.length(ofRow: api.xRowid(fts)) {
                length = kept
            } else {
                var tokens: Int32 = 0
                rc = api.xColumnSize(fts, -1, &tokens)
                length = Int(tokens)
            }
        }
        guard rc == SQLITE_OK else { sqlite3_result_error_code(context, rc); return }
        let k1 = 1.2, b = 0.75
        let d = Double(length)
        var score = 0.0
        for p in state.idf.indices {
            score += state.idf[p] * ((state.frequencies[p] * (k1 + 1.0)) / (state.frequencies[p] + k1 * (1 - b + b * d / state.averageLength)))
        }
        sqlite3_result_double(context, -1.0 * score)
    }

    /// The query's IDFs and average length, as bm25() computes them on its first row.
    private static func prepare(_ state: QueryState, _ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ context: OpaquePointer?,
                                _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        state.weights = (0..<Int(count)).map { sqlite3_value_double(values![$0]) }
        var rows: Int64 = 0, tokens: Int64 = 0
        var rc = api.xRowCount(fts, &rows)
        if rc == SQLITE_OK { rc = api.xColumnTotalSize(fts, -1, &tokens) }
        if rc == SQLITE_OK { state.averageLength = Double(tokens) / Double(rows) }
        let phrases = Int(api.xPhraseCount(fts))
        for p in 0..<phrases where rc == SQLITE_OK {
            var hits: Int64 = 0
            rc = withUnsafeMutablePointer(to: &hits) { pointer in
                api.xQueryPhrase(fts, Int32(p), pointer) { _, _, user in
                    user!.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                }
            }
            let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
            state.idf.append(idf <= 0 ? 1e-6 : idf)
        }
        state.frequencies = Array(repeating: 0, count: phrases)
        var statement: OpaquePointer?
        if sqlite3_prepare_v2(sqlite3_context_db_handle(context), "SELECT sizes FROM task_lengths WHERE block = ?", -1, &statement, nil) == SQLITE_OK {
            state.blockStatement = statement
        } else {
            sqlite3_finalize(statement)
        }
        return rc
    }
}
