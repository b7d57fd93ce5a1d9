import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PDF → its text, through poppler's `pdftotext -layout`: a file on disk is named on the command
/// line, bytes in memory go through its standard input ("-"), never through a temporary file.
/// Form feeds (page breaks) are dropped. A run longer than `timeLimit` is stopped.
enum PDFDecoder {
    static let tool = "pdftotext"
    static let package = "poppler-utils"
    /// How long one file may take: a pathological PDF must not hold up a whole corpus.
    static let timeLimit: TimeInterval = 60

    /// Where the PDF comes from.
    private enum Source {
        case file(path: String)
        case bytes(Data)
    }

    /// Decodes the PDF at `path`; errors name `displayPath`. `executable` is where pdftotext is
    /// (nil: not installed).
    static func decode(path: String, displayPath: String, executable: String? = findExecutable(tool),
                       timeLimit: TimeInterval = timeLimit) throws -> DecodedText {
        try run(.file(path: path), displayPath: displayPath, executable: executable, timeLimit: timeLimit)
    }

    /// Decodes PDF bytes, fed to pdftotext on its standard input; errors name `fileName`.
    static func decode(data: Data, fileName: String, executable: String? = findExecutable(tool),
                       timeLimit: TimeInterval = timeLimit) throws -> DecodedText {
        try run(.bytes(data), displayPath: fileName, executable: executable, timeLimit: timeLimit)
    }

    private static func run(_ source: Source, displayPath: String, executable: String?,
                            timeLimit: TimeInterval) throws -> DecodedText {
        guard let executable else {
            throw DecodeError.missingTool(path: displayPath, tool: tool, package: package)
        }
        let process = Process()
        let arguments: [String]
        switch source {
        case .file(let path): arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        case .bytes: arguments = ["-layout", "-enc", "UTF-8", "-", "-"]
        }
        (process.executableURL, process.arguments) = launch(executable, arguments)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        var input: (pipe: Pipe, bytes: Data)?
        switch source {
        case .file:
            process.standardInput = FileHandle.nullDevice
        case .bytes(let data):
            let pipe = Pipe()
            process.standardInput = pipe
            input = (pipe, data)
        }
        let errorText = LockedBuffer()
        errors.fileHandleForReading.readabilityHandler = { handle in
            errorText.append(handle.availableData)
        }
        do {
            try process.run()
        } catch {
            errors.fileHandleForReading.readabilityHandler = nil
            if let input { try? input.pipe.fileHandleForWriting.close() }
            throw DecodeError.toolFailed(path: displayPath, tool: tool, reason: "cannot start \(executable): \(error.localizedDescription)")
        }
        let fed = input.map { feed($0.bytes, to: $0.pipe.fileHandleForWriting) }
        let watchdog = Watchdog(process, after: timeLimit)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        fed?.wait()
        errors.fileHandleForReading.readabilityHandler = nil
        errorText.append(errors.fileHandleForReading.readDataToEndOfFile())
        if watchdog.fired {
            throw DecodeError.toolFailed(path: displayPath, tool: tool, reason: "no result within \(seconds(timeLimit)) (stopped)")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = TextLines.oneLine(String(decoding: errorText.data, as: UTF8.self))
            let status = process.terminationReason == .exit
                ? "exit status \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
            throw DecodeError.toolFailed(path: displayPath, tool: tool, reason: message.isEmpty ? status : "\(status): \(message)")
        }
        var text = String(decoding: data, as: UTF8.self)
        text.removeAll { $0 == "\u{0C}" }
        return DecodedText(text: TextLines.normalizeLineEndings(text), format: "pdf")
    }

    /// The largest address space pdftotext may use: a hostile PDF fails instead of swapping.
    static let memoryLimit = 2 << 30

    /// How to start `executable` with `arguments`: through util-linux's `setpriv --pdeathsig KILL`
    /// (so pdftotext dies with policydex, even when policydex is killed outright) and `prlimit
    /// --as` (a memory cap) when they are installed, as Debian always has them; directly otherwise.
    static func launch(_ executable: String, _ arguments: [String]) -> (URL, [String]) {
        let command = wrapper + [executable] + arguments
        return (URL(fileURLWithPath: command[0]), Array(command.dropFirst()))
    }

    /// The commands pdftotext runs under, looked up once (not per PDF).
    private static let wrapper: [String] = {
        var prefix: [String] = []
        if let setpriv = findExecutable("setpriv") { prefix += [setpriv, "--pdeathsig", "KILL", "--"] }
        if let prlimit = findExecutable("prlimit") { prefix += [prlimit, "--as=\(memoryLimit)", "--"] }
        return prefix
    }()

    /// Writes `bytes` to `handle` on a thread of its own (so that pdftotext's output is read
    /// meanwhile), then closes it; the returned semaphore is signalled when that is done. SIGPIPE is
    /// blocked on that thread: when pdftotext exits before reading everything, the write fails with
    /// EPIPE (and the exit status tells why) instead of the signal ending this process.
    private static func feed(_ bytes: Data, to handle: FileHandle) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            let descriptor = handle.fileDescriptor
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = write(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
            try? handle.close()
            done.signal()
        }
        writer.start()
        return done
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        interval >= 1 ? "\(Int(interval)) s" : "\(Int(interval * 1000)) ms"
    }

    /// The full path of `name` in `$PATH` (plus the usual system folders), or nil.
    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var folders = path.split(separator: ":").map(String.init)
        for extra in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"] where !folders.contains(extra) {
            folders.append(extra)
        }
        for folder in folders where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Bytes appended from another thread (a pipe's readability handler).
private final class LockedBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()

    func append(_ more: Data) {
        lock.lock()
        storage.append(more)
        lock.unlock()
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Kills a process that is still running after a time limit. SIGKILL, because SIGTERM may never
/// arrive: a child inherits its spawning thread's signal mask, and Dispatch worker threads (the
/// indexer's) block SIGTERM.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var cancelled = false

    init(_ process: Process, after limit: TimeInterval) {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self] in
            if stop() { kill(pid, SIGKILL) }
        }
    }

    /// Whether the process was stopped for running too long.
    var fired: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Called once the process has exited: its id may be reused, so it must not be signalled any more.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Marks the process stopped unless it already exited.
    private func stop() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if cancelled { return false }
        stopped = true
        return true
    }
}
