/// A logical paragraph: hard-wrapped physical lines joined back together.
public struct Paragraph: Sendable, Hashable {
    /// Width-folded text without line breaks; table rows keep their tabs.
    public var text: String
    /// 1-based physical line numbers of the decoded text it came from.
    public var line: Int
    public var endLine: Int
    /// A tab-separated table row.
    public var isTableRow: Bool { text.contains("\t") }

    public init(text: String, line: Int, endLine: Int) {
        self.text = text
        self.line = line
        self.endLine = endLine
    }

    /// A table cell holding only a serial number (12): the 序号 of a row.
    public static func isSerialNumber(_ cell: String) -> Bool {
        (1...4).contains(cell.count) && cell.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Cells of a table row, trimmed.
    public var cells: [String] {
        text.split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingWhitespace() }
    }
}
