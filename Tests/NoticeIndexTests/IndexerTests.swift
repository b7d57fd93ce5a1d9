import Foundation
import GRDB
import Testing
@testable import NoticeIndex

/// Incremental indexing: add, change, delete; bad files; schema version.
@Suite struct IndexerTests {
    @Test func incrementalAddChangeDelete() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let first = try f.index()
        #expect(first.added.count == 5 && first.notices == 5 && first.tasks > 0)
        #expect(first.skipped.isEmpty)

        let again = try f.index()
        #expect(again.isNoOp)
        #expect(again.unchanged.count == 5)
        #expect(again.tasks == first.tasks)

        // Add: a new notice with a unique phrase.
        let extra = """
            关于印发2026年测试工作要点的通知

            一、加强独角兽巡检工作。（牵头单位：安稳办；配合单位：医政科）
            二、完善蓝鲸档案管理。（牵头单位：办公室）
            """
        try extra.write(to: f.corpus.appendingPathComponent("900_extra.txt"), atomically: true, encoding: .utf8)
        let added = try f.index()
        #expect(added.added == ["900_extra.txt"])
        #expect(added.unchanged.count == 5)
        let search = Search(store: try f.store())
        #expect(try search.run("独角兽巡检").total == 1)

        // Change: the phrase is replaced.
        try extra.replacingOccurrences(of: "独角兽", with: "白鹭").write(
            to: f.corpus.appendingPathComponent("900_extra.txt"), atomically: true, encoding: .utf8)
        let changed = try f.index()
        #expect(changed.updated == ["900_extra.txt"])
        #expect(try search.run("独角兽巡检").exactTotal == 0)
        #expect(try search.run("白鹭巡检").total == 1)

