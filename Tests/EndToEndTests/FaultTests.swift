import Foundation
import Testing

/// Faults found by trying to break policydex, each kept from coming back.
@Suite struct FaultTests {
    static func write(_ text: String, _ path: URL) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: path, atomically: true, encoding: .utf8)
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A corpus/ that is a symlink was read as empty and the index emptied ("5 removed").
    @Test func aSymlinkedCorpusIsReadThroughTheLink() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: CLIHarness.repository.appendingPathComponent("corpus"), to: dir.appendingPathComponent("real"))
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("corpus"), withDestinationURL: dir.appendingPathComponent("real"))
        let first = try CLIHarness.run(["index"], in: work)
        #expect(first.status == 0 && first.stdout.contains("indexed 5 notices"), "\(first.stdout)")
        let again = try CLIHarness.run(["index"], in: work)
        #expect(!again.stdout.contains("removed"), "\(again.stdout)")
        #expect(try CLIHarness.run(["search", "反恐防暴"], in: work).status == 0)
    }

    /// Ids came from the name before its first dot: 2024.03.txt and 2024.04.txt shared "2024#1".
    @Test func fileNamesWithDotsGiveDistinctTaskIDs() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, word) in [("2024.03.txt", "鹈鹕"), ("2024.04.txt", "鸬鹚")] {
            try Self.write("关于印发2024年工作要点的通知\n\n一、开展\(word)专项整治。（牵头单位：安稳办）\n", dir.appendingPathComponent("corpus/\(name)"))
        }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let a = try CLIHarness.run(["show", "2024.03#1"], in: dir), b = try CLIHarness.run(["show", "2024.04#1"], in: dir)
        #expect(a.status == 0 && a.stdout.contains("鹈鹕") && !a.stdout.contains("鸬鹚"), "\(a.stdout)\(a.stderr)")
        #expect(b.status == 0 && b.stdout.contains("鸬鹚"), "\(b.stdout)\(b.stderr)")
    }

    /// Escape sequences inside a notice reached the terminal through search, who and show (and outline).
    @Test func controlCharactersInANoticeNeverReachTheTerminal() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write("关于印发工作要点的通知\n\n一、开展鹈鹕\u{1B}]0;pwned\u{07}专项整治\u{1B}[2J行动。（牵头单位：安稳办）\n",
                       dir.appendingPathComponent("corpus/esc.txt"))
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        for args in [["search", "鹈鹕"], ["who", "鹈鹕"], ["show", "esc#1"], ["show", "esc.txt"], ["export", "--format", "csv"],
                     ["outline", "corpus/esc.txt"]] {
            let r = try CLIHarness.run(args, in: dir)
            #expect(r.status == 0, "\(args)")
            #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}"), "\(args)")
        }
    }

    /// Output is buffered: a write that fails (a full disk) must still fail the command, with a
    /// message, not end as a truncated file and status 0.
    @Test func aFullDiskOnStandardOutputFailsTheCommand() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        for args in [["export", "--format", "csv"], ["search", "信访", "--limit", "100"]] {
            let r = try CLIHarness.run(args, in: dir, standardOutput: full)
            #expect(r.status == 2 && r.stderr.contains("cannot write to standard output"), "\(args): \(r.status) \(r.stderr)")
        }
    }

    /// A misspelled option (--limt 3) silently became query words; --limit -1 said "Missing value".
    @Test func misspelledOptionsAndNegativeLimitsSayWhatIsWrong() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let typo = try CLIHarness.run(["search", "信访", "--limt", "3"], in: dir)
        #expect(typo.status == 2 && typo.stderr.contains("unknown option '--limt'"), "\(typo.stderr)")
        for command in [["who", "信访"], ["dept", "安稳办"]] {
            let negative = try CLIHarness.run(command + ["--limit", "-1"], in: dir)
            #expect(negative.status == 2 && negative.stderr.contains("--limit must be between 1"), "\(command): \(negative.stderr)")
        }
        // An exclusion is still an exclusion.
        #expect(try CLIHarness.run(["search", "信访", "-维稳"], in: dir).status == 0)
        // The schema it names is the one the index it wrote records (user_version, bytes 60-63 of
        // the file's header): it was a literal, three schemas behind.
        let version = try CLIHarness.run(["--version"], in: dir).stdout
        #expect(version.hasPrefix("policydex "))
        let named = Int(version.split(separator: " ").last?.filter(\.isNumber) ?? "")
        let header = try FileHandle(forReadingFrom: dir.appendingPathComponent("index/policydex.sqlite")).read(upToCount: 100) ?? Data()
        let recorded = header.count >= 64 ? header[60..<64].reduce(0) { $0 << 8 | Int($1) } : -1
        #expect(named == recorded && recorded > 0, "\(version) vs user_version \(recorded)")
    }

    /// A query command reads through SQLite's read-only mode: the index file is not touched (no
    /// checkpoint or truncation when it closes), and the WAL files a writer leaves stay for the next.
    @Test func queryCommandsLeaveTheIndexFileUntouched() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let db = dir.appendingPathComponent("index/policydex.sqlite").path
        let fm = FileManager.default
        #expect(fm.fileExists(atPath: db + "-wal") && fm.fileExists(atPath: db + "-shm"), "a writer keeps its WAL files")
        // ...emptied: a WAL still holding the whole run would be read through by every query.
        #expect((try fm.attributesOfItem(atPath: db + "-wal")[.size] as? Int) == 0)
        func stamp() throws -> [String] {
            let a = try fm.attributesOfItem(atPath: db)
            return ["\(a[.size] ?? 0)", "\((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"]
        }
        let before = try stamp()
        for args in [["search", "信访"], ["who", "反恐防暴"], ["dept", "安稳办"], ["show", "000"], ["depts"]] {
            #expect(try CLIHarness.run(args, in: dir).status == 0, "\(args)")
        }
        #expect(try stamp() == before)
        #expect(fm.fileExists(atPath: db + "-wal") && fm.fileExists(atPath: db + "-shm"))
    }

    /// `show -x.txt` (a file whose name begins with '-') printed help and exited 0; now it says
    /// how to write the name, and ./-x.txt and -- -x.txt both find the notice.
    @Test func aFileNameBeginningWithADashIsExplained() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "一、任务\n（一）做好反诈宣传。（牵头单位：办公室）\n".write(to: dir.appendingPathComponent("corpus/-x.txt"), atomically: true, encoding: .utf8)
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let r = try CLIHarness.run(["show", "-x.txt"], in: dir)
        #expect(r.status == 2 && r.stderr.contains("write ./-x.txt or -- -x.txt"), "\(r.stderr)")
        for ref in [["./-x.txt"], ["--", "-x.txt"]] {
            let shown = try CLIHarness.run(["show"] + ref, in: dir)
            #expect(shown.status == 0 && shown.stdout.contains("做好反诈宣传"), "\(ref): \(shown.stderr)")
        }
    }

    /// Run from a folder without corpus/: said nothing useful and created index/.
    @Test func noCorpusFolderIsSaidAndNothingIsCreated() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIHarness.run(["index"], in: dir)
        #expect(r.status == 2 && r.stderr.contains("corpus: no such folder"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let q = try CLIHarness.run(["search", "信访"], in: dir)
        #expect(q.status == 2 && q.stderr.contains("no index yet"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A foreign SQLite file in index/ got policydex's tables written into it; a damaged one gave
    /// an opaque error. Both are named; only `index --rebuild` replaces them.
    @Test func foreignAndDamagedIndexesAreNamedAndReplacedOnlyByRebuild() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let index = dir.appendingPathComponent("index/policydex.sqlite")
        try FileManager.default.createDirectory(at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table accounts(x)'); c.commit()", index.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: index)
        for args in [["search", "信访"], ["index"]] {
            let r = try CLIHarness.run(args, in: dir)
            #expect(r.status == 2 && r.stderr.contains("not a policydex index"), "\(args): \(r.stderr)")
        }
        #expect(try Data(contentsOf: index) == before, "a foreign database is left untouched")
        let rebuilt = try CLIHarness.run(["index", "--rebuild"], in: dir)
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("indexed 5 notices"), "\(rebuilt.stderr)")

        try Data("this is not a database, just some bytes".utf8).write(to: index)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
        let damaged = try CLIHarness.run(["who", "信访"], in: dir)
        #expect(damaged.status == 2 && damaged.stderr.contains("index --rebuild") && damaged.stderr.split(separator: "\n").count == 1, "\(damaged.stderr)")
        #expect(try CLIHarness.run(["index", "--rebuild"], in: dir).status == 0)
        #expect(try CLIHarness.run(["who", "反恐防暴"], in: dir).status == 0)
    }

    /// Damage that opening cannot see (the full-text postings' pages overwritten) is found once a
    /// run writes: the run says so in one line and changes nothing, and `index --rebuild`
    /// replaces the file, as it does one that cannot be opened.
    @Test func damageFoundWhileWritingIsNamedAndReplacedByRebuild() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let index = dir.appendingPathComponent("index/policydex.sqlite")
        let damage = Process()
        damage.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        damage.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); size = c.execute('pragma page_size').fetchone()[0]
            pages = [p for (p,) in c.execute("select pageno from dbstat where name = 'tasks_fts_data'")]; c.close()
            with open(sys.argv[1], 'r+b') as f:
                for p in pages: f.seek((p - 1) * size); f.write(bytes([0x5A]) * size)
            """, index.path]
        try damage.run()
        damage.waitUntilExit()
        func files() throws -> String {
            let list = Process(), out = Pipe()
            list.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            list.arguments = ["python3", "-c", "import sqlite3,sys; print(sorted(f for (f,) in sqlite3.connect(sys.argv[1]).execute('select file from notice_rows')))", index.path]
            list.standardOutput = out
            try list.run()
            list.waitUntilExit()
            return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        let before = try files()
        #expect(before.contains("000_") && !before.contains("900_extra"))
        let file = dir.appendingPathComponent("corpus/900_extra.txt")
        try "关于印发测试要点的通知\n\n一、完善蓝鲸档案管理。（牵头单位：办公室）\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIHarness.run(["index"], in: dir)
        #expect(r.status == 2 && r.stderr.contains("the index is damaged") && r.stderr.contains("index --rebuild")
                && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(try files() == before, "the failed run changed nothing")
        let query = try CLIHarness.run(["search", "信访"], in: dir)
        #expect(query.status == 2 && query.stderr.contains("the index is damaged") && query.stderr.split(separator: "\n").count == 1,
                "\(query.stderr)")
        let rebuilt = try CLIHarness.run(["index", "--rebuild"], in: dir)
        #expect(rebuilt.status == 0 && rebuilt.stderr.contains("replacing") && rebuilt.stdout.contains("indexed 6 notices"),
                "\(rebuilt.stderr)")
        let found = try CLIHarness.run(["who", "蓝鲸档案"], in: dir)
        #expect(found.status == 0 && found.stdout.contains("办公室"), "\(found.stdout)")
    }

    /// Query commands only read the index: they never migrate it, and they open it even when a
    /// clean close has removed its -wal and -shm files (SQLite's read-only mode cannot).
    @Test func queryCommandsReadACleanlyClosedIndex() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let index = dir.appendingPathComponent("index/policydex.sqlite").path
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
        for args in [["search", "信访"], ["who", "反恐防暴"], ["dept", "安稳办"], ["show", "000"], ["diff", "000", "001"]] {
            let r = try CLIHarness.run(args, in: dir)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
    }

    /// `index` said 53 units where `depts` listed 52 (委安稳办 counted apart from 安稳办).
    @Test func indexCountsUnitsAsDeptsListsThem() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try CLIHarness.run(["index"], in: dir).stdout
        let units = try JSONSerialization.jsonObject(with: CLIHarness.run(["depts", "--json"], in: dir).stdoutData) as? [Any]
        #expect(summary.contains(" \(units?.count ?? -1) units"), "\(summary)")
    }

    /// A 200 MB file ran for more than ten minutes; now anything above 50 MB is skipped unread,
    /// with one line, and the rest of the corpus is indexed.
    @Test func aFileTooLargeToBeANoticeIsSkippedUnread() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("corpus/huge.txt")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 60 << 20)   // sparse: no 60 MB written
        try handle.close()
        let r = try CLIHarness.run(["index"], in: dir)
        #expect(r.status == 0 && r.stdout.contains("indexed 5 notices"), "\(r.stdout)")
        #expect(r.stdout.contains("huge.txt: too large for a notice (60 MB; at most 50 MB)"), "\(r.stdout)")
        let diff = try CLIHarness.run(["diff", "corpus/000_e2eba855e6b0ece5.txt", huge.path], in: dir)
        #expect(diff.status == 2 && diff.stderr.contains("too large"), "\(diff.stderr)")
    }

    /// `import .x.txt` said "imported" and indexed nothing.
    @Test func hiddenFilesAreNotImportedSilently() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(".hidden.txt")
        try Self.write("关于印发工作要点的通知\n\n一、开展鹈鹕专项整治。（牵头单位：安稳办）\n", file)
        let r = try CLIHarness.run(["import", file.path], in: dir)
        #expect(r.status == 2 && r.stderr.contains("hidden file"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("corpus/.hidden.txt").path))
    }

    /// Two index runs, an import and searches at once: "database is locked" was a failure; now
    /// a second writer waits its turn and readers never wait.
    @Test func concurrentWritersWaitAndReadersNeverFail() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let incoming = dir.appendingPathComponent("incoming/late.txt")
        try Self.write("关于印发工作要点的通知\n\n一、开展鹈鹕专项整治。（牵头单位：安稳办）\n", incoming)
        let jobs: [[String]] = [["index", "--rebuild"], ["index", "--rebuild"], ["import", incoming.path]]
            + Array(repeating: ["search", "信访", "--limit", "1"], count: 6)
        let statuses = LockedStatuses()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let r = try? CLIHarness.run(jobs[i], in: dir)
            statuses.set(i, r.map { ($0.status, $0.stderr) } ?? (-1, "did not run"))
        }
        for (i, job) in jobs.enumerated() {
            let (status, stderr) = statuses.get(i)
            #expect(status == 0, "\(job): \(stderr)")
            #expect(!stderr.contains("locked"), "\(job): \(stderr)")
        }
        #expect(try CLIHarness.run(["search", "鹈鹕"], in: dir).status == 0)
    }
}

final class LockedStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: (Int32, String)] = [:]
    func set(_ i: Int, _ v: (Int32, String)) { lock.withLock { values[i] = v } }
    func get(_ i: Int) -> (Int32, String) { lock.withLock { values[i] ?? (-1, "missing") } }
}
