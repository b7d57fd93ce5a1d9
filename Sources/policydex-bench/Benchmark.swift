import Foundation
import NoticeDecode
import NoticeExtract
import NoticeIndex

/// `make bench`: generates a corpus from the sample notices (numbers, units and task order
/// varied per copy), then measures what ../shared/DESIGN.md §6 asks: index throughput and peak
/// memory, re-indexing after one change, and search latency in-process and as a whole process.
@main
struct Benchmark {
    static func main() throws {
        let args = CommandLine.arguments
        let notices = args.count > 1 ? Int(args[1]) ?? 1000 : 1000
        let binary = args.count > 2 ? args[2] : ".build/release/policydex"
        // `--corpus-only DIR`: write the generated corpus to DIR and stop (for the side-by-side run).
        if args.count > 3, args[3] == "--corpus-only", args.count > 4 {
            let bytes = try CorpusGenerator.write(notices: notices, from: "corpus", into: args[4])
            print("corpus: \(notices) notices, \(String(format: "%.1f", Double(bytes) / 1e6)) MB in \(args[4])")
            return
        }
        // `--search-only INDEX_FOLDER`: time the queries in-process against an index already built.
        if args.count > 3, args[3] == "--search-only", args.count > 4 {
            let store = try IndexStore(path: IndexStore.path(inFolder: args[4]), readOnly: true)
            try searchInProcess(store)
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-bench-\(getpid())")
        let corpus = work.appendingPathComponent("corpus").path
        let index = work.appendingPathComponent("index").path
        defer { try? FileManager.default.removeItem(at: work) }

        let bytes = try CorpusGenerator.write(notices: notices, from: "corpus", into: corpus)
        print("corpus: \(notices) notices, \(String(format: "%.1f", Double(bytes) / 1e6)) MB in \(corpus)")

        try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        let store = try IndexStore(path: IndexStore.path(inFolder: index), create: true)
        var t = Date()
        let report = try Indexer.index(corpus: corpus, into: store)
        let indexSeconds = Date().timeIntervalSince(t)
        print(String(format: "index from scratch: %.1f s, %.2f MB/s, %d notices, peak RSS %.0f MB",
                     indexSeconds, Double(bytes) / 1e6 / indexSeconds, report.added.count, peakRSSMegabytes()))

        let files = try NoticeFiles.list(in: corpus)
        let changed = (corpus as NSString).appendingPathComponent(files[files.count / 2])
        try (try String(contentsOfFile: changed, encoding: .utf8) + "\n一、新增任务。各单位要加强值班值守。（牵头单位：安稳办）\n")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        t = Date()
        try Indexer.index(corpus: corpus, into: store)
        print(String(format: "re-index after one changed file: %.3f s", Date().timeIntervalSince(t)))

        try searchInProcess(store)

        if FileManager.default.isExecutableFile(atPath: binary) {
            var whole: [Double] = []
            for q in queries {
                t = Date()
                try run(binary, ["search", q, "--json", "--index", index, "--corpus", corpus])
                whole.append(Date().timeIntervalSince(t) * 1000)
            }
            print(String(format: "search whole process: median %.1f ms, p90 %.1f ms over %d queries",
                         percentile(whole, 0.5), percentile(whole, 0.9), whole.count))
        }
    }

    static let queries = ["电信诈骗", "反恐防暴", "安稳办", "办", "严重精神障碍患者", "消防安全", "信访", "托育机构反恐",
                          "\"风险排查\" -演练", "医政科 OR 公卫科", "每月15日前", "牽頭單位"]

    /// Each query five times through the library (`POLICYDEX_BENCH_EACH=1` also prints each
    /// query's median).
    static func searchInProcess(_ store: IndexStore) throws {
        let search = Search(store: store)
        // `POLICYDEX_BENCH_QUERY=q`: that query 200 times (for a profiler).
        if let q = ProcessInfo.processInfo.environment["POLICYDEX_BENCH_QUERY"] {
            let t = Date()
            for _ in 0..<200 { _ = try search.run(q) }
            print(String(format: "%@: %.2f ms a run", q, Date().timeIntervalSince(t) * 5))
            return
        }
        var inProcess: [Double] = []
        var each: [String: [Double]] = [:]
        for _ in 0..<5 {
            for q in queries {
                let t = Date()
                _ = try search.run(q)
                let ms = Date().timeIntervalSince(t) * 1000
                inProcess.append(ms)
                each[q, default: []].append(ms)
            }
        }
        if ProcessInfo.processInfo.environment["POLICYDEX_BENCH_EACH"] == "1" {
            for q in queries { print(String(format: "  %@: %.2f ms", q, percentile(each[q]!, 0.5))) }
        }
        print(String(format: "search in-process: median %.2f ms, p90 %.2f ms over %d queries",
                     percentile(inProcess, 0.5), percentile(inProcess, 0.9), inProcess.count))
    }

    /// Runs `binary` with its output discarded and waits for it with waitpid: Foundation's
    /// `Process.waitUntilExit` polls its run loop and rounded a 57 ms search up to about 100 ms.
    static func run(_ binary: String, _ arguments: [String]) throws {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard rc == 0 else { throw NSError(domain: "posix_spawn", code: Int(rc)) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
