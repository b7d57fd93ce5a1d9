import Foundation

/// The sample notices shipped in corpus/, read as the tests need them.
enum TestCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("corpus").appendingPathComponent(name), encoding: .utf8)
    }

    static let pdfPlan = "000_e2eba855e6b0ece5.txt"        // hard-wrapped PDF text, inline labels
    static let pdfPoints = "001_d90f0c075659fcf0.txt"      // hard-wrapped, no responsibility at all
    static let lineLabels = "002_d389e5a4d4a71cb1.txt"     // 责任处室： lines, bare headings
    static let hospitalPlan = "003_c4109180e06efe5c.txt"   // unlabelled lists, mixed parens, form attachment
    static let webPage = "004_28f6194b3a9834db.txt"        // web page chrome, Chinese-numeral date
}
