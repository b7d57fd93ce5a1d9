import Foundation

/// An HTML page → the text of the notice it shows. The bytes are decoded first (BOM, then valid UTF-8,
/// then a declared `<meta charset>` when it converts cleanly, else the plain-text rules), then tags
/// are stripped.
enum HTMLDecoder {
    static func decode(_ data: Data, fileName: String) throws -> DecodedText {
        let bytes = [UInt8](data)
        let text = try decodeBytes(bytes, fileName: fileName)
        let utf8 = Array(text.utf8)
        var lines = HTMLTextExtractor.lines(of: utf8)
        if lines.allSatisfy({ TextLines.collapseSpaces($0).isEmpty }) {
            // Class-based chrome removal took everything (e.g. a wrapper named "main-nav"): keep it.
            lines = HTMLTextExtractor.lines(of: utf8, dropsChromeByClass: false)
        }
        return DecodedText(text: TextLines.joinGenerated(lines), format: "html")
    }

    /// Whether bytes of a file with another extension are an HTML page.
    static func looksLikeHTML(_ data: Data) -> Bool {
        let head = data.prefix(2048)
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
              bytes[first] == UInt8(ascii: "<") else { return false }
        let lower = String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        return lower.contains("<html") || lower.contains("<!doctype html")
    }

    /// The page's text before tag stripping.
    static func decodeBytes(_ bytes: [UInt8], fileName: String) throws -> String {
        if let marked = try PlainTextDecoder.decodeMarked(bytes, fileName: fileName) { return marked.text }
        // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page claims (a common mislabel);
        // legacy Chinese text practically never validates as UTF-8.
        if let text = String(validatingUTF8Bytes: bytes) { return text }
        if let declared = declaredCharset(bytes), declared != "UTF-8" {
            let singleByteClaim = declared != "GB18030" && declared != "Big5" && LegacyCharset.looksDoubleByte(bytes)
            if !singleByteClaim, let text = LegacyCharset.convert(bytes, from: declared, strict: true) {
                return PlainTextDecoder.stripBOM(text)
            }
        }
        return try PlainTextDecoder.decode(Data(bytes), fileName: fileName).text
    }

    /// The ICU name of the charset a `<meta>` tag (or XML declaration) in the first 8 KB declares.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            .map { $0 >= 0x80 ? UInt8(ascii: "?") : $0 }, as: UTF8.self)
        var labels: [String] = []
        if head.hasPrefix("<?xml"), let end = head.firstIndex(of: ">") {
            labels += labelsAfter("encoding", in: String(head[..<end]))
        }
        var rest = head[...]
        while let meta = rest.range(of: "<meta") {
            let tagEnd = rest[meta.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            labels += labelsAfter("charset", in: String(rest[meta.upperBound..<tagEnd]))
            rest = rest[tagEnd...]
        }
        for label in labels {
            if let name = icuName(label) { return name }
        }
        return nil
    }

    private static func labelsAfter(_ key: String, in tag: String) -> [String] {
        var found: [String] = []
        var rest = tag[...]
        while let range = rest.range(of: key) {
            var i = range.upperBound
            while i < rest.endIndex, rest[i] == " " { i = rest.index(after: i) }
            guard i < rest.endIndex, rest[i] == "=" else { rest = rest[range.upperBound...]; continue }
            i = rest.index(after: i)
            while i < rest.endIndex, rest[i] == " " || rest[i] == "\"" || rest[i] == "'" { i = rest.index(after: i) }
            let start = i
            while i < rest.endIndex, rest[i].isLetter || rest[i].isNumber || "-_.:".contains(rest[i]) {
                i = rest.index(after: i)
            }
            if start < i { found.append(String(rest[start..<i])) }
            rest = rest[i...]
        }
        return found
    }

    /// Maps a declared label to the ICU converter to use; GB2312/GBK are read as their superset GB18030.
    static func icuName(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58":
            return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5", "cp950", "windows-950", "csbig5": return "Big5"
        case "utf-16", "utf-16le", "utf-16be", "unicode": return nil  // a real UTF-16 page has a BOM
        default:
            return LegacyCharset.convert(Array("a".utf8), from: label, strict: true) != nil ? label : nil
        }
    }
}
