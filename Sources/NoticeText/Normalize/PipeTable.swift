import Foundation
import NoticeVocabulary

/// Web pages copied as text often keep a table's cell borders as `|`: whole rows on one line
/// (`一、… | 1.… | 办公室 |`), or one cell per line, each ending in ` |` or followed by a line
/// holding only `|`; indicator tables may come one cell per line with no borders at all.
/// Rewrites them into tab-separated rows so that the table reader sees them.
/// Rows are recovered from the header and the 序号 cells: a row starts at a serial number, and
/// when the header has no 序号 column, the cell before a number is the row's first column (a
/// merged category cell is then missing and left empty).
enum PipeTable {
    static func rewrite(_ lines: [(String, Int)]) -> [(String, Int)] {
        let hasBars = lines.contains { $0.0.contains("|") }
        var out: [(String, Int)] = []
        var i = 0
        while i < lines.count {
            if let (rows, next) = bareCellBlock(lines, from: i) ?? spacedRowsBlock(lines, from: i)
                ?? (hasBars ? markdownBlock(lines, from: i) ?? cellPerLineBlock(lines, from: i) : nil) {
                // Lines folded into a row keep their numbers, blank as far as reflow goes.
                let used = Set(rows.map(\.1))
                out += rows + lines[i..<next].filter { !used.contains($0.1) }.map { ("", $0.1) }
                out.sort { $0.1 < $1.1 }
                i = next
                continue
            }
            let (text, number) = lines[i]
            out.append((inlineRow(text) ?? cellLine(text).map(\.text) ?? text, number))
            i += 1
        }
        return out
    }

    /// An indicator table copied one cell per line without borders: a header of four or more
    /// column labels on lines of their own, the last naming the responsible units (责任科室、单位),
    /// then data cells; a row ends at its unit cell.
    private static func bareCellBlock(_ lines: [(String, Int)], from start: Int) -> ([(String, Int)], Int)? {
        func text(_ k: Int) -> String { lines[k].0.trimmingWhitespace() }
        let first = text(start)
        guard isHeaderCell(first), !first.contains("|"), !first.contains("\t") else { return nil }
        var header: [String] = []
        var k = start
        while k < lines.count {
            let t = text(k)
            if t.isEmpty { k += 1; continue }
            guard isHeaderCell(t), !t.contains("|"), !t.contains("\t") else { break }
            header.append(t.replacingOccurrences(of: " ", with: ""))
            k += 1
        }
        guard header.count >= 4, let last = header.last, unitColumnWords.contains(where: { last.contains($0) }) else { return nil }
        var rows: [(String, Int)] = [(header.joined(separator: "\t"), lines[start].1)]
        var row: [String] = []
        var rowLine = 0
        while k < lines.count {
            let t = text(k)
            if t.isEmpty { k += 1; continue }
            if t.contains("|") || t.contains("\t") || (OutlineMarker.parse(t).map { !$0.isBareHeading } ?? false) { break }
            if row.isEmpty { rowLine = lines[k].1 }
            row.append(t)
            k += 1
            if !t.isLonger(than: 30), unitCell.contains(in: t) {
                rows.append((row.joined(separator: "\t"), rowLine))
                row = []
            }
        }
        if !row.isEmpty { rows.append((row.joined(separator: "\t"), rowLine)) }
        return rows.count >= 2 ? (rows, k) : nil
    }

    private static let unitColumnWords = ["单位", "科室", "处室", "部门"]
    private static let unitCell = TextPattern("^[\\p{Han}、，,（）()]{2,30}" + GenreVocabulary.alternation(GenreVocabulary.organisationSuffixes) + "$")

    private static let spacedHeader = TextPattern("^序\\s*号\\s+\\S.*\\s+(?<last>\\S+)$", needsAny: "序")
    private static let spacedRow = TextPattern("^(?<n>\\d{1,3})\\s+(?<task>\\S.*?)\\s+(?<units>[\\p{Han}、，,（）()]{2,60}"
        + GenreVocabulary.alternation(GenreVocabulary.organisationSuffixes) + ")$")

