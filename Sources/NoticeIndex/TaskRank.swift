import Foundation
import GRDB
import GRDBSQLite

/// `policydex_rank(tasks_fts, weight…)`: FTS5's bm25() (k1 1.2, b 0.75, IDF from the phrases'
/// row counts, column weights), computed the same way to the last bit, but with each row's length
/// read from `task_lengths`, and a phrase's IDF counted only once a row holds it.
enum TaskRank {
    static let name = "policydex_rank"
    /// The same, but a query of one phrase is scored without its IDF (`policydex_ranked_idf()`
    /// gives it afterwards): that phrase's row count is the match count, which the ranking pass
    /// finds anyway, so the extra pass over its doclist that bm25() makes first is left out.
    /// Only for a MATCH that is the whole condition: with other conditions the rows scored are
    /// fewer than the phrase's rows.
    static let deferredName = "policydex_rank_deferred"
    /// `policydex_ranked_rows()`: how many rows were scored on this connection since the last
    /// call (and starts again from 0). A ranked query scores every match once to sort them, so
    /// that is the match count, without a second pass over the doclists to count.
    static let rowsName = "policydex_ranked_rows"
    /// `policydex_ranked_idf()`: the IDF a deferred ranking left out, from its rows so far (NULL
    /// when it left none out).
    static let idfName = "policydex_ranked_idf"

    /// What a connection's rankings report (distinct rowids in a row: a row scored twice counts once).
    struct Counts {
        var rows = 0
        var lastRowID: Int64 = -1
        /// The table's row count, when a deferred ranking left its phrase's IDF out (else -1).
        var deferredTableRows: Int64 = -1
    }

    /// A connection's counts, kept where the scoring function reaches them without reference
    /// counting (it runs once per match).
    final class Tally: @unchecked Sendable {
        let counts = UnsafeMutablePointer<Counts>.allocate(capacity: 1)
        init() { counts.initialize(to: Counts()) }
        deinit { counts.deallocate() }

        func take() -> Int {
            defer { counts.pointee = Counts() }
            return counts.pointee.rows
        }

        var deferredIDF: Double? {
            let c = counts.pointee
            return c.deferredTableRows < 0 ? nil : TaskRank.idf(rows: c.deferredTableRows, hits: Int64(c.rows))
        }
    }

