/// One HTML `<table>` being read: rows of cells with their spans, rendered at the end either as
/// tab-separated rows (a data table) or as plain lines (a layout table that holds a whole page).
final class HTMLTable {
    final class Cell {
        let sink = HTMLLineSink()
        let rowspan: Int
        let colspan: Int
        init(rowspan: Int, colspan: Int) {
            self.rowspan = rowspan
            self.colspan = colspan
        }
    }

    private var rows: [[Cell]] = []
    private var rowOpen = false
    /// Set when a table was found inside one of this table's cells.
    var containsTable = false

    func startRow() {
        rows.append([])
        rowOpen = true
    }

    func endRow() {
        rowOpen = false
    }

    func startCell(rowspan: Int, colspan: Int) -> Cell {
        if !rowOpen { startRow() }
        let cell = Cell(rowspan: max(1, min(rowspan, 1000)), colspan: max(1, min(colspan, 100)))
        rows[rows.count - 1].append(cell)
        return cell
    }

    /// The rendered lines.
    func render() -> [String] {
        let cellLines = rows.map { $0.map { $0.sink.finish() } }
        if isLayout(cellLines) {
            return cellLines.flatMap { $0.flatMap { $0 } }
        }
        let texts = cellLines.map { $0.map { TextLines.joinCell($0) } }
        return TableGrid.layOut(rows: zip(rows, texts).map { cells, strings in
            zip(cells, strings).map { TableGrid.Cell(text: $1, rowspan: $0.rowspan, colspan: $0.colspan) }
        }).compactMap { row in
            row.allSatisfy { $0.isEmpty } ? nil : row.joined(separator: "\t")
        }
    }

    /// A table used to lay out a page rather than hold data: nested tables, a single column,
    /// or cells holding many paragraphs or a lot of text.
    private func isLayout(_ cellLines: [[[String]]]) -> Bool {
        if containsTable { return true }
        let widest = rows.map { $0.reduce(0) { $0 + $1.colspan } }.max() ?? 0
        if widest <= 1 { return true }
        for row in cellLines {
            for lines in row {
                if lines.count > 12 { return true }
                if lines.reduce(0, { $0 + $1.count }) > 1500 { return true }
            }
        }
        return false
    }
}
