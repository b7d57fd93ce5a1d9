import Foundation
import NoticeExtract
import NoticeIndex
import NoticeModel

/// Finds the notice a command-line argument names: a path to a notice file (extracted directly,
/// imported or not), a notice in the index (file name, relative path or stem), or a file of the
/// corpus folder (extracted when there is no index yet).
enum NoticeSource {
    static func notice(_ ref: String, options: CorpusOptions) throws -> Notice {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: ref, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw UserError("\(ref): is a folder, not a notice file") }
            return try CatalogBuilder.notice(atPath: ref, relativePath: (ref as NSString).lastPathComponent)
        }
        var indexError: Error?
        if fm.fileExists(atPath: options.databasePath) {
            do {
                return try NoticeLookup(store: options.openStore()).notice(ref)
            } catch {
                indexError = error
            }
        }
        let inCorpus = (options.corpus as NSString).appendingPathComponent(ref)
        if fm.fileExists(atPath: inCorpus) {
            return try CatalogBuilder.notice(atPath: inCorpus, relativePath: ref)
        }
        if let indexError { throw indexError }
        throw UserError("\(ref): no such file, and no notice of that name in \(options.corpus)/")
    }
}
