import Foundation
@testable import NoticeIndex

/// A temporary copy of the sample corpus and an index built from it.
struct IndexFixture {
    let root: URL
    var corpus: URL { root.appendingPathComponent("corpus") }
    var indexPath: String { root.appendingPathComponent("index/policydex.sqlite").path }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("corpus"), to: corpus)
    }

    func store() throws -> IndexStore { try IndexStore(path: indexPath, create: true) }

    @discardableResult
    func index() throws -> IndexReport {
        try Indexer.index(corpus: corpus.path, into: store())
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

nonisolated(unsafe) private var sharedIndexRoot: String?

/// One fixture indexed once for the read-only tests of a suite.
final class SharedIndex: @unchecked Sendable {
    static let shared = SharedIndex()
    let fixture: IndexFixture
    let store: IndexStore

    private init() {
        fixture = try! IndexFixture()
        try! fixture.index()
        store = try! fixture.store()
        // Shared by every suite until the process ends: removed then, so `make test` leaves no folder behind.
        sharedIndexRoot = fixture.root.path
        atexit {
            if let root = sharedIndexRoot { try? FileManager.default.removeItem(atPath: root) }
        }
    }
}

extension IndexStore {
    /// FTS5's own check that both full-text indexes hold exactly their rows' tokens (throws if not).
    func checkFullText() throws {
        try executeForTesting("""
            INSERT INTO tasks_fts(tasks_fts) VALUES ('integrity-check');
            INSERT INTO notices_fts(notices_fts) VALUES ('integrity-check');
            """)
    }
}
