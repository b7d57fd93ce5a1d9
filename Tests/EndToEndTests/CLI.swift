import Foundation
import XCTest

/// A scratch folder with a corpus/ of chosen sample notices (or extra files), where the built
/// `policydex` runs through `CLIHarness`.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    static var packageRoot: URL { CLIHarness.repository }

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
        let r = try CLIHarness.run(args, in: dir)
        return Result(status: r.status, stdout: r.stdoutData, stderr: r.stderr)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}
