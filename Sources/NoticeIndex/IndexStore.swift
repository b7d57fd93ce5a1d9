import Foundation
import GRDB
import GRDBSQLite

/// An open `policydex.sqlite`: the policydex tokenizer registered on its connection, the schema
/// migrated to this binary's version (an index written by a newer binary is refused).
public final class IndexStore: Sendable {
    public static let fileName = "policydex.sqlite"

    public let path: String
    let queue: any DatabaseWriter

    /// The most of the index mapped into memory (address space, not resident memory).
    static let mmapSize = 4 << 30
    /// The WAL file's size after a checkpoint while a writer runs.
    static let walSizeLimit = 64 << 20

    /// Opens the index at `path`; `create` makes a new one (and its folder) when none exists,
    /// otherwise a missing index is an error. `concurrentReads` (the server) opens a pool whose
    /// readers run side by side and never wait for a writer, in this process or another (WAL).
    /// `readOnly` (the query commands): the index is only read, never migrated; an index of
    /// another schema version is refused with what to do.
    public init(path: String, create: Bool = false, concurrentReads: Bool = false, readOnly: Bool = false) throws {
        self.path = path
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard create else { throw IndexError.missingIndex(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        // WAL: a writer's spilled pages never touch the database file before commit, and a
        // killed run's uncommitted frames are ignored by the next reader.
        config.journalMode = .wal
        // Another process committing (index, import) holds the write lock only briefly.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            Self.addExtensions(db)
            // Persistent WAL: the -wal and -shm files outlive a writer, so a query command can
            // open the index read-only (SQLite's read-only mode needs them), and then never
            // writes, never checkpoints when it closes, and works in a folder it cannot write.
            if !db.configuration.readonly {
                var persist: CInt = 1
                _ = withUnsafeMutablePointer(to: &persist) { sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0) }
                // A kept WAL is truncated to nothing when the writer closes (any limit ≥ 0 asks
                // for that); otherwise it keeps every page of the last run, and each reader pays.
                try db.execute(sql: "PRAGMA journal_size_limit = \(Self.walSizeLimit)")
            }
            try db.execute(sql: "PRAGMA cache_size = -\(concurrentReads ? 8192 : 32768)")
            // The server's readers map the file: a long-lived process reads pages straight from
            // the OS cache. A one-shot command does not: mapping and unmapping every page it
            // touches cost more than reading them (10,000 notices: search median 39 → 35 ms).
            if concurrentReads { try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapSize)") }
        }
        if concurrentReads { config.maximumReaderCount = 8 }
        // A query command reads through SQLite's read-only mode when it can (it writes nothing, so
        // no probe is needed); otherwise the file is probed before a connection may write to it.
        let reader = readOnly ? try? Self.openReadOnly(path, config) : nil
        if reader == nil, fm.fileExists(atPath: path) { try Self.checkIsIndex(path) }
        do {
            if let reader {
                queue = reader
            } else {
                queue = concurrentReads ? try DatabasePool(path: path, configuration: config)
                                        : try DatabaseQueue(path: path, configuration: config)
            }
        } catch {
            throw IndexError.unreadableIndex(path: path, reason: Self.reason(error))
        }
        let migrator = IndexSchema.migrator
        do {
            let (found, superseded, foreign) = try queue.read { db in
                (try IndexSchema.recordedVersion(db), try migrator.hasBeenSuperseded(db),
                 // Tables of its own and no policydex meta table: someone else's database.
                 try !db.tableExists("meta") && (Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0) > 0)
            }
            if foreign { throw IndexError.foreignDatabase(path: path) }
            if found > IndexSchema.version || superseded {
                throw IndexError.newerSchema(path: path, found: max(found, IndexSchema.version + 1), supported: IndexSchema.version)
            }
            if readOnly || concurrentReads {
                if found < IndexSchema.version { throw IndexError.olderSchema(path: path, found: found, supported: IndexSchema.version) }
            } else {
                try migrator.migrate(queue)
                if found > 0, found < IndexSchema.compactedAfterMigrationTo {
                    // Best effort: the migration has committed, and an index that could not be
                    // compacted (VACUUM needs as much free disk again) is still a good index.
                    try? compact()
                }
            }
        } catch let e as IndexError {
            throw e
        } catch {
            throw IndexError.unreadableIndex(path: path, reason: Self.reason(error))
        }
    }

