import GRDB

/// FTS5's merge settings for a run that writes every notice anew. By default each flush of
/// pending terms (1 MB) may merge segments (automerge 4, crisismerge 16), and rows written in bulk
/// are merged several times over before the run's compaction merges them all once more.
enum FullTextMerging {
    static let tables = ["tasks_fts", "notices_fts"]
    /// Larger flushes, no merging until the compaction's 'optimize' (FTS5 allows 2,000 segments on a level).
    static let bulk: [(String, Int)] = [("automerge", 0), ("crisismerge", 1_000), ("hashsize", 16 << 20)]
    /// FTS5's defaults, set back before the run commits (written as values: an incremental run
    /// then merges as FTS5 would by default).
    static let usual: [(String, Int)] = [("automerge", 4), ("crisismerge", 16), ("hashsize", 1 << 20)]

    static func `defer`(_ db: Database) throws { try set(bulk, db) }
    static func restore(_ db: Database) throws { try set(usual, db) }

    private static func set(_ settings: [(String, Int)], _ db: Database) throws {
        for table in tables {
            for (name, value) in settings {
                try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES (?, ?)", arguments: [name, value])
            }
        }
    }
}
