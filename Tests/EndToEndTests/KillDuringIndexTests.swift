import Foundation
import Testing

/// SIGKILL in the middle of `policydex index` leaves the previous index fully usable.
@Suite struct KillDuringIndexTests {
    @Test func killedIndexRunLeavesThePreviousIndex() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLIHarness.run(["index"], in: dir).status == 0)
        let before = try CLIHarness.run(["search", "电信诈骗", "--json", "--limit", "100"], in: dir)
        #expect(before.status == 0)

        // A large corpus: 600 new notices, each with a marker word the old index lacks.
        let corpus = dir.appendingPathComponent("corpus")
        let base = try String(contentsOf: corpus.appendingPathComponent("000_e2eba855e6b0ece5.txt"), encoding: .utf8)
        for n in 0..<600 {
            let marked = base.replacingOccurrences(of: "反恐防暴", with: "反恐防暴鹈鹕批次\(n)号")
            try marked.write(to: corpus.appendingPathComponent("gen_\(n).txt"), atomically: false, encoding: .utf8)
        }

        let p = Process()
        p.executableURL = CLIHarness.binary
        p.arguments = ["index", "--progress-lines"]
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Wait (by reading, not by time) until the run is well inside its transaction.
        var seen = ""
        while !seen.contains("indexing 30/") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(seen.contains("indexing 30/"))
        #expect(p.terminationReason == .uncaughtSignal, "the run finished before it could be killed")

        // The previous index answers as before; none of the new notices is in it.
        let after = try CLIHarness.run(["search", "电信诈骗", "--json", "--limit", "100"], in: dir)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout)
        #expect(try CLIHarness.run(["search", "鹈鹕"], in: dir).status == 1)

        // And the next run completes.
        for n in 20..<600 { try FileManager.default.removeItem(at: corpus.appendingPathComponent("gen_\(n).txt")) }
        let rerun = try CLIHarness.run(["index"], in: dir)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.hasPrefix("indexed 25 notices"))
        #expect(try CLIHarness.run(["search", "鹈鹕批次7号"], in: dir).status == 0)
    }
}

/// pdftotext dies with policydex: killing `index` outright (SIGKILL, no handler runs) while it
/// waits on a PDF leaves no pdftotext behind. A stand-in pdftotext that records its process id and
/// then hangs plays the slow PDF.
@Suite struct PDFToolDiesWithParentTests {
    @Test func killedIndexLeavesNoPdftotextRunning() throws {
        let dir = try CLIHarness.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tools = dir.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let pidFile = dir.appendingPathComponent("pdftotext.pid")
        let fake = tools.appendingPathComponent("pdftotext")
        try "#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 60\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        try Data("%PDF-1.4\n".utf8).write(to: dir.appendingPathComponent("corpus/slow.pdf"))

        let p = Process()
        p.executableURL = CLIHarness.binary
        p.arguments = ["index"]
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = tools.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait for the stand-in to start (it writes its id first), at most 30 s.
        var pid: pid_t = 0
        for _ in 0..<300 where pid == 0 {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8), let n = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                pid = n
            } else {
                usleep(100_000)
            }
        }
        #expect(pid > 0, "pdftotext never started")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // The kernel sends the child SIGKILL when its parent dies; allow it a moment to be reaped.
        var alive = pid > 0
        for _ in 0..<50 where alive {
            usleep(100_000)
            alive = kill(pid, 0) == 0 && !Self.isZombie(pid)
        }
        #expect(!alive, "pdftotext \(pid) outlived policydex")
        if alive { kill(pid, SIGKILL) }
    }

    /// A killed child whose new parent has not reaped it yet is gone in all but name.
    static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