        // Delete.
        try FileManager.default.removeItem(at: f.corpus.appendingPathComponent("900_extra.txt"))
        let deleted = try f.index()
        #expect(deleted.removed == ["900_extra.txt"])
        #expect(deleted.notices == 5 && deleted.tasks == first.tasks && deleted.units == first.units)
        #expect(try search.run("白鹭").total == 0)
        #expect(try search.run("蓝鲸").total == 0)
    }

    /// Both full-text indexes hold exactly their rows' tokens (FTS5's own integrity check against
    /// the tasks and notices tables) after a fresh run, a change and a removal: NoticeRows writes
    /// the full-text rows itself, so a column it forgot would fail here.
    @Test func fullTextIndexesMatchTheirRows() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let store = try f.store()
        try f.index()
        try store.checkFullText()
        let file = f.corpus.appendingPathComponent("900_extra.txt")
        try "关于印发测试要点的通知\n\n为做好蓝鲸档案工作，制定本要点。\n\n一、完善蓝鲸档案管理。（牵头单位：办公室）\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkFullText()
        try "关于印发测试要点的通知\n\n一、完善白鹭档案管理。（牵头单位：医政科）\n".write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkFullText()
        try FileManager.default.removeItem(at: file)
        try f.index()
        try store.checkFullText()
    }

    /// An index of schema 8 (insert triggers, task_units with a rowid, full-text postings of the
    /// older tokens, emptied so only the migration's rebuild can bring answers back) and one of
    /// schema 10 (tasks and notices holding copies of their texts) migrate in one open: triggers
    /// gone, task_units WITHOUT ROWID, texts kept as pieces of the notices' texts and shown by the
    /// views as they were, both full-text indexes matching their rows, the same answers, and later
    /// runs (which delete a changed notice's rows through the new triggers) keep them matching.
    @Test(arguments: [8, 10]) func olderIndexMigrates(schema: Int) throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        let queries = ["办", "信访", "安稳办 -医政科", "电信诈骗", "APP"]
        let before = try queries.map { try Search(store: f.store()).run($0).hits }
        let units = ["安稳办", "医政科", "委属各单位"]
        let deptBefore = try units.map { try UnitDirectory(store: f.store()).tasks(of: $0) }
        let rolesBefore = try units.map { try UnitDirectory(store: f.store()).tasks(of: $0, role: .support) }
        let tasksBefore = try f.store().read { db in try Row.fetchAll(db, sql: "SELECT * FROM tasks ORDER BY id") }
        let noticesBefore = try f.store().read { db in try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY id") }
        try f.makeIndexOfSchema(schema, emptyFullText: schema < 10)
        let store = try f.store()
        #expect(try store.schemaVersion() == IndexStore.currentSchema)
        let shape = try store.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'task_units'") ?? "",
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_insert'") ?? -1,
             try Set(String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('task_rows')")))
        }
        #expect(shape.0.contains("WITHOUT ROWID") && shape.1 == 0)
        #expect(!shape.2.contains("text") && shape.2.contains("text_spans"))
        #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM tasks ORDER BY id") } == tasksBefore)
        #expect(try store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM notices ORDER BY id") } == noticesBefore)
        try store.checkFullText()
        #expect(try queries.map { try Search(store: store).run($0).hits } == before)
        #expect(try units.map { try UnitDirectory(store: store).tasks(of: $0) } == deptBefore)
        #expect(try units.map { try UnitDirectory(store: store).tasks(of: $0, role: .support) } == rolesBefore)
        #expect(deptBefore.allSatisfy { !$0.hits.isEmpty } && before.allSatisfy { !$0.isEmpty })
        // A migrated notice changed: its rows (pieces the migration wrote) leave the full-text
        // indexes through the new triggers.
        let sample = try FileManager.default.contentsOfDirectory(atPath: f.corpus.path).sorted()[0]
        let samplePath = f.corpus.appendingPathComponent(sample)
        let original = try String(contentsOf: samplePath, encoding: .utf8)
        try (original + "\n").write(to: samplePath, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkFullText()
        // A later run writes full-text rows once each (a trigger left behind would write them twice)
        // and deletes a changed notice's old ones.
        let file = f.corpus.appendingPathComponent("900_extra.txt")
        try "关于印发测试要点的通知\n\n一、完善蓝鲸档案管理。（牵头单位：办公室）\n".write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkFullText()
        try "关于印发测试要点的通知\n\n一、完善白鹭档案管理。（牵头单位：办公室）\n".write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        try store.checkFullText()
        let found = try Search(store: store).run("白鹭档案")
        #expect(found.exactTotal == 1, "\(found.exactTotal) \(found.total) \(found.hits.map(\.id))")
        #expect(try Search(store: store).run("蓝鲸").total == 0)
    }

    /// Deleting a notice takes its tasks out of the full-text index even when nothing deleted
    /// them first (its own trigger does, while the notice's text is still there to read them from:
    /// a cascade could take the text first).
    @Test func aNoticeDeletedAloneTakesItsTasksOutOfTheFullTextIndex() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        let store = try f.store()
        try store.executeForTesting("DELETE FROM notice_rows WHERE id = (SELECT min(id) FROM notice_rows)")
        try store.checkFullText()
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM task_rows WHERE notice_id NOT IN (SELECT id FROM notice_rows)") } == 0)
    }

    /// A notice whose stored text is damaged cannot have its old rows' texts read back: changing
    /// it is refused as damage (the run changes nothing), not done with empty texts that would
    /// leave its postings in the full-text index.
    @Test func aDamagedStoredTextIsNamedNotPassedOver() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        let store = try f.store()
        let first = try FileManager.default.contentsOfDirectory(atPath: f.corpus.path).sorted()[0]
        try store.executeForTesting("UPDATE notice_texts SET deflated = x'00ff' WHERE notice_id = (SELECT id FROM notice_rows WHERE file = '\(first)')")
        let path = f.corpus.appendingPathComponent(first)
        try (try String(contentsOf: path, encoding: .utf8) + "\n").write(to: path, atomically: true, encoding: .utf8)
        do {
            try f.index()
            Issue.record("the run went on with texts it could not read")
        } catch let e as IndexError {
            guard case .damagedIndex = e else { Issue.record("\(e)"); return }
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notice_rows") } == 5)
    }

    /// A long-lived reader (the server's pool, whose connections keep the last notices' texts the
    /// views read) sees a notice re-indexed by another process since, under the same id (SQLite
    /// reuses the largest rowid once its row is gone), with its new text, not its old one.
    @Test func aReaderSeesANoticeReindexedUnderTheSameID() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let file = f.corpus.appendingPathComponent("900_extra.txt")
        try "关于印发测试要点的通知\n\n一、完善蓝鲸档案管理制度，加强档案数字化。（牵头单位：办公室）\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        let server = try IndexStore(path: f.indexPath, concurrentReads: true)
        let first = try Search(store: server).run("蓝鲸档案")
        let ours = { (r: SearchResult) in r.hits.filter { $0.doc == "900_extra.txt" } }
        #expect(ours(first).map(\.text) == ["完善蓝鲸档案管理制度，加强档案数字化。（牵头单位：办公室）"])
        let id = { try server.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM notices WHERE file = '900_extra.txt'") } }
        // The views read the texts through policydex_text, whose reader lives as long as the connection.
        let viewed = {
            try server.read { db in
                try String.fetchAll(db, sql: "SELECT t.text FROM tasks t JOIN notices n ON n.id = t.notice_id WHERE n.file = '900_extra.txt'")
            }
        }
        #expect(try viewed() == ["完善蓝鲸档案管理制度，加强档案数字化。（牵头单位：办公室）"])
        let before = try id()
        try "关于印发测试要点的通知\n\n一、健全白鹭档案保管规程，推进档案数字化。（牵头单位：医政科）\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try f.index()
        #expect(try id() == before)
        let second = try Search(store: server).run("档案数字化")
        #expect(ours(second).map(\.text) == ["健全白鹭档案保管规程，推进档案数字化。（牵头单位：医政科）"])
        #expect(ours(second).map(\.title) == ["健全白鹭档案保管规程，推进档案数字化"])
        #expect(try viewed() == ["健全白鹭档案保管规程，推进档案数字化。（牵头单位：医政科）"])
    }

    /// Re-extracting every notice leaves deletions in the full-text segments and free pages; the
    /// run merges and compacts, so an index rebuilt many times stays the size of a fresh one.
    @Test func rebuildingDoesNotGrowTheIndex() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: f.indexPath)[.size] as! Int }
        let fresh = try size()
        for _ in 0..<3 {
            let r = try Indexer.index(corpus: f.corpus.path, into: f.store(), rebuild: true)
            #expect(r.updated.count == 5)
        }
        let rebuilt = try size()
        #expect(rebuilt <= fresh + fresh / 10, "fresh \(fresh) bytes, after three rebuilds \(rebuilt)")
        // Source lines come from the notice's stored text, as extracted.
        let lookup = NoticeLookup(store: try f.store())
        guard case .task(let details) = try lookup.show("001_d90f0c075659fcf0#1") else { Issue.record("not a task"); return }
        let detail = try #require(details.first)
        #expect(!detail.source.isEmpty)
        let joined = detail.source.map(\.text).joined().filter { !$0.isWhitespace }
        #expect(joined.contains(String(detail.title.prefix(6))), "\(joined)")
    }

    /// A run reads only files whose stamp (size, times, inode) changed: a touched file is read
    /// and found unchanged; an edit that keeps the size and sets the modification time back is
    /// still seen (its change time moved).
    @Test func stampsSkipReadingUnchangedFiles() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        let file = f.corpus.appendingPathComponent("900_same_size.txt")
        let text = "关于印发测试方案的通知\n\n一、加强甲乙巡检工作。（牵头单位：安稳办）\n"
        try text.write(to: file, atomically: false, encoding: .utf8)
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
        #expect(try f.index().added.contains("900_same_size.txt"))
        #expect(try f.index().unchanged.count == 6)

        // Touched: read again, unchanged.
        let touchedAt = Date(timeIntervalSinceNow: -1800)
        try FileManager.default.setAttributes([.modificationDate: touchedAt], ofItemAtPath: file.path)
        let touched = try f.index()
        #expect(touched.unchanged.count == 6 && touched.updated.isEmpty)

        // Same size, same modification time, other words: still re-extracted.
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "甲乙", with: "丙丁").utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: touchedAt], ofItemAtPath: file.path)
        let edited = try f.index()
        #expect(edited.updated == ["900_same_size.txt"])
        let search = Search(store: try f.store())
        #expect(try search.run("丙丁巡检").total == 1)
        #expect(try search.run("甲乙巡检").exactTotal == 0)
    }

    @Test func badFilesAreSkippedWithReasons() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try Data().write(to: f.corpus.appendingPathComponent("empty.txt"))
        try Data([0xFF, 0xFE, 0x00, 0xD8, 0x00]).write(to: f.corpus.appendingPathComponent("junk.txt"))
        try Data("x".utf8).write(to: f.corpus.appendingPathComponent("image.png"))
        let r = try f.index()
        #expect(r.notices == 5)
        #expect(Set(r.skipped.map(\.file)) == ["empty.txt", "junk.txt", "image.png"])
        #expect(r.skipped.allSatisfy { $0.reason.hasPrefix($0.file) && !$0.reason.contains("\n") })
    }

    @Test func newerSchemaIsRefused() throws {
        let f = try IndexFixture()
        defer { f.remove() }
        try f.index()
        let store = try f.store()
        #expect(try store.schemaVersion() == IndexSchema.version)
        try store.executeForTesting("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        #expect(throws: IndexError.self) { _ = try IndexStore(path: f.indexPath) }
        do {
            _ = try IndexStore(path: f.indexPath)
        } catch let e as IndexError {
            #expect(e.description.contains("newer policydex"))
        }
    }

    @Test func missingIndexIsAClearError() throws {
        #expect(throws: IndexError.missingIndex(path: "/nonexistent/policydex.sqlite")) {
            _ = try IndexStore(path: "/nonexistent/policydex.sqlite")
        }
    }
}
