/// Splits text into search tokens with UTF-8 byte offsets into the original text.
///
/// Runs of CJK characters become overlapping bigrams (the position stream; a run of one character
/// is a unigram). Indexed text (`.index`, and `.document`) also gets:
/// - its runs' last characters as unigrams colocated with the last bigram, so every character
///   starts some token and a one-character query is a prefix query (`"办" *`) that finds it
///   anywhere (a unigram beside every bigram doubled the postings for the rare one-character
///   query: 10,000 notices, 199 → 108 MB);
/// - every later start of a letter/digit run, colocated and cut to `suffixLength` characters, so
///   infixes are prefixes of some token;
/// - a marker token before each CJK run that follows other tokens, so phrases do not span runs.
///
/// `.document` adds ICU dictionary words of three or more characters, colocated with the bigram
/// they start at: terms of the diff's vectors, which no query reads. Runs of other letters and
/// digits are one token each. Everything is folded with `SearchFolding` (Traditional→Simplified,
/// full-width → ASCII, lower case); punctuation and spaces separate tokens and are never tokens.
///
/// Not thread-safe (buffers are reused): use one tokenizer per thread or connection.
public final class Tokenizer {
    public enum Mode: Sendable {
        /// Text being compared (the diff's terms): `.index`'s tokens plus ICU words.
        case document
        /// Text being indexed: bigrams, each run's last character, run markers and the later
        /// starts of letter/digit runs. No ICU words: no query reads them, and breaking every
        /// indexed text into words was 7% of indexing.
        case index
        /// Query text: the position stream only.
        case query
    }

    private let breaker = WordBreaker()
    private var units: [UInt16] = []
    /// UTF-8 offset of each UTF-16 unit, plus one entry for the end.
    private var offsets: [Int] = []
    private var runStarts: [Int] = []
    private var wordStarts: [Int] = []
    private var wordEnds: [Int] = []
    private var bytes: [UInt8] = []

    public init() {}

    /// Calls `emit(tokenBytes, start, end, colocated)` for each token of the UTF-8 `text`; `emit`
    /// returns false to stop. Invalid UTF-8 bytes are treated as separators.
    public func tokenize(utf8 text: UnsafeBufferPointer<UInt8>, mode: Mode,
                         emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) {
        decode(text)
        SearchFolding.fold(&units)
        if mode == .document { findWords() } else { wordStarts.removeAll(keepingCapacity: true) }
        var nextWord = 0
        var i = 0
        var emitted = false
        let n = units.count
        while i < n {
            let (scalar, width) = scalarAt(i)
            if Self.isCJK(scalar) {
                // A run after other tokens starts one position on (an unmatched marker token), so
                // a phrase of bigrams matches only characters written side by side: "安稳，办" and
                // "安稳。稳办" do not hold the phrase 安稳 稳办.
                if mode != .query, emitted, !sendMarker(at: i, emit) { return }
                runStarts.removeAll(keepingCapacity: true)
                var j = i
                while j < n {
                    let (s, w) = scalarAt(j)
                    guard Self.isCJK(s) else { break }
                    runStarts.append(j)
                    j += w
                }
                runStarts.append(j)   // end sentinel
                let chars = runStarts.count - 1
                if chars == 1 {
                    if !send(i, j, false, emit) { return }
                } else {
                    for c in 0..<(chars - 1) {
                        let s = runStarts[c]
                        if !send(s, runStarts[c + 2], false, emit) { return }
                        guard mode != .query else { continue }
                        while nextWord < wordStarts.count, wordStarts[nextWord] < s { nextWord += 1 }
                        while nextWord < wordStarts.count, wordStarts[nextWord] == s {
                            if !send(s, wordEnds[nextWord], true, emit) { return }
                            nextWord += 1
                        }
                        if c == chars - 2, !send(runStarts[c + 1], j, true, emit) { return }
                    }
                }
                i = j
            } else if Self.isWordScalar(scalar) {
                var j = i + width
                while j < n {
                    let (s, w) = scalarAt(j)
                    guard !Self.isCJK(s), Self.isWordScalar(s) else { break }
                    j += w
                }
                if !send(i, j, false, emit) { return }
                // Every later start of the run, colocated and cut to `suffixLength`: a prefix query
                // on them finds the run's infixes (PP in APP, 345 in 12345), from the index alone.
                if mode != .query {
                    var k = i + width
                    while k < j {
                        var end = k, taken = 0
                        while end < j, taken < Self.suffixLength { end += scalarAt(end).1; taken += 1 }
                        if !send(k, end, true, emit) { return }
                        k += scalarAt(k).1
                    }
                }
                i = j
            } else {
                i += width
                continue
            }
            emitted = true
        }
    }

