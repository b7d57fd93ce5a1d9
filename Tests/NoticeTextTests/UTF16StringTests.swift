import Foundation
import Testing
@testable import NoticeText

/// `String(utf16Units:)` is the standard decoder's answer, faster: ASCII, two- and three-byte
/// forms, surrogate pairs, and lone or reversed surrogates (U+FFFD), over random unit sequences.
@Suite struct UTF16StringTests {
    @Test func equalsTheStandardDecoderOnRandomUnits() {
        let interesting: [UInt16] = [0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0x3000, 0xFF0C, 0xFFFF,
                                     0xD83D, 0xDE00, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x0A, 0x00]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let units = (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                Bool.random(using: &generator) ? interesting.randomElement(using: &generator)!
                                               : UInt16.random(in: 0...0xFFFF, using: &generator)
            }
            #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self), "\(units)")
        }
        #expect(String(utf16Units: Array("牵头单位：安稳办😀".utf16)) == "牵头单位：安稳办😀")
        #expect(String(utf16Units: [UInt16]()) == "")
    }

    /// `utf16Units` is `Array(utf16)` and `containsUTF16(anyOf:)` its `contains`, on random
    /// strings of one- to four-byte characters.
    @Test func utf16UnitsAreTheUTF16View() {
        let pieces = ["a", "\u{7F}", "é", "\u{7FF}", "\u{800}", "牵头", "：", "\u{FFFF}", "😀", "𠀀", "e\u{301}", "\n", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(s.utf16Units == Array(s.utf16), "\(Array(s.unicodeScalars))")
            let wanted = Array("：é😀".utf16.prefix(2))
            #expect(s.containsUTF16(anyOf: UnitSet(wanted)) == s.utf16.contains(where: wanted.contains), "\(Array(s.unicodeScalars))")
        }
    }

    /// `isLonger(than:)` is `count >` on strings of graphemes of one to many bytes (\r\n and a
    /// combining accent are one character each), and on substrings.
    @Test func isLongerIsCountCompared() {
        let pieces = ["a", "牵", "😀", "e\u{301}", "\r\n", "\u{301}", "👨‍👩‍👧", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let n = Int.random(in: 0...14, using: &generator)
            #expect(s.isLonger(than: n) == (s.count > n), "\(Array(s.unicodeScalars)) \(n)")
            let sub = s.dropFirst()
            #expect(sub.isLonger(than: n) == (sub.count > n))
        }
    }

    @Test func trimmingWhitespaceIsFoundationsOnRandomStrings() {
        let pieces = [" ", "\t", "\u{3000}", "\u{A0}", "\u{2009}", "\u{200B}", "\n", "牵头", "a", "，", "e\u{301}", "\u{301}", "😀", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            let sub = s.dropFirst()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The newline-trimming and character-list forms trim what Foundation's sets trim: every
    /// BMP scalar alone, and random strings with marks that join a trimmed scalar's neighbour.
    @Test func trimmingNewlinesAndListedCharactersIsFoundations() {
        for v in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            #expect(s.trimmingWhitespaceAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(v, radix: 16))")
        }
        let listed = " 　:：。.\"“”‘’「」|（()）"
        let pieces = [" ", "\u{3000}", "\n", "\r\n", "\u{85}", "\u{2028}", "：", "。", "（", "）", "“", "牵头", "e\u{301}", "\u{301}", "😀", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(s.trimmingWhitespaceAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(s.unicodeScalars))")
            #expect(s.trimming(anyOf: listed) == s.trimmingCharacters(in: CharacterSet(charactersIn: listed)), "\(Array(s.unicodeScalars))")
        }
    }

    /// A one-character class's offsets found by a scan are the expression's matches: BMP and
    /// supplementary characters, and a newline.
    @Test func offsetsOfCharactersAreTheClassMatches() {
        let breaks = "。；;，,\n（）"
        let cls = TextPattern("[。；;，,\\n（）]")
        let pieces = ["。", "；", ";", "，", ",", "\n", "（", "）", "牵头", "𠀀", "a", "😀", "e\u{301}", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1000 {
            let s = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(s.utf16Offsets(ofAny: UnitSet(breaks.utf16)) == cls.matches(in: s).map(\.range.location), "\(s)")
        }
    }

    /// A text ends with one of a list of words exactly when the expression `(?:words)$` finds
    /// them: words that end other words, a final line terminator (which ICU's `$` steps over),
    /// supplementary characters and marks.
    @Test func wordEndingsAreTheExpressionsAnswer() {
        let words = ["科", "科室", "办", "办公室", "中心", "领导小组", "𠀀站"]
        let endings = WordEndings(words)
        let expression = TextPattern("(?:" + words.sorted { $0.count > $1.count }.joined(separator: "|") + ")$")
        let pieces = ["科", "室", "办", "公", "中心", "领导", "小组", "𠀀", "站", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "a", "\u{301}", " "]
        var generator = SystemRandomNumberGenerator()
        var ending = 0
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let answer = expression.contains(in: s)
            #expect(endings.endsAny(s) == answer, "\(Array(s.unicodeScalars))")
            if answer { ending += 1 }
        }
        #expect(ending > 300)
    }

    /// The pieces between breaks are the text cut at each break: empty pieces kept, the break
    /// characters left out, offsets in UTF-16 (a supplementary character counts two).
    @Test func piecesBetweenBreaksRebuildTheText() {
        let breaks = UnitSet("，,。".utf16)
        #expect("甲，乙,,😀。".utf16Pieces(separatedBy: breaks) == [NSRange(location: 0, length: 1), NSRange(location: 2, length: 1),
                                                                  NSRange(location: 4, length: 0), NSRange(location: 5, length: 2),
                                                                  NSRange(location: 8, length: 0)])
        #expect("".utf16Pieces(separatedBy: breaks) == [NSRange(location: 0, length: 0)])
        let text = "医政科，办公室。信访办,"
        let pieces = text.utf16Pieces(separatedBy: breaks).map { text.substring(utf16: $0) }
        #expect(pieces == ["医政科", "办公室", "信访办", ""])
    }

    /// A text's unit presence never says "none" of units it holds, and says it of most it lacks
    /// (random Han texts: the hashed bits collide only now and then).
    @Test func unitPresenceNeverMissesAUnit() {
        var generator = SystemRandomNumberGenerator()
        var saidNone = 0, lacking = 0
        for _ in 0..<2000 {
            let units = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt16.random(in: 0x4E00...0x9FFF, using: &generator) }
            let wanted = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt16.random(in: 0x4E00...0x9FFF, using: &generator) }
            let holds = wanted.contains { units.contains($0) }
            let maybe = TextPattern.Prepared(String(decoding: units, as: UTF16.self)).mayHoldAny(UnitSet(wanted))
            #expect(maybe || !holds, "\(wanted)")
            if !holds { lacking += 1; if !maybe { saidNone += 1 } }
        }
        #expect(saidNone * 10 > lacking * 7, "\(saidNone) of \(lacking)")
    }

    /// `substring(utf16:)` is NSString's `substring(with:)` for every range on scalar boundaries.
    @Test func substringByUTF16RangeIsNSStrings() {
        let pieces = ["牵头单位", "：", "a", "😀", "e\u{301}", " ", "（安稳办）"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let s = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let ns = s as NSString
            var bounds = [0]
            for scalar in s.unicodeScalars { bounds.append(bounds.last! + scalar.utf16.count) }
            let a = bounds.randomElement(using: &generator)!, b = bounds.randomElement(using: &generator)!
            let r = NSRange(location: min(a, b), length: abs(a - b))
            #expect(s.substring(utf16: r) == ns.substring(with: r))
            #expect(s.substring(utf16From: a) == ns.substring(from: a))
            #expect(s.substring(utf16To: b) == ns.substring(to: b))
        }
    }

    /// `contains` and `replacingOccurrences` with a String needle (NoticeText's byte search) give
    /// Foundation's answers on random texts of the pieces notices are made of.
    @Test func byteSearchIsFoundationsOnRandomStrings() {
        let pieces = ["牵头", "单位", "：", "，", "。", "|", " ", "\t", "a", "ab", "😀", "序号", "（", "）", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let s = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let replacement = pieces.randomElement(using: &generator)!
            let ns = s as NSString
            #expect(s.contains(needle) == (ns.range(of: needle).location != NSNotFound), "\(s) / \(needle)")
            #expect(s.dropFirst().contains(needle) == ((String(s.dropFirst()) as NSString).range(of: needle).location != NSNotFound))
            #expect(s.replacingOccurrences(of: needle, with: replacement) == ns.replacingOccurrences(of: needle, with: replacement),
                    "\(s) / \(needle) → \(replacement)")
            #expect(ByteSearch.count(of: needle, in: s) == (needle.isEmpty ? 0 : ns.components(separatedBy: needle).count - 1),
                    "\(s) / \(needle)")
        }
    }
}
