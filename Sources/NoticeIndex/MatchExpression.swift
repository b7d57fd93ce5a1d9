import NoticeText

/// Builds the FTS5 MATCH expression that narrows a query's candidates. User text never reaches
/// FTS5 syntax: only runs of CJK characters and of letters/digits taken from the folded query are
/// written, each inside double quotes (they cannot contain a quote). The expression may let
/// through more tasks than the query matches; `Search` then checks each substring exactly.
///
/// Per substring: every CJK run becomes a quoted string, which the policydex tokenizer turns into
/// a phrase of bigrams (a lone character into a unigram, indexed colocated with every bigram);
/// a letter/digit run is a whole token when bounded on both sides within the substring, a prefix
/// (`"abc" *`) when it ends the substring, and is left out when it starts it (it may be the tail
/// of a longer token). A substring with nothing usable gives no expression (exact scan).
enum MatchExpression {
    static func forPart(_ key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        var pieces: [String] = []
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if Tokenizer.isCJK(v) {
                var j = i
                while j < scalars.count, Tokenizer.isCJK(scalars[j].value) { j += 1 }
                pieces.append(quote(scalars[i..<j]))
                i = j
            } else if Tokenizer.isWordScalar(v) {
                var j = i
                while j < scalars.count, !Tokenizer.isCJK(scalars[j].value), Tokenizer.isWordScalar(scalars[j].value) { j += 1 }
                let atStart = i == 0, atEnd = j == scalars.count
                if !atStart { pieces.append(quote(scalars[i..<j]) + (atEnd ? " *" : "")) }
                i = j
            } else {
                i += 1
            }
        }
        return pieces.isEmpty ? nil : pieces.joined(separator: " AND ")
    }

    /// True when the index alone decides whether a task's text holds `part`: one CJK character
    /// (its unigram is indexed at every character) or two adjacent ones (their bigram is indexed
    /// exactly where they stand side by side). Longer runs are phrases of bigrams, which can also
    /// match across punctuation, so those are checked with `instr`.
    static func decidesAlone(_ part: String) -> Bool {
        let scalars = part.unicodeScalars
        return (1...2).contains(scalars.count) && scalars.allSatisfy { Tokenizer.isCJK($0.value) }
    }

    static func forTerm(_ term: SearchQuery.Term) -> String? {
        let exprs = term.parts.compactMap(forPart)
        return exprs.isEmpty ? nil : "(" + exprs.joined(separator: " AND ") + ")"
    }

    /// The expression for all clauses, or nil when no clause can be narrowed by FTS5.
    static func forQuery(_ query: SearchQuery) -> String? {
        var clauses: [String] = []
        for clause in query.clauses {
            let alternatives = clause.map(forTerm)
            // An alternative without an expression can match anything: the clause cannot narrow.
            guard alternatives.allSatisfy({ $0 != nil }) else { continue }
            let exprs = alternatives.compactMap { $0 }
            clauses.append(exprs.count == 1 ? exprs[0] : "(" + exprs.joined(separator: " OR ") + ")")
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }

    private static func quote(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars.filter { $0 != "\"" })
        return "\"" + String(s) + "\""
    }
}
