import Foundation

/// Bytes of a text file → text: BOM-marked UTF-8/UTF-16, UTF-8, or a legacy Chinese encoding
/// (GB18030/GBK/GB2312, Big5) found with ICU. Rejects binary files.
enum PlainTextDecoder {
    struct Result: Sendable {
        var text: String
        var format: String
        var warnings: [String] = []
    }

    /// At most this share of a UTF-8 text may be invalid bytes for it to be read with them
    /// replaced (a file with one damaged byte is a UTF-8 notice, not an unknown encoding).
    static let repairableShare = 0.001

    static func decode(_ data: Data, fileName: String) throws -> Result {
        let bytes = [UInt8](data)
        if bytes.isEmpty { throw DecodeError.empty(path: fileName) }
        if let unicode = try decodeMarked(bytes, fileName: fileName) { return unicode }
        if isBinary(bytes) { throw DecodeError.binary(path: fileName) }
        if let text = String(validatingUTF8Bytes: bytes) {
            return Result(text: TextLines.normalizeLineEndings(text), format: "utf-8")
        }
        // UTF-8 with a few damaged bytes (a GBK file has invalid sequences everywhere).
        let invalid = invalidUTF8Offsets(bytes)
        if !invalid.isEmpty, Double(invalid.count) <= max(1, repairableShare * Double(bytes.count)) {
            let text = String(decoding: bytes, as: UTF8.self)
            let first = invalid.prefix(3).map { "byte \($0)" }.joined(separator: ", ")
            return Result(text: TextLines.normalizeLineEndings(text), format: "utf-8",
                          warnings: ["\(fileName): \(invalid.count) invalid UTF-8 byte\(invalid.count == 1 ? "" : "s") replaced with U+FFFD (at \(first)\(invalid.count > 3 ? ", …" : ""))"])
        }
        if let legacy = LegacyCharset.decode(bytes) {
            return Result(text: TextLines.normalizeLineEndings(stripBOM(legacy.text)), format: legacy.format)
        }
        let reason = LegacyCharset.looksDoubleByte(bytes)
            ? "not UTF-8, and no strict GB18030 or Big5 conversion"
            : "not UTF-8, and no known legacy encoding converts it cleanly"
        throw DecodeError.undecodable(path: fileName, reason: reason)
    }

    /// UTF-8 or UTF-16 text announced by a byte-order mark; nil when there is no BOM.
    static func decodeMarked(_ bytes: [UInt8], fileName: String) throws -> Result? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes[3...])
            if body.isEmpty { throw DecodeError.empty(path: fileName) }
            if isBinary(body) { throw DecodeError.binary(path: fileName) }
            guard let text = String(validatingUTF8Bytes: body) else {
                throw DecodeError.undecodable(path: fileName, reason: "UTF-8 byte-order mark but invalid UTF-8")
            }
            return Result(text: TextLines.normalizeLineEndings(text), format: "utf-8")
        }
        let littleEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) {
            littleEndian = true
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            littleEndian = false
        } else {
            return nil
        }
        let body = bytes.dropFirst(2)
        if body.isEmpty { throw DecodeError.empty(path: fileName) }
        guard body.count % 2 == 0 else {
            throw DecodeError.undecodable(path: fileName, reason: "UTF-16 byte-order mark but an odd number of bytes")
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                throw DecodeError.undecodable(path: fileName, reason: "UTF-16 byte-order mark but unpaired surrogates")
            }
        }
        let text = String(scalars)
        if isBinaryText(text) { throw DecodeError.binary(path: fileName) }
        return Result(text: TextLines.normalizeLineEndings(text), format: "utf-16")
    }

    /// NUL bytes, or more than 10% control bytes other than tab, line feed, carriage return, form feed
    /// and escape (used by ISO-2022), in the first megabyte.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        let end = min(bytes.count, 1 << 20)
        var controls = 0
        for i in 0..<end {
            let b = bytes[i]
            if b == 0 { return true }
            if b < 0x20 || b == 0x7F {
                if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x1B { continue }
                controls += 1
            }
        }
        return controls * 10 > end
    }

    static func isBinaryText(_ text: String) -> Bool {
        var controls = 0, total = 0
        for scalar in text.unicodeScalars.prefix(1 << 20) {
            total += 1
            let v = scalar.value
            if v == 0 { return true }
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C && v != 0x1B { controls += 1 }
        }
        return controls * 10 > total
    }

    static func stripBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }
}

extension String {
    /// The string for `bytes` when they are valid UTF-8 (no repair), else nil.
    init?(validatingUTF8Bytes bytes: some Collection<UInt8>) {
        guard PlainTextDecoder.isValidUTF8(bytes) else { return nil }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension PlainTextDecoder {
    /// Offsets of the bytes that start an invalid UTF-8 sequence.
    static func invalidUTF8Offsets(_ bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  (1..<length).allSatisfy({ bytes[i + $0] >> 6 == 0b10 }),
                  String(validatingUTF8Bytes: bytes[i..<(i + length)]) != nil else {
                out.append(i)
                i += 1
                continue
            }
            i += length
        }
        return out
    }

    /// Whether `bytes` are well-formed UTF-8.
    static func isValidUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
