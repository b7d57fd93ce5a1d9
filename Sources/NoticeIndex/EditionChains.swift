import Foundation
import GRDB

/// Editions of one series: notices of the same issuer whose titles are equal once years and the
/// 关于印发…的通知 wording are set aside (渝北区2023年…工作要点 and 渝北区2024年…工作要点).
enum EditionChains {
    /// The series a notice belongs to, as a comparison key; nil without an issuer or title.
    static func seriesKey(issuer: String?, title: String?) -> String? {
        guard let issuer, let title, !issuer.isEmpty, !title.isEmpty else { return nil }
        var t = title.replacingOccurrences(of: " ", with: "")
        for w in ["关于印发", "的通知", "《", "》", "印发", "年度", "年"] { t = t.replacingOccurrences(of: w, with: "") }
        t.removeAll { $0.isASCII && $0.isNumber }   // the years
        return issuer.replacingOccurrences(of: " ", with: "") + "|" + t
    }

    /// Of the notices `files`, those a newer edition of the same series supersedes. Only notices
    /// of the same issuers are read, so a search pays for its own hits, not for the corpus.
    static func superseded(among files: Set<String>, _ db: Database) throws -> Set<String> {
        guard !files.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT file, issuer, title, year FROM notices WHERE year IS NOT NULL AND issuer IN
              (SELECT issuer FROM notices WHERE file IN (\(files.map { _ in "?" }.joined(separator: ","))))
            """, arguments: StatementArguments(Array(files)))
        var latest: [String: Int] = [:]
        var keyed: [(file: String, key: String, year: Int)] = []
        for r in rows {
            guard let key = seriesKey(issuer: r["issuer"], title: r["title"]) else { continue }
            let year: Int = r["year"]
            keyed.append((r["file"], key, year))
            latest[key] = max(latest[key] ?? year, year)
        }
        return Set(keyed.filter { files.contains($0.file) && $0.year < latest[$0.key]! }.map(\.file))
    }
}
