import Foundation
import NoticeModel
import NoticeText

/// Task tables: one task per row. Cells are mapped by the header when the row has as many cells
/// as the header, else by what they hold (a serial number, a time, unit names, text), since
/// merged cells leave real rows a cell or two short. Outline markers written in cells (一、…,
/// （一）…, 1.…) give the row its path; a row of headings only opens a part.
extension TaskCollector {
    /// `formRowsAreTasks: false` (attachments): a row with nothing but its number and a name is a
    /// line of a blank form to fill in, not a task.
    static func tableTasks(in paragraphs: [Paragraph], basePath: [String], year: Int?, core: Bool = true,
                           formRowsAreTasks: Bool = true) -> [DraftTask] {
        var header: TableLayout?
        return tableTasks(in: paragraphs, basePath: basePath, year: year, core: core, formRowsAreTasks: formRowsAreTasks, header: &header)
    }

    /// `header`: the layout of the table above, if its rows continue here; updated by a header row.
    static func tableTasks(in paragraphs: [Paragraph], basePath: [String], year: Int?, core: Bool = true,
                           formRowsAreTasks: Bool = true, header: inout TableLayout?) -> [DraftTask] {
        struct Row {
            var paragraph: Paragraph
            var columns: [TableLayout.Column]
            var metricUnit: String?
            var cells: [String]
            var group: String        // the 序号 (or 大项) it belongs to
            var sub: String?         // its own number written in the item cell: "1.深入开展…"
            var headings: [String]   // outline markers of the cells above the item (一, （一）)
            var text: String
        }
        var rows: [Row] = []
        var layout = header
        defer { header = layout }
        var ordinal = 0
        var lastGroup = "", lastCategory = ""
        var carried: [(style: OutlineMarker.Style, label: String)] = []
        for p in paragraphs where p.isTableRow {
            let cells = p.cells
            if let header = TableLayout(header: cells) {
                layout = header
                ordinal = 0
                carried = []
                continue
            }
            guard let table = layout else { continue }
            let columns = table.assign(cells)
            func cellsOf(_ c: TableLayout.Column) -> [String] {
                zip(columns, cells).filter { $0.0 == c && !$0.1.isEmpty }.map(\.1)
            }
            // Text cells: the last is the item, marked ones before it are headings.
            var textCells = cellsOf(.task)
            var numberCell = cellsOf(.number).first?.removingAll(" ")
            if let n = numberCell, !TableCellKind.isSerial(n), ChineseNumeral.value(of: n) == nil {
                // A heading such as （一）全面实施… written in the 序号 column.
                textCells.insert(n, at: 0)
                numberCell = nil
            }
            var headingMarkers: [(OutlineMarker.Style, String)] = []
            while textCells.count > 1, let m = OutlineMarker.parse(textCells[0]), !m.isBareHeading {
                headingMarkers.append((m.style, m.label))
                textCells.removeFirst()
            }
            let others = zip(columns, cells).filter { ![.task, .number, .category, .other].contains($0.0) && !$0.1.isEmpty }
            if textCells.count == 1, others.isEmpty, let m = OutlineMarker.parse(textCells[0]), !m.isBareHeading,
               textCells[0].count <= 40, !textCells[0].contains("。") {
                // A row holding only a heading opens a part of the table.
                headingMarkers.append((m.style, m.label))
                textCells = []
            }
            for (style, label) in headingMarkers {
                if let k = carried.firstIndex(where: { $0.style == style }) { carried.removeSubrange(k...) }
                carried.append((style, label))
            }
            var taskText = textCells.joined(separator: "：")
            guard taskText.count >= 4 else { continue }
            if !formRowsAreTasks {
                let filled = zip(columns, cells).filter { ![.number, .task, .category].contains($0.0) && !$0.1.isEmpty }
                if filled.isEmpty { continue }
            }
            var sub: String?
            if let m = OutlineMarker.parse(taskText), !m.isBareHeading, m.length < taskText.utf16.count {
                sub = m.label
                taskText = String(taskText.substring(utf16From: m.length))
            }
            // Merged cells come out empty below their first row: carry 序号 and 大项 down.
            let category = cellsOf(.category).first
            ordinal += 1
            if let numberCell {
                lastGroup = numberCell
            } else if let category, category != lastCategory {
                lastGroup = table.columns.contains(.number) ? String(ordinal) : category
            } else if lastGroup.isEmpty || !table.columns.contains(.category) && !table.columns.contains(.number) {
                lastGroup = String(ordinal)
            }
            if let category { lastCategory = category }
            rows.append(Row(paragraph: p, columns: columns, metricUnit: table.metricUnit, cells: cells, group: lastGroup, sub: sub ?? numberCell.flatMap { carried.isEmpty ? nil : $0 },
                            headings: carried.map(\.label), text: taskText))
        }
        // Rows under outline headings take them as their path; rows sharing a group (merged
        // 序号/大项 cells) or numbered inside the item cell get a two-level path: ["一", "1"];
        // others keep their 序号.
        var groupSizes: [String: Int] = [:]
        for r in rows { groupSizes[r.group, default: 0] += 1 }
        var seenInGroup: [String: Int] = [:]
        var out: [DraftTask] = []
        for row in rows {
            let p = row.paragraph
            func cellsOf(_ c: TableLayout.Column) -> [String] {
                zip(row.columns, row.cells).filter { $0.0 == c && !$0.1.isEmpty }.map(\.1)
            }
            seenInGroup[row.group, default: 0] += 1
            let rowPath: [String]
            if !row.headings.isEmpty {
                rowPath = basePath + row.headings + [row.sub ?? String(seenInGroup[row.group]!)]
            } else {
                let twoLevel = row.sub != nil || groupSizes[row.group, default: 0] > 1
                rowPath = basePath + (twoLevel ? [row.group, row.sub ?? String(seenInGroup[row.group]!)] : [row.group])
            }
            let cells = TableCells(lead: cellsOf(.lead), support: cellsOf(.support), responsible: cellsOf(.responsible))
            // A bare number under a header that names its counter: 300 under 年度投资金额（万元）.
            let counted = row.metricUnit.map { unit in
                cellsOf(.metric).compactMap { cell in
                    Double(cell.removingAll(" ")).map { Metric(text: cell, comparator: .equal, value: .number($0), unit: unit, period: nil) }
                }
            } ?? []
            let metricText = (cellsOf(.metric).filter { Double($0.removingAll(" ")) == nil } + cellsOf(.note)).joined(separator: "；")
            let fullText = metricText.isEmpty ? row.text : row.text + "；" + metricText
            var deadlines = cellsOf(.deadline).flatMap { DeadlineExtractor.deadlines(inLimitCell: $0, year: year) }
            deadlines += DeadlineExtractor.deadlines(in: fullText, year: year)
            deadlines = DeadlineExtractor.dedupe(deadlines)
            let p1 = Paragraph(text: row.text, line: p.line, endLine: p.endLine)
            out.append(DraftTask(path: rowPath, title: title(of: [p1]), text: fullText, core: core || !cells.isEmpty,
                                 evidence: ResponsibilityEvidence(text: fullText, cells: cells.isEmpty ? nil : cells),
                                 responsibility: nil, deadlines: deadlines, metrics: MetricExtractor.metrics(in: fullText) + counted,
                                 line: p.line, endLine: p.endLine))
        }
        return out
    }
}
