import CICU
import Foundation

/// Character-level folding: full-width forms to ASCII, spaces that PDF extraction puts between
/// Chinese characters, and a Simplified-Chinese folding key for matching Traditional text.
public enum TextFolding {
    /// Full-width digits, letters, %, +, - and the ideographic space become ASCII; Chinese
    /// punctuation (，。、；：（）) is kept as written.
    public static func foldWidth(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where isFoldable(u) { needs = true; break }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isFoldable(u) {
                if u.value == 0x3000 || u.value == 0xA0 { out.append(" ") } else if let small = smallForms[u.value] {
                    out.append(small)
                } else {
                    out.append(Unicode.Scalar(u.value - 0xFEE0)!)
                }
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Small form variants some pages use for item markers (1﹒) and list commas, as their
    /// ordinary forms (the same length in UTF-16, so offsets hold).
    private static let smallForms: [UInt32: Unicode.Scalar] = [
        0xFE50: "，", 0xFE51: "、", 0xFE52: ".", 0xFE54: "；", 0xFE55: "：",
    ]

    private static func isFoldable(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true   // ０-９ Ａ-Ｚ ａ-ｚ
        case 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F: return true              // ％ ＋ － ． ／
        case 0x3000, 0xA0: return true                                          // ideographic / no-break space
        case 0xFE50, 0xFE51, 0xFE52, 0xFE54, 0xFE55: return true                // ﹐ ﹑ ﹒ ﹔ ﹕ (small forms)
        default: return false
        }
    }

    /// Removes spaces next to Chinese characters or punctuation ("2023 年" → "2023年",
    /// "105 号" → "105号"); keeps one space between two ASCII words. Tabs are kept (table cells).
    public static func collapseSpaces(_ s: String) -> String {
        guard s.contains(" ") else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u == " " {
                var j = i
                while j < scalars.count, scalars[j] == " " { j += 1 }
                let before = out.last
                let after = j < scalars.count ? scalars[j] : nil
                if let b = before, let a = after, b.isASCII, a.isASCII, b != "\t", a != "\t" {
                    out.append(" ")
                }
                i = j
                continue
            }
            out.append(u)
            i += 1
        }
        return String(out)
    }

    /// A copy of `s` with Traditional characters replaced by Simplified ones, character by
    /// character, so that it has exactly the UTF-16 length of `s` and every offset carries over.
    public static func simplifiedKey(_ s: String) -> String {
        // Simplified text, the common case, is answered from its UTF-8 without a UTF-16 copy.
        guard s.containsUTF16(anyOf: TraditionalTable.shared.changing) else { return s }
        let units = s.utf16Units
        guard let mapped = TraditionalTable.shared.map(units) else { return s }
        return String(utf16Units: mapped)
    }

    /// Width-folded, space-collapsed and Simplified: the form labels and names are compared in.
    public static func matchingKey(_ s: String) -> String {
        simplifiedKey(collapseSpaces(foldWidth(s)))
    }

    private static let insertedPinyin = TextPattern("(?<=\\p{Han})[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8}[）)]")

    /// Text without the pinyin some mirror sites insert after characters (區(qū) → 區). Changes
    /// lengths: for classifying (headers, labels), never for offsets.
    public static func withoutPinyin(_ s: String) -> String {
        guard s.contains("(") || s.contains("（") else { return s }
        let ns = s as NSString
        var out = "", last = 0
        for m in insertedPinyin.matches(in: s) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}

/// Traditional → Simplified, one UTF-16 unit at a time; a character whose Simplified form is not
/// a single unit keeps its own form (offsets must not move). The table is ICU's
/// Traditional-Simplified transliteration of every unit, computed once and bundled
/// (Resources/traditional-simplified.txt): opening the transliterator took 12 ms, paid by every
/// command before its first answer. A test checks the file against ICU and rewrites it on request.
final class TraditionalTable: Sendable {
    static let shared = TraditionalTable()
    /// The range of units that can change: CJK Extension A and the Unified Ideographs.
    static let range = 0x3400..<0xA000

    /// Simplified unit of each unit in `range` (itself when unchanged).
    private let simplified: [UInt16]

    private init() {
        var table = (Self.range).map { UInt16($0) }
        for (from, to) in Self.bundledPairs() { table[Int(from) - Self.range.lowerBound] = to }
        simplified = table
        changing = UnitSet(Self.range.map { UInt16($0) }.filter { table[Int($0) - Self.range.lowerBound] != $0 })
    }

    /// The units that have another Simplified form: a text holding none is its own Simplified form.
    let changing: UnitSet

    /// The mapped units, or nil when no unit changed (Simplified text, the common case).
    func map(_ units: [UInt16]) -> [UInt16]? {
        var out: [UInt16]?
        for (i, u) in units.enumerated() where Self.range.contains(Int(u)) {
            let m = simplified[Int(u) - Self.range.lowerBound]
            if m != u {
                if out == nil { out = units }
                out![i] = m
            }
        }
        return out
    }

    /// The bundled (Traditional, Simplified) pairs: one "繁\t简" per line.
    static func bundledPairs() -> [(UInt16, UInt16)] {
        guard let url = Bundle.module.url(forResource: "traditional-simplified", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let units = Array(line.utf16)
            return units.count == 3 && units[1] == 0x09 ? (units[0], units[2]) : nil
        }
    }

    /// ICU's pairs, computed now (for the test that keeps the bundled file true).
    static func icuPairs() -> [(UInt16, UInt16)] {
        guard let t = cicu_transliterator_open("Traditional-Simplified") else { return [] }
        return range.compactMap { v -> (UInt16, UInt16)? in
            let u = UInt16(v)
            var buf: [UInt16] = [u, 0, 0, 0, 0, 0, 0, 0]
            let n = buf.withUnsafeMutableBufferPointer { p in cicu_transliterate(t, p.baseAddress, 1, Int32(p.count)) }
            return n == 1 && buf[0] != u ? (u, buf[0]) : nil
        }
    }

    /// The file's text for `pairs`.
    static func file(_ pairs: [(UInt16, UInt16)]) -> String {
        pairs.map { String(decoding: [$0.0, 0x09, $0.1], as: UTF16.self) + "\n" }.joined()
    }
}

extension String {
    /// The string without any `c` (a cheap character filter, unlike Foundation's string search).
    public func removingAll(_ c: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(c) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars where u != c { out.append(u) }
        return String(out)
    }
}
