import Foundation
import GRDB
import NoticeExtract
import NoticeModel

/// `show`: a notice's outline or one task with its source lines.
public struct NoticeLookup: Sendable {
    public let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    /// Either a notice outline or a task detail.
    public enum Shown: Sendable, Equatable {
        case notice(NoticeOutline)
        case task([TaskDetail])
    }

    /// `ref` is a task id (`stem#n`), a notice's file, relative path or stem.
    public func show(_ ref: String) throws -> Shown {
        try store.read { db in
            let tasks = try Row.fetchAll(db, sql: "SELECT id, notice_id, line, end_line FROM tasks WHERE task_id = ? ORDER BY id",
                                         arguments: [ref])
            if !tasks.isEmpty {
                let rows = tasks.map { HitLoader.Row(rowID: $0["id"], score: 0, role: nil) }
                // One reader for the hit and its source lines: the notice's text is inflated once.
                let reader = StoredTextReader(db)
                let hits = try HitLoader.load(rows, parts: [], filters: SearchFilters(), reader: reader, db)
                return .task(try zip(tasks, hits).map { r, hit in
                    let lines = try reader.lines(of: r["notice_id"], r["line"], r["end_line"])
                    return TaskDetail(task: hit, title: hit.title, text: hit.text, noticeTitle: hit.noticeTitle,
                                      source: lines.map { .init(line: $0.line, text: $0.text) })
                })
            }
            if ref.contains("#") { throw IndexError.unknownTask(id: ref) }
            let ids = try Self.resolveDocument(ref, db)
            return .notice(try outline(ids[0], db))
        }
    }

    /// The stored catalog entry of a notice (file name, relative path or stem, as `show`).
    public func notice(_ ref: String) throws -> Notice {
        try store.read { db in try StoredNotice.load(id: Self.resolveDocument(ref, db)[0], db) }
    }

    /// The earlier edition `ref` continues (see `EditionChains.baseline`), with why it was chosen.
    public func previousEdition(of ref: String) throws -> EditionChains.Baseline? {
        try store.read { db in try EditionChains.baseline(of: Self.resolveDocument(ref, db)[0], db) }
    }

    func outline(_ id: Int64, _ db: Database) throws -> NoticeOutline {
        let n = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id])!
        let rows = try Row.fetchAll(db, sql: "SELECT id FROM tasks WHERE notice_id = ? ORDER BY ordinal", arguments: [id])
        let hits = try HitLoader.load(rows.map { HitLoader.Row(rowID: $0["id"], score: 0, role: nil) }, parts: [],
                                      filters: SearchFilters(), db)
        return NoticeOutline(
            file: n["file"], issuer: n["issuer"], number: n["number"], date: n["date"], title: n["title"],
            year: n["year"], format: n["format"],
            tasks: hits.map { .init(id: $0.id, path: $0.path, title: $0.title, lead: $0.lead, support: $0.support,
                                    responsible: $0.responsible, inferred: $0.inferred, line: $0.line) })
    }

    /// Notice ids for a file name, relative path or stem; unknown → `IndexError.unknownDocument`.
    static func resolveDocument(_ ref: String, _ db: Database) throws -> [Int64] {
        // ./-x.txt names the file -x.txt (how a name beginning with '-' is written on a command line).
        var ref = ref
        while ref.hasPrefix("./") { ref.removeFirst(2) }
        let files = try Row.fetchAll(db, sql: "SELECT id, file FROM notices ORDER BY file").map { ($0["id"] as Int64, $0["file"] as String) }
        let exact = files.filter { $0.1 == ref || ($0.1 as NSString).lastPathComponent == ref }
        if !exact.isEmpty { return exact.map(\.0) }
        let byStem = files.filter { CatalogBuilder.stem(of: $0.1) == ref }
        if !byStem.isEmpty { return byStem.map(\.0) }
        let byPrefix = files.filter { ($0.1 as NSString).lastPathComponent.hasPrefix(ref) }
        if byPrefix.count == 1 { return [byPrefix[0].0] }
        let suggestions = (byPrefix.isEmpty ? files.filter { $0.1.contains(ref) } : byPrefix).prefix(5).map(\.1)
        throw IndexError.unknownDocument(name: ref, suggestions: Array(suggestions))
    }
}
