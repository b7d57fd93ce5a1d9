/// Lays cells with row and column spans out on a grid: a cell spanning rows is repeated in the
/// rows below; a cell spanning columns is followed by empty cells, so columns stay aligned.
enum TableGrid {
    struct Cell: Sendable, Equatable {
        var text: String
        var rowspan: Int = 1
        var colspan: Int = 1
    }

    static func layOut(rows: [[Cell]]) -> [[String]] {
        // Per column: the text still to repeat and for how many more rows.
        var carried: [Int: (text: String, rows: Int)] = [:]
        var out: [[String]] = []
        for row in rows {
            var line: [String] = []
            var column = 0
            func fillCarried() {
                while let carry = carried[column] {
                    line.append(carry.text)
                    carried[column] = carry.rows > 1 ? (carry.text, carry.rows - 1) : nil
                    column += 1
                }
            }
            for cell in row {
                fillCarried()
                for offset in 0..<cell.colspan {
                    let text = offset == 0 ? cell.text : ""
                    line.append(text)
                    if cell.rowspan > 1 { carried[column] = (text, cell.rowspan - 1) }
                    column += 1
                }
            }
            // Spanned cells to the right of the row's last cell.
            let lastCarried = carried.keys.max() ?? -1
            while column <= lastCarried {
                if carried[column] != nil {
                    fillCarried()
                } else {
                    line.append("")
                    column += 1
                }
            }
            out.append(line)
        }
        return out
    }
}
