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

    /// The SQL list `(?,?,…)` of `values` and its arguments, padded to a power of two by repeating
    /// the last value (a repeat in `IN` changes nothing): the statements are cached, and a cached
    /// statement for every list length would pile up in a long-lived server.
    static func sql<V: DatabaseValueConvertible>(_ values: [V]) -> (list: String, arguments: StatementArguments) {
        guard let last = values.last else { return ("()", []) }
        var size = 1
        while size < values.count { size <<= 1 }
        return (marks(size), StatementArguments(values + Array(repeating: last, count: size - values.count)))
    }

    /// `(?,?,…)`: a list of `count` parameters, for `IN`.
    static func marks(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