    /// The longest infix of a letter/digit run the index finds by itself (longer ones are checked
    /// against the text).
    public static let suffixLength = 16

    /// The marker token between runs: no query text folds to it.
    static let marker: [UInt8] = Array(Token.marker.utf8)

    private func sendMarker(at i: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) -> Bool {
        Self.marker.withUnsafeBufferPointer { emit($0, offsets[i], offsets[i], false) }
    }

    /// The tokens of `s` (convenience for tests and query building).
    public func tokens(of s: String, mode: Mode) -> [Token] {
        var out: [Token] = []
        var copy = s
        copy.withUTF8 { buf in
            tokenize(utf8: buf, mode: mode) { bytes, start, end, colocated in
                out.append(Token(text: String(decoding: bytes, as: UTF8.self), start: start, end: end, colocated: colocated))
                return true
            }
        }
        return out
    }

    /// True for characters tokenized as CJK (bigrams): Han, kana, hangul.
    public static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F,
             0x3040...0x309F, 0x30A0...0x30FF, 0xAC00...0xD7AF, 0x3005, 0x3007:
            return true
        default:
            return false
        }
    }

    /// True for letters and digits other than CJK (these form word tokens).
    public static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// True when `s` contains at least one character that produces a token.
    public static func hasTokens(_ s: String) -> Bool {
        var units = s.utf16Units
        SearchFolding.fold(&units)
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars
        where isCJK(scalar.value) || isWordScalar(scalar.value) { return true }
        return false
    }

    // MARK: - Internals

    private func scalarAt(_ i: Int) -> (UInt32, Int) {
        let u = units[i]
        if u >= 0xD800, u < 0xDC00, i + 1 < units.count {
            let l = units[i + 1]
            if l >= 0xDC00, l < 0xE000 {
                return (0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(l) - 0xDC00), 2)
            }
        }
        return (UInt32(u), 1)
    }

    /// Encodes the folded units `[from, to)` as UTF-8 and hands them to `emit` with their
    /// original byte range.
    private func send(_ from: Int, _ to: Int, _ colocated: Bool,
                      _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        var i = from
        while i < to {
            let (v, w) = scalarAt(i)
            appendUTF8(v)
            i += w
        }
        return bytes.withUnsafeBufferPointer { emit($0, offsets[from], offsets[to], colocated) }
    }

    private func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// UTF-8 → UTF-16 `units` with the byte offset of each unit; an invalid byte becomes U+FFFD.
    private func decode(_ text: UnsafeBufferPointer<UInt8>) {
        units.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        let n = text.count
        var i = 0
        while i < n {
            let b0 = UInt32(text[i])
            var v: UInt32 = 0xFFFD
            var len = 1
            if b0 < 0x80 {
                v = b0
            } else if b0 & 0xE0 == 0xC0, i + 1 < n, text[i + 1] & 0xC0 == 0x80 {
                v = ((b0 & 0x1F) << 6) | UInt32(text[i + 1] & 0x3F)
                len = 2
            } else if b0 & 0xF0 == 0xE0, i + 2 < n, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
                v = ((b0 & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
                len = 3
            } else if b0 & 0xF8 == 0xF0, i + 3 < n, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80,
                      text[i + 3] & 0xC0 == 0x80 {
                v = ((b0 & 0x07) << 18) | (UInt32(text[i + 1] & 0x3F) << 12)
                    | (UInt32(text[i + 2] & 0x3F) << 6) | UInt32(text[i + 3] & 0x3F)
                len = 4
            }
            if v >= 0x10000, v <= 0x10FFFF {
                units.append(UInt16(0xD800 + ((v - 0x10000) >> 10)))
                units.append(UInt16(0xDC00 + ((v - 0x10000) & 0x3FF)))
                offsets.append(i)
                offsets.append(i)
            } else {
                units.append(v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) ? 0xFFFD : UInt16(v))
                offsets.append(i)
            }
            i += len
        }
        offsets.append(n)
    }

    /// ICU dictionary words of three or more characters over the folded text, in order.
    private func findWords() {
        wordStarts.removeAll(keepingCapacity: true)
        wordEnds.removeAll(keepingCapacity: true)
        units.withUnsafeBufferPointer { buf in
            breaker.segments(of: buf) { start, end, kind in
                guard kind == .ideographic, end - start >= 3 else { return }
                for k in start..<end where !Self.isCJK(UInt32(buf[k])) && !(buf[k] >= 0xD800 && buf[k] < 0xE000) { return }
                wordStarts.append(start)
                wordEnds.append(end)
            }
        }
    }
}
