import ArgumentParser
import Foundation
import NoticeIndex
import NoticeServer

/// The local web page and JSON API over the index.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and JSON API on this machine (http://127.0.0.1:8080 by default).",
        discussion: """
            Binds 127.0.0.1 unless --host names another address. The page answers who-leads questions, searches, \
            and shows tasks, units, notices and diffs; with --allow-import it also adds dropped notice files to the \
            corpus (from the page's own origin only). Stop with Ctrl-C.
            """)

    @OptionGroup var options: CorpusOptions
    @Option(name: .long, help: "Port to listen on (0: any free port).") var port: Int = 8080
    @Option(name: .long, help: "Address to bind (another host only when asked).") var host: String = "127.0.0.1"
    @Flag(name: .customLong("allow-import"), help: "Let the page add notice files to the corpus.") var allowImport = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        // Fail here, with one line, rather than on the first request.
        do { _ = try options.openStore() } catch { throw Output.fail(error) }
        let config = ServerConfiguration(host: host, port: port, corpus: options.corpus, indexPath: options.databasePath,
                                         allowImport: allowImport)
        // The server's signal sources see SIGINT and SIGTERM and shut down gracefully; without
        // this, Linux's default action would kill the process first.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let done = DispatchSemaphore(value: 0)
        let failure = LockedBox<Error?>(nil)
        Task {
            do {
                try await PolicydexServer.run(config) { port in
                    Terminal.note("policydex serve: http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)/"
                                  + (allowImport ? " (import allowed)" : "") + " — Ctrl-C to stop")
                }
            } catch {
                failure.value = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.value {
            Terminal.error("serve: \(error)")
            throw ExitCode(2)
        }
    }
}
