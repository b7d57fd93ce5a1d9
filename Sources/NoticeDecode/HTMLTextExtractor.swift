import Foundation

/// Turns HTML tokens into the text of a notice: drops scripts, styles, `<head>` and navigation chrome,
/// breaks lines at block elements, renders tables as tab-separated rows.
struct HTMLTextExtractor {
    /// Drop elements whose class or id names navigation chrome (set false to retry when that
    /// removed everything).
    private let dropsChromeByClass: Bool

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "basefont", "bgsound", "frame", "keygen",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
        "thead", "tbody", "tfoot", "caption", "section", "article", "main", "blockquote", "pre", "hr", "form",
        "address", "center", "figure", "figcaption", "fieldset", "legend", "body", "html", "td", "th",
    ]
    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "iframe", "object", "select", "button",
        "svg", "canvas", "aside", "map", "audio", "video",
    ]
    /// Containers that are dropped when their class or id names chrome.
    static let chromeCandidates: Set<String> = [
        "div", "ul", "ol", "section", "aside", "span", "dl", "p", "nav", "header", "footer", "table", "a",
    ]
    static let chromeWords = ["nav", "menu", "footer", "header", "breadcrumb"]

    private struct Open {
        let name: String
        let drops: Bool
        var table: HTMLTable?
        var cell: HTMLTable.Cell?
        var startedRow = false
        var countsPre = false
    }

    private var stack: [Open] = []
    private var dropDepth = 0
    private var preDepth = 0
    private var sinks: [HTMLLineSink] = [HTMLLineSink()]
    private var tables: [HTMLTable] = []

    private init(dropsChromeByClass: Bool) {
        self.dropsChromeByClass = dropsChromeByClass
    }

    /// The lines of the page whose UTF-8 bytes are `bytes`.
    static func lines(of bytes: [UInt8], dropsChromeByClass: Bool = true) -> [String] {
        var extractor = HTMLTextExtractor(dropsChromeByClass: dropsChromeByClass)
        return extractor.run(bytes)
    }

    private mutating func run(_ bytes: [UInt8]) -> [String] {
        var tokenizer = HTMLTokenizer(bytes: bytes)
        while let token = tokenizer.next() {
            switch token {
            case .text(let raw):
                guard dropDepth == 0 else { continue }
                sinks[sinks.count - 1].append(HTMLEntities.decode(raw), preformatted: preDepth > 0)
            case .startTag(let name, let attributes, let selfClosing):
                start(name, attributes: attributes, selfClosing: selfClosing)
            case .endTag(let name):
                end(name)
            }
        }
        while !stack.isEmpty { pop() }
        return sinks[0].finish()
    }

    // MARK: - Tags

    private mutating func start(_ name: String, attributes: [String: String], selfClosing: Bool) {
        closeImplied(by: name)
        if name == "br" {
            if dropDepth == 0 { sinks[sinks.count - 1].breakLine(force: true) }
            return
        }
        if Self.blockElements.contains(name), dropDepth == 0 { sinks[sinks.count - 1].breakLine() }
        if HTMLTokenizer.rawTextElements.contains(name) || Self.voidElements.contains(name) || selfClosing {
            return
        }
        var open = Open(name: name, drops: drops(name, attributes))
        if open.drops { dropDepth += 1 }
        if dropDepth == 0 {
            switch name {
            case "pre", "listing", "plaintext":
                preDepth += 1
                open.countsPre = true
            case "table":
                tables.last?.containsTable = true
                let table = HTMLTable()
                tables.append(table)
                open.table = table
            case "tr":
                if let table = tables.last {
                    table.startRow()
                    open.startedRow = true
                }
            case "td", "th":
                if let table = tables.last {
                    let cell = table.startCell(rowspan: span(attributes["rowspan"]), colspan: span(attributes["colspan"]))
                    sinks.append(cell.sink)
                    open.cell = cell
                }
            default: break
            }
        }
        stack.append(open)
    }

    private mutating func end(_ name: String) {
        if name == "br" {
            if dropDepth == 0 { sinks[sinks.count - 1].breakLine(force: true) }
            return
        }
        // Table parts do not close across a table boundary; other elements search the whole stack.
        let boundary: Set<String> = ["td", "th", "tr", "thead", "tbody", "tfoot"].contains(name) ? ["table"] : []
        guard let index = stack.lastIndex(where: { $0.name == name || boundary.contains($0.name) }),
              stack[index].name == name else {
            if name == "p", dropDepth == 0 { sinks[sinks.count - 1].breakLine() }
            return
        }
        while stack.count > index { pop() }
    }

    /// Pops the top element, finishing what it opened.
    private mutating func pop() {
        let open = stack.removeLast()
        if open.cell != nil { sinks.removeLast() }
        if let table = open.table {
            tables.removeLast()
            sinks[sinks.count - 1].appendLines(table.render())
        }
        if open.startedRow { tables.last?.endRow() }
        if open.countsPre { preDepth -= 1 }
        if open.drops { dropDepth -= 1 }
        if Self.blockElements.contains(open.name), dropDepth == 0 { sinks[sinks.count - 1].breakLine() }
    }

    /// Closes elements a new start tag ends implicitly (an open `<p>`, `<li>`, `<td>`, `<tr>`).
    private mutating func closeImplied(by name: String) {
        switch name {
        case "li": closeOpen(["li"], stoppingAt: ["ul", "ol", "table", "td", "th"])
        case "dt", "dd": closeOpen(["dt", "dd"], stoppingAt: ["dl", "table", "td", "th"])
        case "tr": closeOpen(["tr"], stoppingAt: ["table"])
        case "td", "th": closeOpen(["td", "th"], stoppingAt: ["tr", "table"])
        case "thead", "tbody", "tfoot": closeOpen(["thead", "tbody", "tfoot", "tr"], stoppingAt: ["table"])
        case "option": closeOpen(["option"], stoppingAt: ["select"])
        default: break
        }
        if name == "p" || (Self.blockElements.contains(name) && !["td", "th", "tr", "li", "dt", "dd", "body", "html"].contains(name)) {
            closeOpen(["p"], stoppingAt: ["div", "td", "th", "li", "table", "section", "article", "body", "blockquote", "dd"])
        }
    }

    private mutating func closeOpen(_ names: Set<String>, stoppingAt stops: Set<String>) {
        for index in stack.indices.reversed() {
            let n = stack[index].name
            if names.contains(n) {
                while stack.count > index { pop() }
                return
            }
            if stops.contains(n) { return }
        }
    }

    // MARK: - Chrome

    private func drops(_ name: String, _ attributes: [String: String]) -> Bool {
        if Self.droppedElements.contains(name) { return true }
        if name == "header" || name == "footer" {
            // An <article>'s own header holds its title.
            return !stack.contains { $0.name == "article" || $0.name == "main" }
        }
        if let style = attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        if attributes["hidden"] != nil { return true }
        guard dropsChromeByClass, Self.chromeCandidates.contains(name) else { return false }
        let names = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()
        return Self.chromeWords.contains { names.contains($0) }
    }

    private func span(_ value: String?) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        return Int(digits) ?? 1
    }
}
