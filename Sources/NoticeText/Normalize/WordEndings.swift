import NoticeVocabulary

/// Whether a text ends with one of a list of words, answered as an ICU search for
/// `(?:word|word…)$` answers it (scalar by scalar, and before one final line terminator, where
/// ICU's `$` also matches), without running the expression at every position of the text: unit
/// names are asked this tens of thousands of times per thousand notices.
public struct WordEndings: Sendable {
    /// The words' scalars, by length in scalars.
    private let words: [Int: Set<[UInt32]>]
    private let longest: Int

    public init(_ words: [String]) {
        var byLength: [Int: Set<[UInt32]>] = [:]
        for w in words where !w.isEmpty {
            let scalars = w.unicodeScalars.map(\.value)
            byLength[scalars.count, default: []].insert(scalars)
        }
        self.words = byLength
        longest = byLength.keys.max() ?? 0
    }

    public func endsAny(_ text: String) -> Bool {
        // The last scalars, enough for the longest word after a final line terminator (\r\n is two).
        var tail: [UInt32] = []
        tail.reserveCapacity(longest + 2)
        for s in text.unicodeScalars.reversed() {
            tail.append(s.value)
            if tail.count == longest + 2 { break }
        }
        tail.reverse()
        if endsAny(tail) { return true }
        // ICU's `$` also matches before a line terminator that ends the input.
        guard let last = tail.last else { return false }
        if last == 0x0A, tail.count >= 2, tail[tail.count - 2] == 0x0D { return endsAny(tail.dropLast(2)) }
        if [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(last) { return endsAny(tail.dropLast()) }
        return false
    }

    private func endsAny<C: RandomAccessCollection>(_ scalars: C) -> Bool where C.Element == UInt32, C.Index == Int {
        for (length, set) in words where length <= scalars.count {
            if set.contains(Array(scalars[(scalars.endIndex - length)...])) { return true }
        }
        return false
    }
}

extension WordEndings {
    /// The endings of a document title (通知, 方案, 要点 …): a line ending with one ends its paragraph.
    public static let titles = WordEndings(GenreVocabulary.titleEndings)
}
