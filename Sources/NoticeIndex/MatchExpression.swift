import NoticeText

/// Builds the FTS5 MATCH expression that narrows a query's candidates. User text never reaches
/// FTS5 syntax: only runs of CJK characters and of letters/digits taken from the folded query are
/// written, each inside double quotes (they cannot contain a quote). The expression may let
/// through more tasks than the query matches; `Search` then checks each substring exactly.
///
/// Per substring: every CJK run becomes a quoted string, which the policydex tokenizer turns into
/// a phrase of bigrams (a lone character into a prefix query: every character it indexes starts a
/// bigram, a run's last character or a run of one);
/// a letter/digit run is a whole token when bounded on both sides within the substring, a prefix
/// (`"abc" *`) when it ends the substring, and is left out when it starts it (it may be the tail
/// of a longer token). A substring with nothing usable gives no expression (exact scan).
enum MatchExpression {
    static func forPart(_ key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        // One letter/digit run alone: a prefix query over the runs' indexed starts finds it anywhere.
        if isLetterDigitRun(scalars) {
            return scalars.count <= Tokenizer.suffixLength ? quote(scalars[...]) + " *" : nil
        }
        var pieces: [String] = []
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if Tokenizer.isCJK(v) {
                var j = i
                while j < scalars.count, Tokenizer.isCJK(scalars[j].value) { j += 1 }
                pieces.append(quote(scalars[i..<j]) + (j - i == 1 ? " *" : ""))
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

    /// True when the index alone decides whether a task's text holds `part`: one run of CJK
    /// characters (a phrase of its bigrams, which the marker between runs keeps from spanning two;
    /// one character is a prefix of every token it starts), or one run of letters or digits up to `suffixLength` long
    /// (a prefix of some indexed start of a run). Task titles are cut from their text, so a match
    /// in the title column is one in the text too.
    static func decidesAlone(_ part: String) -> Bool {
        let scalars = Array(part.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        if scalars.allSatisfy({ Tokenizer.isCJK($0.value) }) { return true }
        return scalars.count <= Tokenizer.suffixLength && isLetterDigitRun(scalars)
    }

    /// One run of letters or digits (no CJK, nothing else), as the tokenizer cuts them.
    private static func isLetterDigitRun(_ scalars: [Unicode.Scalar]) -> Bool {
        !scalars.isEmpty && scalars.allSatisfy { !Tokenizer.isCJK($0.value) && Tokenizer.isWordScalar($0.value) }
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
