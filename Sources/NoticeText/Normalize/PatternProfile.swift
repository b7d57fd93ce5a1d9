import Foundation

/// Time spent in each regular expression, for finding what extraction costs: set
/// POLICYDEX_PROFILE_PATTERNS=1 (the 30 costliest) or to the number of patterns to list (2 or
/// more), and `policydex index` prints the costliest patterns to stderr.
/// Off, it costs one branch per search.
public enum PatternProfile {
    public static let enabled = ProcessInfo.processInfo.environment["POLICYDEX_PROFILE_PATTERNS"] != nil
    /// How many patterns the report lists: the number given when it is 2 or more, else 30.
    public static let listed = Int(ProcessInfo.processInfo.environment["POLICYDEX_PROFILE_PATTERNS"] ?? "").flatMap { $0 >= 2 ? $0 : nil } ?? 30
    private static let lock = NSLock()
    nonisolated(unsafe) private static var totals: [String: (calls: Int, seconds: Double, units: Int)] = [:]

    static func record(_ pattern: String, seconds: Double, units: Int) {
        lock.lock()
        defer { lock.unlock() }
        let t = totals[pattern] ?? (0, 0, 0)
        totals[pattern] = (t.calls + 1, t.seconds + seconds, t.units + units)
    }

    /// The `top` costliest patterns: seconds, searches, UTF-16 units searched, the pattern's start.
    public static func report(top: Int = listed) -> String {
        lock.lock()
        defer { lock.unlock() }
        let all = totals.values.map(\.seconds).reduce(0, +)
        var lines = [String(format: "regular expressions: %.2f s in %d patterns", all, totals.count)]
        for (pattern, t) in totals.sorted(by: { $0.value.seconds > $1.value.seconds }).prefix(top) {
            lines.append(String(format: "%8.3f s %9d searches %11d units  ", t.seconds, t.calls, t.units) + pattern.prefix(100))
        }
        return lines.joined(separator: "\n")
    }
}
