import Foundation
import NoticeDecode
import NoticeExtract
import NoticeModel

/// What reading one corpus file gave: nothing to do, a reason to skip it, or its catalog entry.
enum FileOutcome: Sendable {
    case unchanged
    /// `dropOld`: the file's previous rows go too (it is no longer a readable notice).
    case skipped(reason: String, dropOld: Bool)
    case extracted(Notice, hash: String, text: String, warnings: [String])

    /// Reads, hashes, decodes and extracts `files` concurrently; results in the files' order.
    static func prepare(_ files: [String], corpus: String, known: [String: (id: Int64, hash: String)],
                        rebuild: Bool) -> [FileOutcome] {
        let results = OutcomeBuffer(count: files.count)
        let hashes = known.mapValues(\.hash)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, outcome(of: files[i], corpus: corpus, knownHash: hashes[files[i]], rebuild: rebuild))
        }
        return results.values
    }

    static func outcome(of rel: String, corpus: String, knownHash: String?, rebuild: Bool) -> FileOutcome {
        let ext = (rel as NSString).pathExtension.lowercased()
        guard NoticeFiles.supportedExtensions.contains(ext) || ext.isEmpty else {
            return .skipped(reason: "\(rel): not a notice format (.\(ext))", dropOld: true)
        }
        let full = (corpus as NSString).appendingPathComponent(rel)
        // Not even read when it is too large to be a notice (its bytes would be hashed and held).
        if let size = (try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int, size > NoticeDecoder.maxBytes {
            return .skipped(reason: DecodeError.tooLarge(path: rel, bytes: size, limit: NoticeDecoder.maxBytes).description, dropOld: true)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: full))
        } catch {
            return .skipped(reason: "\(rel): cannot read: \(error.localizedDescription)", dropOld: false)
        }
        // The extractor's version is part of the hash: a new extractor re-reads every file.
        let hash = ContentHash.of(data) + "/x" + CatalogBuilder.version
        if knownHash == hash, !rebuild { return .unchanged }
        do {
            let decoded = try NoticeDecoder.decode(data: data, fileName: rel)
            return .extracted(CatalogBuilder.notice(decoded: decoded, relativePath: rel), hash: hash, text: decoded.text,
                              warnings: decoded.warnings)
        } catch let e as DecodeError {
            // A failure of the machine (pdftotext missing or failing, a full temp folder) says
            // nothing about the file: its rows stay, as for a file that cannot be read.
            switch e {
            case .missingTool, .toolFailed, .unreadable: return .skipped(reason: e.description, dropOld: false)
            default: return .skipped(reason: e.description, dropOld: true)
            }
        } catch {
            return .skipped(reason: "\(rel): \(error)", dropOld: true)
        }
    }
}

/// Slots filled from concurrent workers, one slot per worker.
private final class OutcomeBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FileOutcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: FileOutcome) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [FileOutcome] { slots.map { $0 ?? .skipped(reason: "internal error: not processed", dropOld: false) } }
}
