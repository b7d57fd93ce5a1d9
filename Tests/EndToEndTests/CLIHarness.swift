import Foundation

/// Runs the built `policydex` binary in a subprocess and captures its output.
enum CLIHarness {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("policydex"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("policydex"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../.build/debug/policydex").standardizedFileURL,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    }

    /// `standardOutput`: where the command's standard output goes instead of being captured.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, standardOutput: FileHandle? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        // Output goes to files (no pipe can fill up and block the child).
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-out-\(UUID().uuidString)")
        let outURL = tmp.appendingPathExtension("stdout"), errURL = tmp.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        p.standardOutput = standardOutput ?? outHandle
        p.standardError = errHandle
        try p.run()
        p.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    /// A fresh folder holding a copy of the sample corpus under corpus/.
    static func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("corpus"), to: dir.appendingPathComponent("corpus"))
        return dir
    }
}
