import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Best-effort automatic numbering of a .docx (`word/numbering.xml`): renders the label ("一、",
/// "（一）", "1.") a numbered paragraph shows. Numbering inherited through styles is not recovered.
struct DocxNumbering {
    struct Level: Sendable {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var numAbstract: [String: String] = [:]
    private var startOverrides: [String: [Int: Int]] = [:]
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(xml: Data) {
        let delegate = NumberingXMLReader()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        abstractLevels = delegate.abstractLevels
        numAbstract = delegate.numAbstract
        startOverrides = delegate.startOverrides
    }

    /// The label of the next paragraph numbered (`numId`, `ilvl`); "" for bullets, unknown lists, numId 0.
    mutating func label(numId: String, level ilvl: Int) -> String {
        guard numId != "0", let abstractId = numAbstract[numId], let levels = abstractLevels[abstractId],
              let level = levels[ilvl] else { return "" }
        var counts = counters[numId] ?? [:]
        let first = startOverrides[numId]?[ilvl] ?? level.start
        counts[ilvl] = min((counts[ilvl] ?? (first - 1)) + 1, 1_000_000)
        for deeper in counts.keys where deeper > ilvl { counts[deeper] = nil }
        counters[numId] = counts
        if level.format == "bullet" || level.format == "none" { return "" }
        var out = ""
        let chars = Array(level.text)
        var i = 0
        while i < chars.count {
            if chars[i] == "%", i + 1 < chars.count, let digit = chars[i + 1].wholeNumberValue, digit >= 1 {
                let referenced = digit - 1
                let refLevel = levels[referenced] ?? level
                let value = counts[referenced] ?? (startOverrides[numId]?[referenced] ?? refLevel.start)
                out += Self.format(value, as: refLevel.format)
                i += 2
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    // MARK: - Number formats

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "decimal", "ordinal", "cardinalText", "ordinalText": return String(n)
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0)!) })
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
             "ideographDigital", "japaneseCounting":
            return chinese(n)
        case "chineseLegalSimplified": return chinese(n, digits: Array("零壹贰叁肆伍陆柒捌玖"), units: ["", "拾", "佰", "仟"])
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return n >= 1 && n <= 10 ? String(stems[n - 1]) : String(n)
        case "ideographZodiac":
            let branches = Array("子丑寅卯辰巳午未申酉戌亥")
            return n >= 1 && n <= 12 ? String(branches[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            if n >= 1 && n <= 20 { return String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) }
            return String(n)
        case "decimalEnclosedParen":
            if n >= 1 && n <= 20 { return String(Character(Unicode.Scalar(0x2474 + UInt32(n - 1))!)) }
            return "(\(n))"
        case "decimalEnclosedFullstop":
            if n >= 1 && n <= 20 { return String(Character(Unicode.Scalar(0x2488 + UInt32(n - 1))!)) }
            return "\(n)."
        case "upperLetter", "lowerLetter":
            guard n >= 1, n <= 26 * 10 else { return String(n) }
            let letter = Character(Unicode.Scalar(UInt32((format == "upperLetter" ? 65 : 97) + (n - 1) % 26))!)
            return String(repeating: String(letter), count: (n - 1) / 26 + 1)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chinese(_ n: Int, digits: [Character] = Array("零一二三四五六七八九"),
                        units: [String] = ["", "十", "百", "千"]) -> String {
        guard n > 0, n < 10_000 else { return String(n) }
        var out = ""
        var zeroPending = false
        let ds = String(n).compactMap { $0.wholeNumberValue }
        for (index, d) in ds.enumerated() {
            let unit = units[ds.count - 1 - index]
            if d == 0 {
                zeroPending = !out.isEmpty
                continue
            }
            if zeroPending { out.append(digits[0]); zeroPending = false }
            // 十二 rather than 一十二 for the common 10-19.
            if !(d == 1 && unit == units[1] && out.isEmpty && units[1] == "十") { out.append(digits[d]) }
            out += unit
        }
        return out
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value { out += symbol; rest -= value }
        }
        return out
    }
}

/// Reads abstract numbering levels and num → abstractNum links from numbering.xml.
private final class NumberingXMLReader: NSObject, XMLParserDelegate {
    var abstractLevels: [String: [Int: DocxNumbering.Level]] = [:]
    var numAbstract: [String: String] = [:]
    var startOverrides: [String: [Int: Int]] = [:]

    private var abstractId: String?
    private var numId: String?
    private var level: Int?
    private var current = DocxNumbering.Level()
    private var overrideLevel: Int?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let name = DocxDocumentParser.localName(elementName)
        let val = DocxDocumentParser.attribute("val", in: attributeDict)
        switch name {
        case "abstractNum": abstractId = DocxDocumentParser.attribute("abstractNumId", in: attributeDict)
        case "num": numId = DocxDocumentParser.attribute("numId", in: attributeDict)
        case "lvl" where abstractId != nil:
            level = DocxDocumentParser.attribute("ilvl", in: attributeDict).flatMap { Int($0) }
            current = DocxNumbering.Level()
        case "start" where level != nil: current.start = max(0, min(val.flatMap { Int($0) } ?? 1, 100_000))
        case "numFmt" where level != nil: current.format = val ?? "decimal"
        case "lvlText" where level != nil: current.text = val ?? ""
        case "abstractNumId" where numId != nil: if let numId, let val { numAbstract[numId] = val }
        case "lvlOverride" where numId != nil:
            overrideLevel = DocxDocumentParser.attribute("ilvl", in: attributeDict).flatMap { Int($0) }
        case "startOverride":
            if let numId, let overrideLevel, let start = val.flatMap({ Int($0) }) {
                startOverrides[numId, default: [:]][overrideLevel] = max(0, min(start, 100_000))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch DocxDocumentParser.localName(elementName) {
        case "lvl":
            if let abstractId, let level { abstractLevels[abstractId, default: [:]][level] = current }
            level = nil
        case "abstractNum": abstractId = nil
        case "num": numId = nil
        case "lvlOverride": overrideLevel = nil
        default: break
        }
    }
}
