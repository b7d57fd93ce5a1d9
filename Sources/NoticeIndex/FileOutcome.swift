import Foundation
import NoticeDecode
import NoticeExtract
import NoticeModel

/// What reading one corpus file gave: nothing to do, a reason to skip it, or its catalog entry.
enum FileOutcome: Sendable {
    case unchanged
    /// `dropOld`: the file's previous rows go too (it is no longer a readable notice).
    case skipped(reason: String, dropOld: Bool)
    /// `deflatedText`: the decoded text, deflated on the worker (`StoredText`).
    case extracted(Notice, hash: String, deflatedText: Data, warnings: [String])

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
            return .extracted(CatalogBuilder.notice(decoded: decoded, relativePath: rel), hash: hash,
                              deflatedText: try StoredText.deflate(decoded.text),
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

/// Reads, hashes, decodes and extracts files on background workers while the caller takes the
/// outcomes in file order (and writes them): extraction is most of the work, and with fixed
/// batches every batch waited for its slowest file with a core idle. At most `window` outcomes
/// are held ahead of the caller, so memory stays bounded however large the corpus.
final class OutcomePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [FileOutcome?]
    private var next = 0        // the next file a worker takes
    private var taken = 0       // files the caller has taken
    private var stopped = false
    private let window: Int

    init(_ files: [String], corpus: String, known: [String: (id: Int64, hash: String)], rebuild: Bool,
         workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        slots = Array(repeating: nil, count: files.count)
        window = 8 * max(1, workers)
        let hashes = known.mapValues(\.hash)
        for _ in 0..<max(1, workers) {
            let worker = Thread { [self] in
                while let i = claim() {
                    let outcome = FileOutcome.outcome(of: files[i], corpus: corpus, knownHash: hashes[files[i]], rebuild: rebuild)
                    condition.lock()
                    slots[i] = outcome
                    condition.broadcast()
                    condition.unlock()
                }
            }
            worker.stackSize = 8 << 20   // deep outlines recurse; as much as the main thread has
            worker.start()
        }
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < slots.count, next - taken >= window { condition.wait() }
        guard !stopped, next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    /// The outcome of file `i`, waiting for it; files are taken in order.
    func take(_ i: Int) -> FileOutcome {
        condition.lock()
        defer { condition.unlock() }
        while slots[i] == nil { condition.wait() }
        let outcome = slots[i]!
        slots[i] = nil
        taken = i + 1
        condition.broadcast()
        return outcome
    }

    /// Stops workers taking new files (the caller gave up: the run failed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
