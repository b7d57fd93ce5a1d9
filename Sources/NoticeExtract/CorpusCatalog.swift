import Foundation
import NoticeDecode
import NoticeModel

/// The catalog of every notice file in a corpus folder; files that cannot be read are skipped
/// with their reason, and the run goes on.
public struct CorpusCatalog: Sendable {
    public struct Skipped: Sendable, Hashable {
        public var file: String
        public var reason: String
    }

    public var catalog: Catalog
    public var skipped: [Skipped]

    public static func build(corpus folder: String, progress: ((Int, Int, String) -> Void)? = nil) throws -> CorpusCatalog {
        let files = try NoticeFiles.list(in: folder)
        var docs: [Notice] = []
        var skipped: [Skipped] = []
        for (i, rel) in files.enumerated() {
            progress?(i + 1, files.count, rel)
            let ext = (rel as NSString).pathExtension.lowercased()
            guard NoticeFiles.supportedExtensions.contains(ext) || ext.isEmpty else {
                skipped.append(Skipped(file: rel, reason: "\(rel): not a notice format (.\(ext))"))
                continue
            }
            do {
                docs.append(try CatalogBuilder.notice(atPath: (folder as NSString).appendingPathComponent(rel), relativePath: rel))
            } catch let e as DecodeError {
                skipped.append(Skipped(file: rel, reason: e.description))
            } catch {
                skipped.append(Skipped(file: rel, reason: "\(rel): \(error)"))
            }
        }
        return CorpusCatalog(catalog: Catalog(documents: docs), skipped: skipped)
    }
}
