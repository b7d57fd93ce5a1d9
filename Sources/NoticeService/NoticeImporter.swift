import Foundation
import NoticeDecode
import NoticeDiff
import NoticeIndex
import NoticeModel

/// Adding a notice file to the corpus, the same way for `import` and the server's upload: the
/// bytes are written under the file's own name (never over a different file), the corpus is
/// indexed, a file that is no readable notice is taken back out, and the new notice is diffed
/// against the previous edition of its series.
public enum NoticeImporter {
    public enum Added: Sendable, Equatable {
        case written
        /// The corpus already holds this very file.
        case identical
    }

    public enum ImportError: Error, CustomStringConvertible, Equatable, Sendable {
        case badName(String)
        case unsupportedType(name: String, supported: [String])
        case exists(path: String)
        case cannotWrite(path: String, reason: String)
        case notANotice(name: String, reason: String)

        public var description: String {
            switch self {
            case .badName(let n): return "'\(n)': not a plain file name"
            case .unsupportedType(let n, let s): return "\(n): not a notice file type (use " + s.joined(separator: ", ") + ")"
            case .exists(let p): return "\(p) already exists with different content; rename the file to import it"
            case .cannotWrite(let p, let r): return "\(p): cannot write (\(r))"
            case .notANotice(_, let r): return "not imported: \(r)"
            }
        }
    }

    /// The plain file name of an upload, or an error when it is a path or of no notice type.
    public static func checkedName(_ name: String) throws -> String {
        let base = (name as NSString).lastPathComponent
        guard !base.isEmpty, base == name, !base.hasPrefix("."), !base.contains("\0") else { throw ImportError.badName(name) }
        let ext = (base as NSString).pathExtension.lowercased()
        guard NoticeFiles.supportedExtensions.contains(ext) else {
            throw ImportError.unsupportedType(name: base, supported: NoticeFiles.supportedExtensions.sorted().map { "." + $0 })
        }
        return base
    }

    /// Writes `data` as `corpus/name` unless that file exists with other bytes.
    public static func add(name: String, data: Data, corpus: String) throws -> Added {
        let fm = FileManager.default
        let dest = (corpus as NSString).appendingPathComponent(name)
        if fm.fileExists(atPath: dest) {
            guard fm.contents(atPath: dest) == data else { throw ImportError.exists(path: dest) }
            return .identical
        }
        do {
            try fm.createDirectory(atPath: corpus, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: dest), options: .withoutOverwriting)
        } catch {
            throw ImportError.cannotWrite(path: dest, reason: error.localizedDescription)
        }
        return .written
    }

    /// Indexes the corpus; of `added`, the files the indexer could not read are removed again
    /// and returned with the reason.
    public static func index(corpus: String, into store: IndexStore, added: [String],
                             progress: ((Int, Int, String) -> Void)? = nil) throws -> (report: IndexReport, rejected: [String: String]) {
        let report = try Indexer.index(corpus: corpus, into: store, progress: progress)
        let skipped = Dictionary(report.skipped.map { ($0.file, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var rejected: [String: String] = [:]
        for name in added {
            guard let reason = skipped[name] else { continue }
            try? FileManager.default.removeItem(atPath: (corpus as NSString).appendingPathComponent(name))
            rejected[name] = reason
        }
        return (report, rejected)
    }

    /// A diff against the edition a notice continues, with why that edition.
    public struct EditionDiff: Sendable, Encodable {
        public var baseline: String
        /// Why this baseline ("--against" when the user chose it).
        public var reason: String
        public var sure: Bool
        public var others: [String]
        public var report: NoticeDiffReport

        public init(baseline: String, reason: String, sure: Bool, others: [String], report: NoticeDiffReport) {
            self.baseline = baseline
            self.reason = reason
            self.sure = sure
            self.others = others
            self.report = report
        }
    }

    /// The diff of notice `name` against `against`, or else the previous edition of its series;
    /// nil when the index holds no earlier edition.
    public static func diffWithPrevious(_ name: String, store: IndexStore, corpus: String, against: Notice? = nil) throws -> EditionDiff? {
        let lookup = NoticeLookup(store: store)
        let current = try lookup.notice(name)
        if let against {
            return EditionDiff(baseline: against.file, reason: "--against", sure: true, others: [],
                               report: try IndexedDiff.diff(old: against, new: current, store: store, corpus: corpus))
        }
        guard let edition = try lookup.previousEdition(of: name) else { return nil }
        let previous = try lookup.notice(edition.file)
        return EditionDiff(baseline: previous.file, reason: edition.reason, sure: edition.sure, others: edition.others,
                           report: try IndexedDiff.diff(old: previous, new: current, store: store, corpus: corpus))
    }
}
