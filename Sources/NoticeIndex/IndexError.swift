/// Why an index operation failed; each message is one line naming the file or argument.
public enum IndexError: Error, CustomStringConvertible, Equatable, Sendable {
    case missingIndex(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case unreadableIndex(path: String, reason: String)
    /// Found damaged once read or written (it opened, but a page or the full-text index is not
    /// what SQLite or FTS5 expects); nothing was changed.
    case damagedIndex(path: String, reason: String)
    case olderSchema(path: String, found: Int, supported: Int)
    case foreignDatabase(path: String)
    case unknownUnit(name: String, suggestions: [String])
    case unknownDocument(name: String, suggestions: [String])
    case unknownTask(id: String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .missingIndex(let p):
            return "\(p): no index yet; run `policydex index` first"
        case .newerSchema(let p, let found, let supported):
            return "\(p): index schema version \(found) was written by a newer policydex (this one reads up to \(supported)); use the newer binary or delete the index and re-run `policydex index`"
        case .unreadableIndex(let p, let r):
            return "\(p): cannot open the index (\(r)); it may be damaged: run `policydex index --rebuild` to replace it"
        case .damagedIndex(let p, let r):
            return "\(p): the index is damaged (\(r)); nothing was changed: run `policydex index --rebuild` to replace it"
        case .olderSchema(let p, let found, let supported):
            return "\(p): index schema version \(found) was written by an older policydex (this one reads \(supported)); run `policydex index` to upgrade it"
        case .foreignDatabase(let p):
            return "\(p): an SQLite file that is not a policydex index; left untouched (move it away, or run `policydex index --rebuild` to replace it)"
        case .unknownUnit(let n, let s):
            return "no unit named '\(n)'" + (s.isEmpty ? "" : "; did you mean: " + s.joined(separator: ", ") + "?")
        case .unknownDocument(let n, let s):
            return "no notice named '\(n)'" + (s.isEmpty ? "" : "; did you mean: " + s.joined(separator: ", ") + "?")
        case .unknownTask(let id):
            return "no task with id '\(id)'"
        case .invalidArgument(let m):
            return m
        }
    }
}
