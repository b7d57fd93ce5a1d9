/// A search query that cannot be run; the message is one line explaining what is wrong.
public enum QueryError: Error, CustomStringConvertible, Equatable, Sendable {
    case empty
    case tooLong(length: Int, limit: Int)
    case tooManyTerms(count: Int, limit: Int)
    case unbalancedQuote
    case danglingOperator(String)
    case onlyOperators
    case nothingToSearch
    case onlyExclusions

    public var description: String {
        switch self {
        case .empty: return "empty query: give a word or phrase to search for"
        case .tooLong(let n, let limit): return "query too long (\(n) characters; at most \(limit))"
        case .tooManyTerms(let n, let limit): return "query has too many terms (\(n); at most \(limit))"
        case .unbalancedQuote: return "unbalanced quote in query: close the phrase with a matching \""
        case .danglingOperator(let op): return "'\(op)' needs a term on each side (or after it, for '-' and NOT)"
        case .onlyOperators: return "query has only operators (AND, OR, NOT, -): give words to search for"
        case .nothingToSearch: return "query has no letters, digits or Chinese characters to search for (only punctuation)"
        case .onlyExclusions: return "query only excludes terms: give at least one term to find"
        }
    }
}
