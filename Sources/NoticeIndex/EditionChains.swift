import Foundation
import GRDB
import NoticeText
import NoticeVocabulary

/// Editions of one series: notices of the same issuer whose titles are equal once years and the
/// 关于印发…的通知 wording are set aside (渝北区2023年…工作要点 and 渝北区2024年…工作要点), or
/// once the programme's changing name is too (平安建设 ~ 平安法治建设 ~ 安全稳定). One notion for
/// both `search`/`who` (current answers first) and `import` (the baseline of its diff).
public enum EditionChains {
    /// Of the notices `files`, those a newer edition of the same series supersedes: a later work
    /// year of the same issuer with the same title (`seriesStep` 4). A renamed programme (step 3)
    /// is a baseline for a diff but does not hide the older notice's answers: its tasks may differ.
    /// Only notices of the same issuers are read, so a search pays for its own hits, not for the corpus.
    static func superseded(among files: Set<String>, _ db: Database) throws -> Set<String> {
        guard !files.isEmpty else { return [] }
        // Step 4 is equal strict titles: the series key stored at index time and the latest year
        // per key decide it, in one indexed query (this runs on every search).
        let (list, arguments) = IDList.sql(Array(files))
        return Set(try String.fetchAll(db.cachedStatement(sql: """
            SELECT n.file FROM notices n
            WHERE n.file IN \(list) AND n.series != '' AND n.year IS NOT NULL
              AND n.year < (SELECT max(m.year) FROM notices m WHERE m.series = n.series)
            """), arguments: arguments))
    }

    /// The key of a notice's series for superseding: issuer and strictly reduced title; "" when
    /// either is missing (such a notice supersedes nothing and is superseded by nothing).
    static func seriesKey(title: String?, issuer: String?) -> String {
        guard let title, !title.isEmpty, let issuer else { return "" }
        return issuer + "|" + seriesTitle(title, issuer: issuer)
    }

    /// A title reduced for comparison, strictly and loosely (see `seriesTitle`).
    struct SeriesTitle {
        var strict: String
        var loose: String

        init(_ title: String, issuer: String?) {
            strict = EditionChains.seriesTitle(title, issuer: issuer)
            loose = EditionChains.seriesTitle(title, issuer: issuer, loose: true)
        }
    }

    /// How surely two titles of one issuer are one series: 4 the same title once years and
    /// 印发/通知 wording are set aside; 3 the same once the programme variant and genre word are
    /// too; 2 / 1 close / somewhat close (Dice over character pairs); 0 nothing in common.
    static func seriesStep(_ a: SeriesTitle, _ b: SeriesTitle) -> (step: Int, similarity: Double) {
        if a.strict == b.strict { return (4, 1) }
        if a.loose == b.loose { return (3, 1) }
        let d = titleSimilarity(a.strict, b.strict)
        return (d >= 0.6 ? 2 : d >= 0.3 ? 1 : 0, d)
    }

    /// A title reduced to what identifies its series: no issuer, years or 印发/通知 wording; `loose`
    /// also sets aside the programme variant and the genre word (实施方案, 工作要点 …).
    static func seriesTitle(_ title: String, issuer: String?, loose: Bool = false) -> String {
        var t = SearchFolding.key(title).replacingOccurrences(of: " ", with: "")
        if let issuer { t = t.replacingOccurrences(of: SearchFolding.key(issuer), with: "") }
        var words = GenreVocabulary.titleWrapping
        if loose { words += GenreVocabulary.titleGenreWords + GenreVocabulary.programmeVariants }
        for w in words { t = t.replacingOccurrences(of: w, with: "") }
        t.removeAll { $0.isASCII && $0.isNumber }
        return t
    }

    /// How alike two series titles are: the share of character pairs they have in common (Dice).
    static func titleSimilarity(_ a: String, _ b: String) -> Double {
        func pairs(_ s: String) -> Set<String> {
            let c = Array(s)
            return c.count < 2 ? Set([s]) : Set((0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) })
        }
        let x = pairs(a), y = pairs(b)
        guard !x.isEmpty, !y.isEmpty else { return a == b ? 1 : 0 }
        return 2 * Double(x.intersection(y).count) / Double(x.count + y.count)
    }

    /// The earlier edition a notice continues: the same issuer (its short forms folded), an
    /// earlier work year (or date), the series title equal or close; among those the closest
    /// title, then the latest. `sure` is false when no title is close and an issuer's other
    /// notice was taken; `others` are the runners-up.
    public struct Baseline: Sendable {
        public var file: String
        public var reason: String
        public var sure: Bool
        public var others: [String]
    }

    static func baseline(of id: Int64, _ db: Database) throws -> Baseline? {
        guard let n = try Row.fetchOne(db, sql: "SELECT issuer, title, date, year FROM notices WHERE id = ?", arguments: [id]),
              let issuer = n["issuer"] as String? else { return nil }
        let year: Int? = n["year"], date: String? = n["date"]
        let title = SeriesTitle(n["title"] ?? "", issuer: issuer)
        var scored: [(file: String, step: Int, similarity: Double, sort: String, year: Int?)] = []
        for c in try Row.fetchAll(db, sql: "SELECT file, issuer, title, date, year FROM notices WHERE id != ?", arguments: [id]) {
            guard let other = c["issuer"] as String?, sameIssuer(issuer, other) else { continue }
            let cYear: Int? = c["year"], cDate: String? = c["date"]
            let earlier: Bool, sort: String
            if let year, let cYear, year != cYear {
                earlier = cYear < year
                sort = String(format: "%04d", cYear) + (cDate ?? "")
            } else if let date, let cDate {
                earlier = cDate < date
                sort = cDate
            } else {
                continue
            }
            guard earlier else { continue }
            let (k, d) = seriesStep(title, SeriesTitle(c["title"] ?? "", issuer: other))
            scored.append((c["file"], k, d, sort, cYear))
        }
        // Titles count in steps, so a slightly closer title of an older year does not beat last year's edition.
        let ranked = scored.sorted { $0.step != $1.step ? $0.step > $1.step : $0.sort > $1.sort }
        guard let best = ranked.first else { return nil }
        let sure = best.step >= 2
        let yearText = best.year.map { "\($0)" } ?? "an earlier date"
        let reason: String
        switch best.step {
        case 4: reason = "the same issuer's \(yearText) edition of this series (same title once years are set aside)"
        case 3: reason = "the same issuer's \(yearText) edition of this programme (title differs only in 平安建设/安全稳定 wording or genre)"
        case 2: reason = "the same issuer, a close title (\(Int((best.similarity * 100).rounded()))% alike), \(yearText)"
        default: reason = "the same issuer's latest earlier notice (\(yearText)); no title is close, so this may be another series"
        }
        return Baseline(file: best.file, reason: reason, sure: sure, others: ranked.dropFirst().prefix(3).map(\.file))
    }

    /// One issuer however written: 渝北区卫生健康委员会 and 渝北区卫生健康委 and 区卫生健康委.
    static func sameIssuer(_ a: String, _ b: String) -> Bool {
        let x = SearchFolding.key(a).replacingOccurrences(of: "委员会", with: "委"), y = SearchFolding.key(b).replacingOccurrences(of: "委员会", with: "委")
        return x == y || (min(x.count, y.count) >= 4 && (x.hasSuffix(y) || y.hasSuffix(x)))
    }
}
