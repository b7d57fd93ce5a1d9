import CICU

/// ICU's word-boundary iterator over a UTF-16 buffer: reports segment bounds and rule status
/// without creating a String per segment. Not thread-safe: use one breaker per thread.
public final class WordBreaker {
    /// The rule status ICU reports for a segment.
    public enum Kind: Sendable, Equatable {
        case none, number, letter, kana, ideographic

        init(status: Int32) {
            switch status {
            case Int32(CICU_WORD_IDEO)...: self = .ideographic
            case Int32(CICU_WORD_KANA)..<Int32(CICU_WORD_IDEO): self = .kana
            case Int32(CICU_WORD_LETTER)..<Int32(CICU_WORD_KANA): self = .letter
            case Int32(CICU_WORD_NUMBER)..<Int32(CICU_WORD_LETTER): self = .number
            default: self = .none
            }
        }
    }

    private let handle: OpaquePointer?

    /// Opens a breaker for `locale` ("zh" uses ICU's Chinese dictionary).
    public init(locale: String = "zh") {
        handle = cicu_word_breaker_open(locale)
    }

    deinit { cicu_word_breaker_close(handle) }

    /// Calls `body(start, end, kind)` for every segment of `text` (UTF-16 offsets, end exclusive).
    /// When ICU is unavailable the whole text is reported as one segment of kind `.none`.
    public func segments(of text: UnsafeBufferPointer<UInt16>, _ body: (Int, Int, Kind) -> Void) {
        guard text.count > 0 else { return }
        guard let handle, let base = text.baseAddress,
              cicu_word_breaker_set_text(handle, base, Int32(text.count)) == 0 else {
            body(0, text.count, .none)
            return
        }
        var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
        while cicu_word_breaker_next(handle, &start, &end, &status) == 1 {
            body(Int(start), Int(end), Kind(status: status))
        }
    }

    /// The word segments of `s` (convenience for query parsing and tests): ideographic, letter,
    /// number and kana segments, as strings.
    public func words(of s: String) -> [String] {
        let units = s.utf16Units
        var out: [String] = []
        units.withUnsafeBufferPointer { buf in
            segments(of: buf) { start, end, kind in
                guard kind != .none else { return }
                out.append(String(decoding: buf[start..<end], as: UTF16.self))
            }
        }
        return out
    }
}
