import Foundation
import GRDB
import NoticeDecode
import NoticeExtract
import NoticeModel

/// Indexes a corpus folder incrementally: files whose content hash is unchanged are skipped,
/// changed ones re-extracted, deleted ones removed; unreadable files are reported and skipped.
/// The whole run is one transaction, so an interrupted run leaves the previous index intact.
public enum Indexer {
    /// Indexes every notice file under `corpus` into `store`. `rebuild` re-extracts unchanged files
    /// too. `progress(done, total, file)` is called before each file.
    @discardableResult
    public static func index(corpus: String, into store: IndexStore, rebuild: Bool = false,
                             progress: ((Int, Int, String) -> Void)? = nil) throws -> IndexReport {
        // One transaction; damage it meets is named by the store (IndexError.damagedIndex).
        var (report, bulk) = try run(corpus: corpus, into: store, rebuild: rebuild, progress: progress)
        // After many notices came, changed or went, the full-text segments are merged into one
        // (a search reads one doclist per token, not one per segment: 10,000 fresh notices, search
        // median 30 → 27 ms) and the file is rewritten: the old postings' pages are given back, and
        // the indexes filled out of key order (a unit's tasks, the task ids) are packed (10,000
        // fresh notices: 307 → 297 MB, for about 3 s). The run has committed: compacting is a
        // saving, and its failure (VACUUM needs as much free disk again) a warning.
        if bulk || (report.added.count + report.updated.count + report.removed.count) * 10 > report.notices {
            do {
                try store.compact()
            } catch {
                report.warnings.append("the index was written but not compacted (\(IndexStore.reason(error)))")
            }
        }
        // Counted as `depts` lists them (委安稳办 and 安稳办 are one unit).
        report.units = try UnitDirectory(store: store).count()
        return report
    }

    /// The run's report, and whether it wrote in bulk (every notice new or re-extracted), which
    /// leaves the full-text segments unmerged for the compaction that follows.
    private static func run(corpus: String, into store: IndexStore, rebuild: Bool,
                            progress: ((Int, Int, String) -> Void)?) throws -> (IndexReport, Bool) {
        let files = try NoticeFiles.list(in: corpus)
        var report = IndexReport()
        var bulk = false
        try store.write { db in
            // Readers (the server's answer cache) see a new generation once this run commits.
            try db.execute(sql: """
                INSERT INTO meta(key, value) VALUES ('generation', '1')
                ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                """)
            var known: [String: FileOutcome.Known] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, file, hash, stamp FROM notices") {
                known[row["file"]] = FileOutcome.Known(id: row["id"], hash: row["hash"], stamp: row["stamp"])
            }
            // Every notice is written anew: the full-text indexes merge their segments once, when
            // the run is compacted, not again and again as rows arrive.
            bulk = rebuild || known.isEmpty
            if bulk { try FullTextMerging.defer(db) }
            let present = Set(files)
            for (file, entry) in known where !present.contains(file) {
                try NoticeRows.delete(noticeID: entry.id, db)
                report.removed.append(file)
            }
            // Files are read and extracted on background workers (extraction is pure and most of
            // the work); rows are written in file order on this connection as outcomes arrive.
            var lowestTaskRow: Int64?   // where the task lengths are written again from
            let pipeline = OutcomePipeline(files, corpus: corpus, known: known, rebuild: rebuild)
            defer { pipeline.stop() }
            for (i, rel) in files.enumerated() {
                progress?(i + 1, files.count, rel)
                switch pipeline.take(i) {
                case .unchanged(let stamp):
                    report.unchanged.append(rel)
                    if let stamp, let old = known[rel] {
                        try db.cachedStatement(sql: "UPDATE notice_rows SET stamp = ? WHERE id = ?").execute(arguments: [stamp, old.id])
                    }
                case .skipped(let reason, let dropOld):
                    if dropOld, let old = known[rel] { try NoticeRows.delete(noticeID: old.id, db); report.removed.append(rel) }
                    report.skipped.append(.init(file: rel, reason: reason))
                case .extracted(let notice, let hash, let stamp, let texts, let warnings):
                    report.warnings += warnings
                    if let old = known[rel] {
                        try NoticeRows.delete(noticeID: old.id, db)
                        report.updated.append(rel)
                    } else {
                        report.added.append(rel)
                    }
                    if let first = try NoticeRows.insert(notice, hash: hash, stamp: stamp, texts: texts, db) {
                        lowestTaskRow = min(lowestTaskRow ?? first, first)
                    }
                }
            }
            try NoticeRows.deleteOrphanUnits(db)
            try TaskLengths.refresh(db, from: lowestTaskRow)
            if bulk { try FullTextMerging.restore(db) }
            report.notices = try Int.fetchOne(db, sql: "SELECT count(*) FROM notices") ?? 0
            report.tasks = try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0
            // Counted along task_units' key (task_id, role, …): a correlated lookup per task took
            // 0.1 s at 10,000 notices, on every run.
            report.tasksWithoutLead = report.tasks - (try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT task_id) FROM task_units WHERE role IN \(StoredRole.leadingCodes)
                """) ?? 0)
        }
        return (report, bulk)
    }
}
