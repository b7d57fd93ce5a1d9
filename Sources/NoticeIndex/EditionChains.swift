import Foundation
import GRDB

/// Editions of one series: notices of the same issuer whose titles are equal once years and the
/// 关于印发…的通知 wording are set aside (渝北区2023年…工作要点 and 渝北区2024年…工作要点).
enum EditionChains {
    private static let yearPattern = try! NSRegularExpression(pattern: "(?:19|20)\\d{2}(?:年度|年)?|[（(]\\s*[）)]")

    /// The series a notice belongs to, as a comparison key; nil without an issuer or title.
    static func seriesKey(issuer: String?, title: String?) -> String? {
        guard let issuer, let title, !issuer.isEmpty, !title.isEmpty else { return nil }
        var t = title.replacingOccurrences(of: " ", with: "")
        for w in ["关于印发", "的通知", "《", "》", "印发"] { t = t.replacingOccurrences(of: w, with: "") }
        t = yearPattern.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: "")
        return issuer.replacingOccurrences(of: " ", with: "") + "|" + t
    }

    /// Files of notices a newer edition of the same series supersedes.
    static func superseded(_ db: Database) throws -> Set<String> {
        var latest: [String: Int] = [:]
        var rows: [(file: String, key: String, year: Int)] = []
        for r in try Row.fetchAll(db, sql: "SELECT file, issuer, title, year FROM notices WHERE year IS NOT NULL") {
            guard let key = seriesKey(issuer: r["issuer"], title: r["title"]) else { continue }
            let year: Int = r["year"]
            rows.append((r["file"], key, year))
            latest[key] = max(latest[key] ?? year, year)
        }
        return Set(rows.filter { $0.year < latest[$0.key]! }.map(\.file))
    }
}
