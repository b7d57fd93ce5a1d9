import Foundation
import GRDB
import NoticeExtract
import NoticeModel
import NoticeText

/// Indexes a corpus folder incrementally: files whose content hash is unchanged are skipped,
/// changed ones re-extracted, deleted ones removed; unreadable files are reported and skipped.
/// The whole run is one transaction, so an interrupted run leaves the previous index intact.
public enum Indexer {
    /// Indexes every notice file under `corpus` into `store`. `rebuild` re-extracts unchanged files
    /// too. `progress(done, total, file)` is called before each file.
    @discardableResult
    public static func index(corpus: String, into store: IndexStore, rebuild: Bool = false,
                             progress: ((Int, Int, String) -> Void)? = nil) throws -> IndexReport {
        let files = try NoticeFiles.list(in: corpus)
        var report = IndexReport()
        try store.write { db in
            var known: [String: (id: Int64, hash: String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, file, hash FROM notices") {
                known[row["file"]] = (row["id"], row["hash"])
            }
            let present = Set(files)
            for (file, entry) in known where !present.contains(file) {
                try NoticeRows.delete(noticeID: entry.id, db)
                report.removed.append(file)
            }
            for (i, rel) in files.enumerated() {
                progress?(i + 1, files.count, rel)
                let full = (corpus as NSString).appendingPathComponent(rel)
                let ext = (rel as NSString).pathExtension.lowercased()
                guard NoticeFiles.supportedExtensions.contains(ext) || ext.isEmpty else {
                    if let old = known[rel] { try NoticeRows.delete(noticeID: old.id, db); report.removed.append(rel) }
                    report.skipped.append(.init(file: rel, reason: "\(rel): not a notice format (.\(ext))"))
                    continue
                }
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: full))
                } catch {
                    report.skipped.append(.init(file: rel, reason: "\(rel): cannot read: \(error.localizedDescription)"))
                    continue
                }
                // The extractor's version is part of the hash: a new extractor re-reads every file.
                let hash = ContentHash.of(data) + "/x" + CatalogBuilder.version
                if let old = known[rel], old.hash == hash, !rebuild {
                    report.unchanged.append(rel)
                    continue
                }
                let decoded: DecodedText
                do {
                    decoded = try NoticeDecoder.decode(data: data, fileName: rel)
                } catch {
                    if let old = known[rel] { try NoticeRows.delete(noticeID: old.id, db); report.removed.append(rel) }
                    report.skipped.append(.init(file: rel, reason: (error as? DecodeError)?.description ?? "\(rel): \(error)"))
                    continue
                }
                let notice = CatalogBuilder.notice(decoded: decoded, relativePath: rel)
                if let old = known[rel] {
                    try NoticeRows.delete(noticeID: old.id, db)
                    report.updated.append(rel)
                } else {
                    report.added.append(rel)
                }
                try NoticeRows.insert(notice, hash: hash, sourceText: decoded.text, db)
            }
            try NoticeRows.deleteOrphanUnits(db)
            report.notices = try Int.fetchOne(db, sql: "SELECT count(*) FROM notices") ?? 0
            report.tasks = try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0
            report.units = try Int.fetchOne(db, sql: "SELECT count(*) FROM units") ?? 0
            report.tasksWithoutLead = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM tasks t
                WHERE NOT EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.role IN ('lead', 'responsible'))
                """) ?? 0
        }
        return report
    }
}
