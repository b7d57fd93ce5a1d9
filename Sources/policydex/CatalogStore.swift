import Foundation
import NoticeExtract
import NoticeModel

/// The catalog file under index/ (written atomically: a crash leaves the previous one).
enum CatalogStore {
    static func path(in index: String) -> String { (index as NSString).appendingPathComponent("catalog.json") }

    static func save(_ catalog: Catalog, in index: String) throws {
        try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        let data = try CatalogWriter.write(catalog, as: .json)
        try data.write(to: URL(fileURLWithPath: path(in: index)), options: .atomic)
    }

    static func load(from index: String) throws -> Catalog? {
        let p = path(in: index)
        guard FileManager.default.fileExists(atPath: p) else { return nil }
        return try JSONDecoder().decode(Catalog.self, from: Data(contentsOf: URL(fileURLWithPath: p)))
    }
}