    /// A table copied without its borders, cells separated by spaces: `序号 工 作 任 务 牵头负责部门`
    /// then `1 居民消费价格涨幅3%左右 发展改革委`: the number, the task, the units last.
    private static func spacedRowsBlock(_ lines: [(String, Int)], from start: Int) -> ([(String, Int)], Int)? {
        let head = lines[start].0.trimmingWhitespace()
        guard let h = spacedHeader.firstMatch(in: head), let last = h["last"] else { return nil }
        let middle = head.substring(utf16: NSRange(location: 0, length: h.range(named: "last").location))
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "序号", with: "")
        var out: [(String, Int)] = [("序号\t" + middle + "\t" + last, lines[start].1)]
        var k = start + 1
        while k < lines.count {
            let t = lines[k].0.trimmingWhitespace()
            if t.isEmpty { k += 1; continue }
            guard let m = spacedRow.firstMatch(in: t), let n = m["n"], let task = m["task"], let units = m["units"] else { break }
            out.append((n + "\t" + task + "\t" + units, lines[k].1))
            k += 1
        }
        return out.count >= 4 ? (out, k) : nil
    }

    private static let markdownRule = TextPattern("^\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)+\\|?$")

    /// A Markdown table (`| a | b |` then `|---|---|`) whose cells may break over lines: a row
    /// is complete when it has as many bars as the header.
    private static func markdownBlock(_ lines: [(String, Int)], from start: Int) -> ([(String, Int)], Int)? {
        guard start + 1 < lines.count, markdownRule.matchesWhole(lines[start + 1].0.trimmingWhitespace()) else { return nil }
        let header = lines[start].0.trimmingWhitespace()
        let bars = header.filter { $0 == "|" }.count
        guard bars >= 3 else { return nil }
        func cells(_ row: String) -> String {
            var c = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            if c.first == "" { c.removeFirst() }
            if c.last == "" { c.removeLast() }
            return c.joined(separator: "\t")
        }
        var out: [(String, Int)] = [(cells(header), lines[start].1)]
        var k = start + 2
        var row = "", rowLine = 0
        while k < lines.count {
            let t = lines[k].0.trimmingWhitespace()
            if row.isEmpty {
                guard t.hasPrefix("|") else { break }
                rowLine = lines[k].1
            }
            row += (row.isEmpty || row.hasSuffix("|") || t.hasPrefix("|") ? "" : "、") + t
            k += 1
            if row.filter({ $0 == "|" }).count >= bars {
                out.append((cells(row), rowLine))
                row = ""
            }
        }
        return out.count >= 2 ? (out, k) : nil
    }

    /// `a | b | c |` → "a\tb\tc"; nil unless the line has two or more filled cells.
    static func inlineRow(_ line: String) -> String? {
        guard line.contains("|") else { return nil }
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        while cells.last?.isEmpty == true { cells.removeLast() }
        while cells.first?.isEmpty == true { cells.removeFirst() }
        guard cells.filter({ !$0.isEmpty }).count >= 2 else { return nil }
        // A page's information block drawn as a table (文號: | 杭政辦函〔2018〕14號 | 成文日期: | …) is fields.
        if PageFields.startsField(cells[0]) { return cells.filter { !$0.isEmpty }.joined(separator: " ") }
        return cells.joined(separator: "\t")
    }

    /// A cell of a one-cell-per-line table: the line is `text |` (one filled cell), or `|` alone.
    private static func cellLine(_ line: String) -> (text: String, closed: Bool)? {
        let t = line.trimmingWhitespace()
        if t == "|" || t == "||" { return ("", true) }
        guard t.hasSuffix("|") else { return nil }
        let cells = t.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 1 else { return nil }
        return (filled[0], false)
    }

    static func isSerial(_ s: String) -> Bool { Paragraph.isSerialNumber(s) }

    /// Words every column label of a task table contains one of (a category such as 规范文件公开
    /// contains none).
    private static let headerWords = ["序号", "编号", "任务", "要求", "单位", "科室", "处室", "部门", "时限", "时间", "节点", "内容",
                                      "措施", "事项", "领导", "情况", "备注", "目标", "指标", "工作", "要点", "举措", "项目", "进度",
                                      "处、局", "责任", "分工", "牵头", "配合", "主体", "评价", "类别", "领域", "是否", "说明", "推进",
                                      "完成", "地点", "规模", "投资"]

    /// A header cell: a short label (序号, 工作任务, 牵头责任单位, 分 管 县领导).
    static func isHeaderCell(_ s: String) -> Bool {
        // Cheap first: most lines are sentences (long, or holding 。，, which folding keeps).
        guard s.utf16.count <= 60, !s.contains("。"), !s.contains("，"), !s.contains(",") else { return false }
        let k = TextFolding.simplifiedKey(TextFolding.withoutPinyin(s)).replacingOccurrences(of: " ", with: "")
        if let m = OutlineMarker.parse(k), !m.isBareHeading { return false }   // 一、… is a heading, not a column
        return !k.isEmpty && k.count <= 12 && !isSerial(k)
            && headerWords.contains { k.contains($0) }
    }

    /// A block of cells written one per line, starting with its header at `start`.
    private static func cellPerLineBlock(_ lines: [(String, Int)], from start: Int) -> ([(String, Int)], Int)? {
        // Collect cells: text lines up to a `|` line, or `text |` lines.
        var cells: [(text: String, line: Int)] = []
        var pending: [String] = []
        var pendingLine = 0
        var i = start
        var bars = 0
        func flush() {
            guard !pending.isEmpty else { return }
            // Several short names on lines of their own are one cell listing units.
            let joined = pending.count > 1 && pending.allSatisfy({ !$0.isLonger(than: 20) && !$0.contains("。") })
                ? pending.joined(separator: "、") : pending.joined()
            cells.append((joined, pendingLine))
            pending = []
        }
        while i < lines.count {
            let raw = lines[i].0
            let t = raw.trimmingWhitespace()
            if t.isEmpty { i += 1; continue }
            if let c = cellLine(raw) {
                if c.closed {
                    flush()
                    bars += 1
                } else {
                    if pending.isEmpty { pendingLine = lines[i].1 }
                    pending.append(c.text)
                    flush()
                    bars += 1
                }
                i += 1
                continue
            }
            // A plain line: part of a cell when bars follow it, else the block ended.
            if t.contains("\t") || inlineRow(t) != nil { break }
            if bars == 0 && pending.count >= 1 { break }
            // A cell may run over several lines (units one per line): a bar must follow soon.
            var j = i + 1, plain = 0
            while j < lines.count, plain < 12, cellLine(lines[j].0) == nil {
                if !lines[j].0.trimmingWhitespace().isEmpty { plain += 1 }
                j += 1
            }
            let barNext = j < lines.count && cellLine(lines[j].0) != nil
            guard barNext else { break }
            if pending.isEmpty { pendingLine = lines[i].1 }
            pending.append(t)
            i += 1
            if pending.count > 12 { break }
        }
        flush()
        guard bars >= 6 else { return nil }
        // The header: the leading short labels.
        var headerCount = 0
        while headerCount < cells.count, isHeaderCell(cells[headerCount].text) { headerCount += 1 }
        guard headerCount >= 2, headerCount < cells.count else { return nil }
        var header = cells[..<headerCount].map { $0.text.replacingOccurrences(of: " ", with: "") }
        let data = Array(cells[headerCount...])
        let serialColumn = header.first.map { ["序号", "编号", "序"].contains(TextFolding.simplifiedKey(TextFolding.withoutPinyin($0))) } ?? false
        // A serial number opens a row when it follows the last one (numbers may jump: 14, 80, 135) and
        // the row so far is nearly full; 2024 (a year) or 300 (an amount) inside a row is a cell.
        var lastSerial = 0
        func opensRow(_ text: String, _ row: [(text: String, line: Int)]) -> Bool {
            guard isSerial(text), let n = Int(text), n > lastSerial, n <= lastSerial + 200 else { return false }
            guard row.isEmpty || n == lastSerial + 1 || row.count >= header.count - 3 else { return false }
            lastSerial = n
            return true
        }
        var rows: [[(text: String, line: Int)]] = []
        if !data.contains(where: { isSerial($0.text) }) {
            // No serial numbers: rows are runs of as many cells as the header has.
            var k = 0
            while k < data.count {
                rows.append(Array(data[k..<min(k + header.count, data.count)]))
                k += header.count
            }
        } else if serialColumn {
            for c in data {
                if rows.isEmpty || opensRow(c.text, rows[rows.count - 1]) { rows.append([c]) } else { rows[rows.count - 1].append(c) }
            }
        } else {
            // The number sits after the first column: 工作任务 | 1 | 具体要求 | 责任科室 | 时限.
            header.insert("序号", at: 1)
            let perRow = header.count - 2   // cells after the number
            var before: [(text: String, line: Int)] = []
            var current: [(text: String, line: Int)]?
            for c in data {
                if opensRow(c.text, current ?? []) {
                    if var row = current {
                        // Cells beyond a full row open the next one (its first column).
                        let extra = row.count - 2 - perRow
                        if extra > 0 {
                            before = Array(row.suffix(extra))
                            row.removeLast(extra)
                        }
                        rows.append(row)
                    }
                    let first = before.isEmpty ? (text: "", line: c.line) : (text: before.map(\.text).joined(), line: before[0].line)
                    current = [first, c]
                    before = []
                } else if current == nil {
                    before.append(c)
                } else {
                    current!.append(c)
                }
            }
            if let row = current { rows.append(row) }
        }
        var out: [(String, Int)] = [(header.joined(separator: "\t"), cells[0].line)]
        for r in rows {
            var texts = r.map(\.text)
            while texts.count < 2 { texts.append("") }
            out.append((texts.joined(separator: "\t"), r.first(where: { !$0.text.isEmpty })?.line ?? r[0].line))
        }
        return (out, i)
    }
}
