import GRDB

/// Rows read by id a few hundred at a time: one statement per chunk, not one per row (listing
/// every hit of a common word had compiled 40,000 statements), and within SQLite's limit on bound
/// variables.
enum IDList {
    static let chunkSize = 400

    /// `items` in slices of at most `chunkSize`.
    static func chunks<C: RandomAccessCollection>(_ items: C) -> [C.SubSequence] where C.Index == Int {
        stride(from: items.startIndex, to: items.endIndex, by: chunkSize).map { items[$0..<min(items.endIndex, $0 + chunkSize)] }
    }

    /// The SQL list `(?,?,…)` of `ids` and its arguments.
    static func sql(_ ids: [Int64]) -> (list: String, arguments: StatementArguments) {
        (marks(ids.count), StatementArguments(ids))
    }

    /// `(?,?,…)`: a list of `count` parameters, for `IN`.
    static func marks(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