    /// A read-only connection (SQLITE_OPEN_READONLY), when the index's WAL files are there to
    /// allow one; nil otherwise (the caller opens it as before, which leaves them for next time).
    static func openReadOnly(_ path: String, _ base: Configuration) throws -> DatabaseQueue? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path + "-wal"), fm.fileExists(atPath: path + "-shm") else { return nil }
        var config = base
        config.readonly = true
        config.journalMode = .default
        let queue = try DatabaseQueue(path: path, configuration: config)
        // Opening is lazy about the WAL index: a first read proves it usable.
        _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        return queue
    }

    /// Refuses, before anything is written (WAL mode rewrites the header), a file that is not
    /// SQLite or is someone else's SQLite database.
    static func checkIsIndex(_ path: String) throws {
        // Not SQLite's read-only mode: a read-only connection cannot open a WAL index whose -shm is
        // gone (after a clean close) and answers "database is locked". Only reads are issued.
        var config = Configuration()
        config.busyMode = .timeout(10)
        let foreign: Bool
        do {
            let probe = try DatabaseQueue(path: path, configuration: config)
            foreign = try probe.read { db in
                try !db.tableExists("meta") && (Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0) > 0
            }
            try probe.close()
        } catch {
            throw IndexError.unreadableIndex(path: path, reason: reason(error))
        }
        if foreign { throw IndexError.foreignDatabase(path: path) }
    }

    /// The index path inside an index folder.
    public static func path(inFolder folder: String) -> String {
        (folder as NSString).appendingPathComponent(fileName)
    }

    static func reason(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// The tokenizer and SQL functions every connection to an index needs.
    static func addExtensions(_ db: Database) {
        db.add(tokenizer: PolicyTokenizer.self)
        db.add(function: StoredTextReader.function(for: db))
        TaskRank.register(db)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try namingDamage { try queue.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try namingDamage { try queue.write(body) }
    }

    /// Damage met once the index opened (a page, full-text postings that do not match their rows)
    /// is named, with what to do; the transaction has rolled back.
    private func namingDamage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode) {
            throw IndexError.damagedIndex(path: path, reason: Self.reason(e))
        }
    }

    /// Merges each full-text index into one segment, then rewrites the file (after a migration,
    /// or a run that changed much). A changed notice's old postings stay in their segments as
    /// deletions until a merge (re-extracting every notice left the task index 2.5 times its
    /// size), and SQLite reuses free pages but never gives them back.
    func compact() throws {
        try queue.write { db in
            for table in FullTextMerging.tables { try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('optimize')") }
        }
        try queue.vacuum()
    }
}

extension IndexStore {
    /// A number that changes whenever an `index` or `import` run commits: answers computed at
    /// one generation stay right until it changes.
    public func generation() throws -> Int {
        try read { db in
            Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") ?? "0") ?? 0
        }
    }
}

extension IndexStore {
    /// Every task's id and text (for tests and brute-force checks).
    func taskTexts() throws -> [(id: String, text: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT task_id, text FROM tasks ORDER BY id").map { ($0[0], $0[1]) }
        }
    }
}

extension IndexStore {
    /// Task ids the FTS5 index alone returns for a MATCH expression (tests: the tokenizer's own exactness).
    func ftsTaskIDs(match: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT t.task_id FROM tasks_fts JOIN tasks t ON t.id = tasks_fts.rowid WHERE tasks_fts MATCH ?
                """, arguments: [match])
        }
    }

    /// The schema version recorded in the index.
    func schemaVersion() throws -> Int { try read { try IndexSchema.recordedVersion($0) } }

    /// The index schema this build writes and reads (`policydex --version` says it).
    public static var currentSchema: Int { IndexSchema.version }

    /// Raw SQL for tests (e.g. to simulate an index written by a newer binary).
    func executeForTesting(_ sql: String) throws { try write { try $0.execute(sql: sql) } }
}

extension IndexStore {
    /// How many tasks the index holds, and how many hold each of `terms` (tokens of the policydex
    /// tokenizer), from FTS5's own vocabulary: the background a diff weighs its words by.
    public func documentFrequencies(of terms: [String]) throws -> (documents: Int, frequencies: [String: Int]) {
        // A temp table of the connection's own: the writer connection (a pool's readers are read-only).
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.tasks_vocab USING fts5vocab(main, 'tasks_fts', 'row')")
            let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0
            var frequencies: [String: Int] = [:]
            let unique = Array(Set(terms))
            for chunk in IDList.chunks(unique) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT term, doc FROM temp.tasks_vocab WHERE term IN \(IDList.marks(chunk.count))
                    """, arguments: StatementArguments(Array(chunk)))
                for r in rows { frequencies[r["term"]] = r["doc"] }
            }
            return (documents, frequencies)
        }
    }
}
