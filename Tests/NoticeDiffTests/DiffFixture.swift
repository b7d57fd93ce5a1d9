import Foundation
import NoticeExtract
import NoticeModel
@testable import NoticeDiff

/// Loads the diff fixtures (Tests/Fixtures/diff) and the sample corpus, and reads reports by path.
enum DiffFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    static func notice(_ name: String) throws -> Notice {
        try CatalogBuilder.notice(atPath: root.appendingPathComponent("Tests/Fixtures/diff/\(name)").path, relativePath: name)
    }

    static func sample(_ name: String) throws -> Notice {
        try CatalogBuilder.notice(atPath: root.appendingPathComponent("corpus/\(name)").path, relativePath: name)
    }

    static func key(_ path: [String]) -> String { path.joined(separator: "/") }
}

extension NoticeDiffReport {
    /// "old path → new path" of every listed pair, with its change labels.
    var pairsByPath: [String: [ChangeKind]] {
        Dictionary(uniqueKeysWithValues: pairs.map { (DiffFixture.key($0.old.path) + " → " + DiffFixture.key($0.new.path), $0.changes) })
    }

    func pair(old: String) -> TaskPair? { pairs.first { DiffFixture.key($0.old.path) == old } }
}
