import Foundation

/// Writes `notices` files varied from the sample notices: each copy renumbers years and counts,
/// renames units in every other copy and tags each with its number, so the index sees distinct text.
enum CorpusGenerator {
    static let unitSwaps: [(String, String)] = [
        ("安稳办", "平安办"), ("医政科", "医务科"), ("公卫科", "疾控科"), ("办公室", "综合科"), ("信息科", "数据科"),
    ]

    /// Returns the number of bytes written.
    static func write(notices: Int, from sampleFolder: String, into folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: sampleFolder).filter { $0.hasSuffix(".txt") }.sorted()
        let samples = try names.map { try String(contentsOfFile: (sampleFolder as NSString).appendingPathComponent($0), encoding: .utf8) }
        guard !samples.isEmpty else { return 0 }
        var total = 0
        for i in 0..<notices {
            var text = samples[i % samples.count]
            let year = 2015 + i % 12
            for y in 2019...2024 { text = text.replacingOccurrences(of: "\(y)年", with: "\(year)年") }
            if i % 2 == 1 {
                for (a, b) in unitSwaps { text = text.replacingOccurrences(of: a, with: b) }
            }
            text = text.replacingOccurrences(of: "不少于 2 次", with: "不少于 \(2 + i % 5) 次")
            text += "\n（编号：\(i)）\n"
            let data = Data(text.utf8)
            total += data.count
            try data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(String(format: "n%05d.txt", i))))
        }
        return total
    }
}
