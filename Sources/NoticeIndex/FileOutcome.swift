import Foundation
import NoticeDecode
import NoticeExtract
import NoticeModel

/// What reading one corpus file gave: nothing to do, a reason to skip it, or its catalog entry.
enum FileOutcome: Sendable {
    /// `stamp`: the file's new stamp when its bytes were read and found unchanged (a touched
    /// file), to be stored; nil when its stamp already matched.
    case unchanged(stamp: String?)
    /// `dropOld`: the file's previous rows go too (it is no longer a readable notice).
    case skipped(reason: String, dropOld: Bool)
    /// `texts`: the decoded text deflated and the rows' texts as pieces of it, made on the worker.
    case extracted(Notice, hash: String, stamp: String, texts: StoredTexts, warnings: [String])

    /// The content hash of a file read now ends with this (a new extractor re-reads every file).
    static var hashSuffix: String { "/x" + CatalogBuilder.version }

    static func outcome(of rel: String, corpus: String, known: Known?, rebuild: Bool, startedAt: Date) -> FileOutcome {
        let ext = (rel as NSString).pathExtension.lowercased()
        guard NoticeFiles.supportedExtensions.contains(ext) || ext.isEmpty else {
            return .skipped(reason: "\(rel): not a notice format (.\(ext))", dropOld: true)
        }
        let full = (corpus as NSString).appendingPathComponent(rel)
        let stamp = FileStamp(path: full)
        // Same size, times and inode as when it was read, by this extractor: not read again.
        if !rebuild, let known, let stamp, stamp.text == known.stamp, known.hash.hasSuffix(hashSuffix) { return .unchanged(stamp: nil) }
        // Not even read when it is too large to be a notice (its bytes would be hashed and held).
        if let size = stamp?.size, size > NoticeDecoder.maxBytes {
            return .skipped(reason: DecodeError.tooLarge(path: rel, bytes: size, limit: NoticeDecoder.maxBytes).description, dropOld: true)
        }
        // A file changed in the last two seconds may change again within its clock tick unseen:
        // its stamp is not kept, so the next run reads it again.
        let keptStamp = stamp.map { $0.isRecent(before: startedAt) ? "" : $0.text } ?? ""
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: full))
        } catch {
            return .skipped(reason: "\(rel): cannot read: \(error.localizedDescription)", dropOld: false)
        }
        // The extractor's version is part of the hash: a new extractor re-reads every file.
        let hash = ContentHash.of(data) + hashSuffix
        if known?.hash == hash, !rebuild { return .unchanged(stamp: keptStamp == known?.stamp ? nil : keptStamp) }
        do {
            let decoded = try NoticeDecoder.decode(data: data, fileName: rel)
            let notice = CatalogBuilder.notice(decoded: decoded, relativePath: rel)
            return .extracted(notice, hash: hash, stamp: keptStamp, texts: try StoredTexts(notice, text: decoded.text),
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

extension FileOutcome {
    /// What the index holds about a file.
    struct Known: Sendable {
        var id: Int64
        var hash: String
        var stamp: String
    }
}

/// Size, modification and change times (nanoseconds) and inode of a file: when all are as they
/// were, the file is taken as unchanged without reading it (as git and make do).
struct FileStamp {
    let size: Int
    let modified: timespec
    let text: String

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        size = Int(st.st_size)
        modified = st.st_mtim
        text = "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec):\(st.st_ctim.tv_sec).\(st.st_ctim.tv_nsec):\(st.st_ino)"
    }

    func isRecent(before date: Date) -> Bool {
        Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9 > date.timeIntervalSince1970 - 2
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

    init(_ files: [String], corpus: String, known: [String: FileOutcome.Known], rebuild: Bool,
         workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        slots = Array(repeating: nil, count: files.count)
        window = 8 * max(1, workers)
        let startedAt = Date()
        for _ in 0..<max(1, workers) {
            let worker = Thread { [self] in
                while let i = claim() {
                    let outcome = FileOutcome.outcome(of: files[i], corpus: corpus, known: known[files[i]], rebuild: rebuild,
                                                      startedAt: startedAt)
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
