import Foundation

/// Output helpers: errors as one line on stderr, progress only when stderr is a terminal.
enum Terminal {
    static var stderrIsTTY: Bool { isatty(2) == 1 }

    static func error(_ message: String) {
        Output.flush()
        FileHandle.standardError.write(Data(("policydex: " + Output.terminalSafe(message) + "\n").utf8))
    }

    static func note(_ message: String) {
        Output.flush()
        FileHandle.standardError.write(Data((Output.terminalSafe(message) + "\n").utf8))
    }

    static func progress(_ done: Int, _ total: Int, _ item: String) {
        guard stderrIsTTY else { return }
        Output.flush()
        let line = "\r\u{1B}[K[\(done)/\(total)] \(item)"
        FileHandle.standardError.write(Data(line.utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A user-caused failure: printed as one line, exit status 2.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
