import GRDB

/// The SQL conditions of `--dept`, `--role`, `--year` and `--doc` (over `task_rows t`, `notice_rows n`).
struct Scope {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []

    init(filters: SearchFilters, _ db: Database) throws {
        if let year = filters.year {
            conditions.append("n.year = ?")
            arguments.append(year)
        }
        if let doc = filters.doc {
            let ids = try NoticeLookup.resolveDocument(doc, db)
            conditions.append("n.id IN \(IDList.marks(ids.count))")
            arguments.append(contentsOf: ids)
        }
        let role = filters.role.flatMap(StoredRole.init)?.rawValue
        if let dept = filters.dept {
            let units = try UnitDirectory.resolve(dept, db)
            var sql = "t.id IN (SELECT task_id FROM task_units WHERE unit_id IN \(IDList.marks(units.count))"
            arguments.append(contentsOf: units)
            if let role {
                sql += " AND role = ?"
                arguments.append(role)
            }
            conditions.append(sql + ")")
        } else if let role {
            conditions.append("t.id IN (SELECT task_id FROM task_units WHERE role = ?)")
            arguments.append(role)
        }
    }
}
