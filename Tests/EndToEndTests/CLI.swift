import Foundation
import XCTest

/// Runs the built `policydex` binary (it sits next to the test bundle) in a scratch folder.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    static let binary: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
        var dir = runner.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("policydex").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("policydex")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let dir: URL

    /// A scratch folder with a corpus/ holding copies of `samples` from the repository's corpus.
    init(samples: [String] = []) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        for s in samples {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("corpus").appendingPathComponent(s),
                                             to: dir.appendingPathComponent("corpus").appendingPathComponent(s))
        }
    }

    func write(_ name: String, _ data: Data) throws {
        try data.write(to: dir.appendingPathComponent("corpus").appendingPathComponent(name))
    }

    func run(_ args: String...) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}
