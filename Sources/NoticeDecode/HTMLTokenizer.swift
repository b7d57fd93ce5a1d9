/// A small, forgiving HTML tokenizer over UTF-8 bytes: text, start tags (with attributes), end tags.
/// Comments, doctypes and processing instructions are dropped; the content of `<script>`, `<style>`
/// and the like is skipped whole.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Raw text, entities not yet decoded.
        case text(String)
        case startTag(name: String, attributes: [String: String], selfClosing: Bool)
        case endTag(name: String)
    }

    /// Elements whose content is not markup; the tokenizer drops it up to the matching end tag.
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "template"]

    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Token? {
        guard position < bytes.count else { return nil }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), let token = markup() {
                if let token { return token }
                continue
            }
            return text()
        }
        return nil
    }

    // MARK: - Pieces

    private mutating func text() -> Token {
        let start = position
        position += 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), position + 1 < bytes.count, startsMarkup(bytes[position + 1]) { break }
            position += 1
        }
        return .text(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private func startsMarkup(_ b: UInt8) -> Bool {
        isLetter(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    /// At "<": returns .some(token) for a tag, .some(nil) for something skipped (comment, doctype),
    /// nil when the "<" is plain text.
    private mutating func markup() -> Token?? {
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: position) {
                position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
            } else if matchesIgnoringCase("<![cdata[", at: position) {
                position = find("]]>", from: position + 9).map { $0 + 3 } ?? bytes.count
            } else {
                position = findByte(UInt8(ascii: ">"), from: position).map { $0 + 1 } ?? bytes.count
            }
            return .some(nil)
        }
        if next == UInt8(ascii: "?") {
            position = findByte(UInt8(ascii: ">"), from: position).map { $0 + 1 } ?? bytes.count
            return .some(nil)
        }
        if next == UInt8(ascii: "/") {
            guard position + 2 < bytes.count, isLetter(bytes[position + 2]) else {
                position = findByte(UInt8(ascii: ">"), from: position).map { $0 + 1 } ?? bytes.count
                return .some(nil)
            }
            var i = position + 2
            let name = readName(&i)
            position = findByte(UInt8(ascii: ">"), from: i).map { $0 + 1 } ?? bytes.count
            return .some(.endTag(name: name))
        }
        guard isLetter(next) else { return nil }
        var i = position + 1
        let name = readName(&i)
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < bytes.count {
            skipSpace(&i)
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == UInt8(ascii: ">") { i += 1; break }
            if b == UInt8(ascii: "/") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") { selfClosing = true; i += 2; break }
                i += 1
                continue
            }
            let attrStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
                  !(bytes[i] == UInt8(ascii: "/") && i > attrStart) {
                i += 1
            }
            if i == attrStart { i += 1; continue }
            let attrName = String(decoding: bytes[attrStart..<i], as: UTF8.self).lowercased()
            skipSpace(&i)
            var value = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                skipSpace(&i)
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    let valueEnd = findByte(quote, from: valueStart) ?? bytes.count
                    value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                    i = min(valueEnd + 1, bytes.count)
                } else {
                    let valueStart = i
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
            }
            if attributes[attrName] == nil { attributes[attrName] = HTMLEntities.decode(value) }
        }
        position = i
        if Self.rawTextElements.contains(name), !selfClosing {
            skipRawText(of: name)
        }
        return .some(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
    }

    /// Moves past the content of a raw-text element and its end tag.
    private mutating func skipRawText(of name: String) {
        let closing = Array("</\(name)".utf8)
        var i = position
        while let found = findByte(UInt8(ascii: "<"), from: i) {
            if matchesIgnoringCase(closing, at: found) {
                let after = found + closing.count
                if after >= bytes.count || !isNameByte(bytes[after]) {
                    position = findByte(UInt8(ascii: ">"), from: after).map { $0 + 1 } ?? bytes.count
                    return
                }
            }
            i = found + 1
        }
        position = bytes.count
    }

    // MARK: - Byte helpers

    private func readName(_ i: inout Int) -> String {
        let start = i
        while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
    }

    private func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private func skipSpace(_ i: inout Int) {
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
    }

    private func findByte(_ b: UInt8, from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == b { return i }
            i += 1
        }
        return nil
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let n = Array(needle.utf8)
        var i = start
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], matches(n, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func matches(_ needle: String, at i: Int) -> Bool {
        matches(Array(needle.utf8), at: i)
    }

    private func matches(_ n: [UInt8], at i: Int) -> Bool {
        guard i + n.count <= bytes.count else { return false }
        for k in 0..<n.count where bytes[i + k] != n[k] { return false }
        return true
    }

    private func matchesIgnoringCase(_ needle: String, at i: Int) -> Bool {
        matchesIgnoringCase(Array(needle.utf8), at: i)
    }

    private func matchesIgnoringCase(_ n: [UInt8], at i: Int) -> Bool {
        guard i + n.count <= bytes.count else { return false }
        for k in 0..<n.count {
            var b = bytes[i + k]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            var c = n[k]
            if c >= 0x41 && c <= 0x5A { c += 0x20 }
            if b != c { return false }
        }
        return true
    }
}