    /// One registered function's data: the connection's tally, and whether it defers a lone
    /// phrase's IDF.
    final class Variant {
        let tally: Tally
        let defersIDF: Bool
        init(tally: Tally, defersIDF: Bool) { self.tally = tally; self.defersIDF = defersIDF }
    }

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        let tally = Tally()
        for (functionName, defers) in [(name, false), (deferredName, true)] {
            _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), functionName,
                                            Unmanaged.passRetained(Variant(tally: tally, defersIDF: defers)).toOpaque(),
                                            function) { Unmanaged<Variant>.fromOpaque($0!).release() }
        }
        db.add(function: DatabaseFunction(rowsName, argumentCount: 0, pure: false) { _ in tally.take() })
        db.add(function: DatabaseFunction(idfName, argumentCount: 0, pure: false) { _ in tally.deferredIDF })
    }

    /// bm25()'s IDF: log((N − n + 0.5) / (n + 0.5)), and 1e-6 where that is not positive.
    static func idf(rows: Int64, hits: Int64) -> Double {
        let idf = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// What one query's ranking keeps between rows (FTS5 aux data, freed with the statement), in
    /// buffers the scoring function reads without reference counting (34,000 rows for 信访).
    final class QueryState {
        /// Each phrase's IDF, NaN until a row holds the phrase: a phrase no scored row holds
        /// (the B of A NOT B) adds 0 to every score, and its doclist is never read for it.
        var idf = UnsafeMutableBufferPointer<Double>.allocate(capacity: 0)
        var weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: 0)
        /// Each phrase's weighted hits in the current row.
        var frequencies = UnsafeMutableBufferPointer<Double>.allocate(capacity: 0)
        var tableRows: Int64 = 0
        var averageLength = 0.0
        /// Reads a block of lengths; nil when the table cannot be read (then FTS5's sizes).
        var blockStatement: OpaquePointer?
        /// Every block read so far, and the current one (rows come in rowid order).
        var blocks: [Int64: UnsafeMutableBufferPointer<UInt16>] = [:]
        var currentNumber: Int64 = -1
        var current = UnsafeMutableBufferPointer<UInt16>(start: nil, count: 0)

        deinit {
            sqlite3_finalize(blockStatement)
            idf.deallocate()
            weights.deallocate()
            frequencies.deallocate()
            for block in blocks.values { block.deallocate() }
        }

        static func buffer(_ values: [Double]) -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
            _ = b.initialize(from: values)
            return b
        }

        func length(ofRow row: Int64) -> Int? {
            let number = row >> TaskLengths.blockShift
            if number != currentNumber {
                current = blocks[number] ?? load(number)
                currentNumber = number
            }
            let slot = Int(row & Int64(TaskLengths.blockSize - 1))
            guard slot < current.count, current[slot] > 0 else { return nil }
            return Int(current[slot])
        }

        private func load(_ number: Int64) -> UnsafeMutableBufferPointer<UInt16> {
            var sizes = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 0)
            if let statement = blockStatement {
                sqlite3_bind_int64(statement, 1, number)
                if sqlite3_step(statement) == SQLITE_ROW, let raw = sqlite3_column_blob(statement, 0) {
                    let count = Int(sqlite3_column_bytes(statement, 0)) / 2
                    sizes.deallocate()
                    sizes = .allocate(capacity: count)
                    // Little-endian on disk, as on every machine this runs on.
                    memcpy(sizes.baseAddress!, raw, count * 2)
                }
                sqlite3_reset(statement)
            }
            blocks[number] = sizes
            return sizes
        }
    }

    private static let function: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee else { return }
        let variant = Unmanaged<Variant>.fromOpaque(api.xUserData(fts)!)
        var raw = api.xGetAuxdata(fts, 0)
        if raw == nil {
            let fresh = QueryState()
            let rc = variant._withUnsafeGuaranteedRef { prepare(fresh, $0, api, fts, context, count, values) }
            guard rc == SQLITE_OK else { sqlite3_result_error_code(context, rc); return }
            raw = Unmanaged.passRetained(fresh).toOpaque()
            // On failure FTS5 has already called the release: the state is gone.
            let kept = api.xSetAuxdata(fts, raw) { Unmanaged<QueryState>.fromOpaque($0!).release() }
            guard kept == SQLITE_OK else { sqlite3_result_error_code(context, kept); return }
        }
        let counts = variant._withUnsafeGuaranteedRef { $0.tally.counts }
        // Borrowed, not retained: this runs once per match.
        Unmanaged<QueryState>.fromOpaque(raw!)._withUnsafeGuaranteedRef { state in
            score(state, counts, api, fts, context)
        }
    }

    private static func score(_ state: QueryState, _ counts: UnsafeMutablePointer<Counts>, _ api: Fts5ExtensionApi,
                              _ fts: OpaquePointer?, _ context: OpaquePointer?) {
        let row = api.xRowid(fts)
        if counts.pointee.lastRowID != row { counts.pointee.rows += 1; counts.pointee.lastRowID = row }
        let frequencies = state.frequencies, weights = state.weights, idf = state.idf
        frequencies.update(repeating: 0)
        var instances: Int32 = 0
        var rc = api.xInstCount(fts, &instances)
        var i: Int32 = 0
        while rc == SQLITE_OK, i < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            rc = api.xInst(fts, i, &phrase, &column, &offset)
            if rc == SQLITE_OK { frequencies[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1.0 }
            i += 1
        }
        var length = 0
        if rc == SQLITE_OK {
            if let kept = state.length(ofRow: row) {
                length = kept
            } else {
                var tokens: Int32 = 0
                rc = api.xColumnSize(fts, -1, &tokens)
                length = Int(tokens)
            }
        }
        guard rc == SQLITE_OK else { sqlite3_result_error_code(context, rc); return }
        let k1 = 1.2, b = 0.75
        let d = Double(length), averageLength = state.averageLength
        var score = 0.0
        for p in 0..<frequencies.count where frequencies[p] != 0 {
            // bm25() adds idf × 0 = +0.0 for a phrase the row lacks: leaving it out keeps every bit.
            if idf[p].isNaN {
                rc = phraseIDF(state, api, fts, p)
                guard rc == SQLITE_OK else { sqlite3_result_error_code(context, rc); return }
            }
            score += idf[p] * ((frequencies[p] * (k1 + 1.0)) / (frequencies[p] + k1 * (1 - b + b * d / averageLength)))
        }
        sqlite3_result_double(context, -1.0 * score)
    }

    /// Phrase `p`'s IDF from the rows that hold it, as bm25() counts them (a pass over its doclist).
    private static func phraseIDF(_ state: QueryState, _ api: Fts5ExtensionApi, _ fts: OpaquePointer?, _ p: Int) -> Int32 {
        var hits: Int64 = 0
        let rc = withUnsafeMutablePointer(to: &hits) { pointer in
            api.xQueryPhrase(fts, Int32(p), pointer) { _, _, user in
                user!.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
        }
        state.idf[p] = idf(rows: state.tableRows, hits: hits)
        return rc
    }

    /// The query's weights and average length, as bm25() computes them on its first row.
    private static func prepare(_ state: QueryState, _ variant: Variant, _ api: Fts5ExtensionApi, _ fts: OpaquePointer?,
                                _ context: OpaquePointer?, _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        state.weights.deallocate()
        state.weights = QueryState.buffer((0..<Int(count)).map { sqlite3_value_double(values![$0]) })
        var rows: Int64 = 0, tokens: Int64 = 0
        var rc = api.xRowCount(fts, &rows)
        if rc == SQLITE_OK { rc = api.xColumnTotalSize(fts, -1, &tokens) }
        if rc == SQLITE_OK { state.averageLength = Double(tokens) / Double(rows) }
        let phrases = Int(api.xPhraseCount(fts))
        state.tableRows = rows
        state.idf.deallocate()
        if variant.defersIDF, phrases == 1 {
            // Scored as IDF 1 (× 1.0 is exact); the caller multiplies by `Tally.deferredIDF`.
            state.idf = QueryState.buffer([1.0])
            variant.tally.counts.pointee.deferredTableRows = rows
        } else {
            state.idf = QueryState.buffer(Array(repeating: .nan, count: phrases))
        }
        state.frequencies.deallocate()
        state.frequencies = .allocate(capacity: phrases)
        var statement: OpaquePointer?
        if sqlite3_prepare_v2(sqlite3_context_db_handle(context), "SELECT sizes FROM task_lengths WHERE block = ?", -1, &statement, nil) == SQLITE_OK {
            state.blockStatement = statement
        } else {
            sqlite3_finalize(statement)
        }
        return rc
    }
}
