/// Why a file could not be read as a notice. Each message names the file and the problem in one line.
public enum DecodeError: Error, CustomStringConvertible, Equatable, Sendable {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case undecodable(path: String, reason: String)
    case malformedDocx(path: String, reason: String)
    case missingTool(path: String, tool: String, package: String)
    case toolFailed(path: String, tool: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var path: String {
        switch self {
        case .missingFile(let p), .unreadable(let p, _), .empty(let p), .binary(let p),
             .undecodable(let p, _), .malformedDocx(let p, _), .missingTool(let p, _, _), .toolFailed(let p, _, _), .tooLarge(let p, _, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot read: \(r)"
        case .empty(let p): return "\(p): empty file"
        case .binary(let p): return "\(p): binary file (not a notice: NUL bytes or unknown format)"
        case .undecodable(let p, let r): return "\(p): unknown text encoding: \(r)"
        case .malformedDocx(let p, let r): return "\(p): malformed .docx: \(r)"
        case .missingTool(let p, let t, let pkg): return "\(p): needs \(t) to read PDF files (apt-get install \(pkg))"
        case .toolFailed(let p, let t, let r): return "\(p): \(t) failed: \(r)"
        case .tooLarge(let p, let b, let l): return "\(p): too large for a notice (\(b >> 20) MB; at most \(l >> 20) MB)"
        }
    }
}
