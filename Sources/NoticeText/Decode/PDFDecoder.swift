import Foundation

/// A PDF → its text, through poppler's `pdftotext -layout FILE -`. Form feeds (page breaks) are dropped.
enum PDFDecoder {
    static let tool = "pdftotext"
    static let package = "poppler-utils"

    /// Decodes the PDF at `path`; errors name `displayPath`. `executable` is where pdftotext is
    /// (nil: not installed).
    static func decode(path: String, displayPath: String,
                       executable: String? = findExecutable(tool)) throws -> DecodedText {
        guard let executable else {
            throw DecodeError.missingTool(path: displayPath, tool: tool, package: package)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let errorText = LockedBuffer()
        errors.fileHandleForReading.readabilityHandler = { handle in
            errorText.append(handle.availableData)
        }
        do {
            try process.run()
        } catch {
            errors.fileHandleForReading.readabilityHandler = nil
            throw DecodeError.toolFailed(path: displayPath, tool: tool, reason: "cannot start \(executable): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        errorText.append(errors.fileHandleForReading.readDataToEndOfFile())
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

    /// Decodes PDF bytes by writing them to a temporary file first.
    static func decode(data: Data, fileName: String) throws -> DecodedText {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("policydex-\(UUID().uuidString).pdf")
        do {
            try data.write(to: temporary)
        } catch {
            throw DecodeError.unreadable(path: fileName, reason: "cannot write a temporary copy for \(tool): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        return try decode(path: temporary.path, displayPath: fileName)
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
