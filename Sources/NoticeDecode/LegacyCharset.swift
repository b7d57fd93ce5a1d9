import CICU

/// Converts bytes in legacy (non-Unicode) encodings with ICU, choosing among candidate charsets.
///
/// ICU's detector is unreliable on short texts, so its answer is only one candidate: bytes that look
/// like double-byte CJK are also tried strictly as GB18030 (a superset of GBK and GB2312) and Big5,
/// and the strict conversion with the best "looks like Chinese" score wins.
enum LegacyCharset {
    struct Result: Sendable {
        var text: String
        /// Lower-case name reported as the file's format: "gb18030", "big5", or another ICU name.
        var format: String
    }

    /// ICU's guess for `bytes` (first 64 KB) and its confidence 0-100, or nil.
    static func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        let sample = bytes.count > 65_536 ? Array(bytes[0..<65_536]) : bytes
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cicu_detect_charset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count))
            }
        }
        guard confidence >= 0 else { return nil }
        let text = String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? nil : (text, Int(confidence))
    }

    /// Converts `bytes` from `charset`; nil for an unknown charset or, when `strict`, for illegal or
    /// unmappable sequences.
    static func convert(_ bytes: [UInt8], from charset: String, strict: Bool = true) -> String? {
        if bytes.isEmpty { return "" }
        guard bytes.count < Int(Int32.max / 2) else { return nil }
        // A byte never yields more than one UTF-16 unit, except 4-byte sequences which yield two.
        var capacity = bytes.count + 16
        for _ in 0..<2 {
            var units = [UInt16](repeating: 0, count: capacity)
            let needed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    cicu_convert_to_utf16(charset, chars.baseAddress, Int32(chars.count),
                                          &units, Int32(capacity), strict ? 1 : 0)
                }
            }
            if needed < 0 { return nil }
            if Int(needed) <= capacity {
                return String(decoding: units[0..<Int(needed)], as: UTF16.self)
            }
            capacity = Int(needed) + 16
        }
        return nil
    }

    /// Whether most bytes ≥ 0x80 come in lead/trail pairs, as in GB18030, GBK, Big5. Accented Latin
    /// letters followed by ASCII letters pair up too, so a good share of the pairs must also have a
    /// trail byte ≥ 0x80 (all of GB2312, most of Big5; rare in Western text).
    static func looksDoubleByte(_ bytes: [UInt8]) -> Bool {
        var pairs = 0, highPairs = 0, high = 0, i = 0
        let end = min(bytes.count, 1 << 20)
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0x81, b <= 0xFE, i + 1 < end {
                let t = bytes[i + 1]
                if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE) || (t >= 0x30 && t <= 0x39) {
                    pairs += 1
                    if t >= 0x80 { highPairs += 1 }
                    high += 2
                    i += 2
                    continue
                }
            }
            high += 1
            i += 1
        }
        return high > 0 && pairs * 2 * 10 >= high * 7 && highPairs * 2 * 10 >= high * 3
    }

    /// Bytes ≥ 0x80 as a share of the bytes that are not ASCII whitespace (first megabyte).
    static func highByteShare(_ bytes: [UInt8]) -> Double {
        var high = 0, counted = 0
        for b in bytes.prefix(1 << 20) where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) {
            counted += 1
            if b >= 0x80 { high += 1 }
        }
        return counted == 0 ? 0 : Double(high) / Double(counted)
    }

    /// Multi-byte East Asian charsets the detector may name and that are worth a strict try.
    private static let cjkDetectorAnswers: Set<String> = [
        "gb18030", "big5", "euc-jp", "shift_jis", "euc-kr", "iso-2022-cn", "iso-2022-jp", "iso-2022-kr",
    ]

    /// Decodes bytes that are neither UTF-8 nor BOM-marked UTF-16; nil when no candidate converts cleanly.
    static func decode(_ bytes: [UInt8]) -> Result? {
        let detected = detect(bytes)
        let detectedName = detected.map { $0.name.lowercased() }
        var candidates: [String] = []
        if looksDoubleByte(bytes) {
            candidates = ["GB18030", "Big5"]
            if let name = detected?.name, let lower = detectedName, cjkDetectorAnswers.contains(lower),
               !candidates.contains(where: { $0.lowercased() == lower }) {
                candidates.append(name)
            }
        } else {
            // Mostly single high bytes: ISO-2022 escapes, or (trusted only when accented letters are a
            // small share of the text) a single-byte Western charset. Single-byte charsets accept any
            // bytes, so a file of mostly high bytes here is damage, not Latin-1.
            if let name = detected?.name, let lower = detectedName, !lower.hasPrefix("utf") {
                if cjkDetectorAnswers.contains(lower) {
                    candidates.append(name)
                } else if (detected?.confidence ?? 0) >= 30, highByteShare(bytes) <= 0.25 {
                    candidates.append(name)
                }
            }
            for fallback in ["GB18030", "Big5"] where !candidates.contains(where: { $0.lowercased() == fallback.lowercased() }) {
                candidates.append(fallback)
            }
        }
        var best: (result: Result, score: Int)?
        for charset in candidates {
            guard let text = convert(bytes, from: charset, strict: true), isPlausible(text) else { continue }
            let score = chineseScore(text)
            if best == nil || score > best!.score {
                best = (Result(text: text, format: formatName(charset)), score)
            }
        }
        return best?.result
    }

    /// Rejects conversions that "succeeded" only through mappings of stray bytes: control characters
    /// (Windows code pages map 0x80 to U+0080), U+FFFD, or more than a few private-use characters
    /// (0xFF → U+F8F8; user-defined GB/Big5 codes are real but rare).
    static func isPlausible(_ text: String) -> Bool {
        var privateUse = 0, ideographs = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
            case 0x00..<0x20, 0x7F..<0xA0, 0xFFFD: return false
            case 0xE000...0xF8FF, 0xF0000...: privateUse += 1
            case 0x3400...0x9FFF, 0x20000...0x3FFFF: ideographs += 1
            default: continue
            }
        }
        return privateUse <= max(2, ideographs / 50)
    }

    static func formatName(_ charset: String) -> String {
        let lower = charset.lowercased()
        switch lower {
        case "gb18030", "gbk", "gb2312", "cp936", "windows-936": return "gb18030"
        case "big5", "big5-hkscs", "cp950", "windows-950": return "big5"
        default: return lower
        }
    }

    /// Higher for text that reads like Chinese; lowered by characters that mis-decoding produces
    /// (private use, kana, Greek/Cyrillic, box drawing, Hangul, rare ideographs, controls, U+FFFD).
    static func chineseScore(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00..<0x20, 0x7F..<0xA0, 0xFFFD: score -= 5
            case 0x20..<0x7F: break
            case 0x4E00...0x9FFF: score += 2
            case 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x203F: score += 1
            case 0xE000...0xF8FF, 0xF0000...: score -= 6
            case 0x3040...0x30FF, 0x3100...0x312F: score -= 3
            case 0x0370...0x04FF, 0x2500...0x259F, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: score -= 3
            case 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF: score -= 2
            case 0x00A0...0x036F: score -= 1
            default: break
            }
        }
        return score
    }
}
