import NoticeModel
import NoticeText

/// One name for each unit across the two notices: a name, an alias of either notice (委安稳办,
/// the long form) and its Traditional or full-width spelling all map to the same canonical name,
/// so that a unit written differently from one year to the next is not reported as changed.
struct UnitNames {
    private var canonical: [String: String] = [:]

    init(old: Notice, new: Notice) {
        // The new notice's names win: the report speaks this year's language.
        for notice in [new, old] {
            for unit in notice.units {
                let name = canonical[SearchFolding.key(unit.name)] ?? unit.name
                for form in [unit.name] + unit.aliases {
                    let key = SearchFolding.key(form)
                    if canonical[key] == nil { canonical[key] = name }
                }
            }
        }
    }

    /// The canonical form of `name`.
    func canonical(_ name: String) -> String {
        let key = SearchFolding.key(name)
        if let c = canonical[key] { return c }
        // The issuer's prefix: 委安稳办 is 安稳办 when only the short form is known.
        if key.hasPrefix("委"), key.count > 2, let c = canonical[String(key.dropFirst())] { return c }
        return name
    }

    /// Canonical names of `names`, first occurrences only, in order.
    func canonical(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map(canonical).filter { seen.insert($0).inserted }
    }

    /// The folded surface forms of the units `names` stands for (their names, every alias of
    /// either notice, the issuer-prefixed form), longest first.
    func foldedForms(of names: [String]) -> [String] {
        let wanted = Set(names.map(canonical))
        var forms = Set<String>()
        for (key, name) in canonical where wanted.contains(name) { forms.insert(key) }
        for name in wanted {
            let key = SearchFolding.key(name)
            forms.insert(key)
            forms.insert("委" + key)
        }
        for name in names { forms.insert(SearchFolding.key(name)) }
        return forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// Every surface form known for a unit, folded, longest first (for removing names from text).
    var foldedForms: [String] {
        Array(Set(canonical.keys).union(canonical.values.map(SearchFolding.key)))
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}
