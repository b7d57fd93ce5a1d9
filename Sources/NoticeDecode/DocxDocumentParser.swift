import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `word/document.xml`: each body paragraph becomes a line (runs' `w:t` text, `w:tab` → tab,
/// `w:br` → line break, automatic numbering rendered best effort); each table row becomes one
/// tab-separated line of its cells, with vertically merged cells repeating the text above and
/// `w:gridSpan` adding empty cells.
final class DocxDocumentParser: NSObject, XMLParserDelegate {
    static func lines(of xml: Data, numbering: DocxNumbering, fileName: String, part: String) throws -> [String] {
        let reader = DocxDocumentParser(numbering: numbering)
        // Fed as a stream, in chunks: handed all at once, libxml2 refuses a document over 10 MB
        // (its lookup limit) as not well-formed, long before the decoder's own size cap.
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        reader.finishOpenTables()
        // On Linux the parser recovers from errors and still reports success; its error then tells.
        if !parsed || (parser.parserError != nil && reader.lines.allSatisfy { $0.isEmpty }) {
            let line = parser.lineNumber
            throw DecodeError.malformedDocx(path: fileName, reason: "\(part) is not well-formed XML (line \(line))")
        }
        return reader.lines
    }

    /// "w:p" → "p".
    static func localName(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    /// The value of `w:<name>` (any prefix) in an element's attributes.
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes["w:" + name] { return value }
        for (key, value) in attributes where localName(key) == name { return value }
        return nil
    }

    // MARK: - State

    private struct Paragraph {
        var text = ""
        var numId: String?
        var level = 0
    }

    private enum VerticalMerge { case none, restart, `continue` }

    private struct Cell {
        var paragraphs: [String] = []
        var gridSpan = 1
        var merge = VerticalMerge.none
    }

    private struct Table {
        var lines: [String] = []
        var previousRow: [String] = []
        var row: [Cell]?
        var gridBefore = 0
        var cell: Cell?
    }

    private var numbering: DocxNumbering
    private(set) var lines: [String] = []
    private var elements: [String] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    /// Inside content that is not shown or is shown elsewhere (mc:Fallback, moved-from text).
    private var skipDepth = 0

    private init(numbering: DocxNumbering) {
        self.numbering = numbering
    }

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let name = Self.localName(elementName)
        let parent = elements.last
        elements.append(name)
        if name == "Fallback" || name == "moveFrom" || name == "pPrChange" || name == "rPrChange" || name == "tblPrChange" {
            skipDepth += 1
        }
        guard skipDepth == 0 else { return }
        let val = Self.attribute("val", in: attributeDict)
        switch name {
        case "p":
            paragraphs.append(Paragraph())
        case "tab" where parent == "r":
            appendText("\t")
        case "br" where parent == "r", "cr" where parent == "r":
            appendText("\n")
        case "noBreakHyphen" where parent == "r":
            appendText("-")
        case "ilvl" where parent == "numPr" && isParagraphProperty:
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].level = val.flatMap { Int($0) } ?? 0 }
        case "numId" where parent == "numPr" && isParagraphProperty:
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numId = val }
        case "tbl":
            tables.append(Table())
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].row = []
                tables[tables.count - 1].gridBefore = 0
            }
        case "gridBefore" where parent == "trPr":
            if !tables.isEmpty { tables[tables.count - 1].gridBefore = max(0, min(val.flatMap { Int($0) } ?? 0, 64)) }
        case "tc":
            if !tables.isEmpty {
                if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
                tables[tables.count - 1].cell = Cell()
            }
        case "gridSpan" where parent == "tcPr":
            if !tables.isEmpty { tables[tables.count - 1].cell?.gridSpan = max(1, min(val.flatMap { Int($0) } ?? 1, 64)) }
        case "vMerge" where parent == "tcPr":
            if !tables.isEmpty { tables[tables.count - 1].cell?.merge = val == "restart" ? .restart : .continue }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = Self.localName(elementName)
        if !elements.isEmpty { elements.removeLast() }
        if name == "Fallback" || name == "moveFrom" || name == "pPrChange" || name == "rPrChange" || name == "tblPrChange" {
            skipDepth = max(0, skipDepth - 1)
            return
        }
        guard skipDepth == 0 else { return }
        switch name {
        case "p": endParagraph()
        case "tc": endCell()
        case "tr": endRow()
        case "tbl": endTable()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard skipDepth == 0, elements.last == "t" else { return }
        appendText(string)
    }

    // MARK: - Building

    private var isParagraphProperty: Bool {
        elements.count >= 3 && elements[elements.count - 3] == "pPr"
    }

    private func appendText(_ text: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += text
    }

    private func endParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        var text = paragraph.text
        if let numId = paragraph.numId {
            let label = numbering.label(numId: numId, level: paragraph.level)
            if !label.isEmpty, !text.isEmpty { text = label + text }
        }
        if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            let pieces = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            tables[tables.count - 1].cell?.paragraphs.append(contentsOf: pieces)
        } else {
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    private func endCell() {
        guard !tables.isEmpty, let cell = tables[tables.count - 1].cell else { return }
        if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
        tables[tables.count - 1].row?.append(cell)
        tables[tables.count - 1].cell = nil
    }

    private func endRow() {
        guard !tables.isEmpty else { return }
        if tables[tables.count - 1].cell != nil { endCell() }
        var table = tables[tables.count - 1]
        guard let row = table.row else { return }
        var resolved = [String](repeating: "", count: table.gridBefore)
        for cell in row {
            let column = resolved.count
            var text = TextLines.joinCell(cell.paragraphs)
            if cell.merge == .continue {
                text = column < table.previousRow.count ? table.previousRow[column] : ""
            }
            resolved.append(text)
            for _ in 1..<max(1, cell.gridSpan) { resolved.append("") }
        }
        table.previousRow = resolved
        if !resolved.allSatisfy({ $0.isEmpty }) { table.lines.append(resolved.joined(separator: "\t")) }
        table.row = nil
        tables[tables.count - 1] = table
    }

    private func endTable() {
        guard !tables.isEmpty else { return }
        if tables[tables.count - 1].row != nil { endRow() }
        let table = tables.removeLast()
        if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            // A table inside a cell: its rows become paragraphs of that cell.
            tables[tables.count - 1].cell?.paragraphs.append(contentsOf: table.lines.map {
                $0.split(separator: "\t").joined(separator: " ")
            })
        } else {
            lines.append(contentsOf: table.lines)
        }
    }

    /// Flushes tables a truncated document left open.
    fileprivate func finishOpenTables() {
        while !paragraphs.isEmpty { endParagraph() }
        while !tables.isEmpty { endTable() }
    }
}
