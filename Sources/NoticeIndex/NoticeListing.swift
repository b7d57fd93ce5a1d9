import Foundation
import GRDB

/// One indexed notice as a list shows it (`GET /api/notices`).
public struct NoticeListing: Sendable, Equatable, Codable {
    public var file: String
    public var title: String?
    public var issuer: String?
    public var number: String?
    public var date: String?
    public var year: Int?
    public var tasks: Int

    /// Every indexed notice, newest work year first, then by file.
    public static func all(in store: IndexStore) throws -> [NoticeListing] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.file, n.title, n.issuer, n.number, n.date, n.year, (SELECT count(*) FROM tasks t WHERE t.notice_id = n.id) AS tasks
                FROM notices n ORDER BY n.year IS NULL, n.year DESC, n.file
                """).map { r in
                NoticeListing(file: r["file"], title: r["title"], issuer: r["issuer"], number: r["number"], date: r["date"],
                              year: r["year"], tasks: r["tasks"])
            }
        }
    }
}

extension NoticeListing {
    enum CodingKeys: String, CodingKey { case file, title, issuer, number, date, year, tasks }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(title, forKey: .title)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(year, forKey: .year)
        try c.encode(tasks, forKey: .tasks)
    }
}
