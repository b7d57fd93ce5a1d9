import NoticeText
import NoticeVocabulary

/// The meaning of each column of a task table (序号 · 任务 · 牵头单位 · 配合单位 · 完成时限).
struct TableLayout {
    enum Column: Equatable { case number, task, category, lead, support, responsible, deadline, metric, note, other }

    var columns: [Column]
    /// The counter a metric header gives its numbers: 年度投资金额（万元） → 万元.
    var metricUnit: String?

    /// Reads a header row; nil unless it has a task column and a responsibility or time column.
    init?(header cells: [String]) {
        // Header cells are short labels (a year may lead: 2023年重点工作任务); a data row (a number
        // first, long cells) is never one.
        let cells = cells.map(TextFolding.withoutPinyin)
        let filled = cells.map { $0.removingAll(" ") }.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0.count <= 14 && !$0.contains("。") }),
              !(cells.first.map { $0.allSatisfy(\.isNumber) && !$0.isEmpty } ?? false) else { return nil }
        columns = cells.map { Self.column(of: TextFolding.simplifiedKey($0).removingAll(" ")) }
        // A short row's cells are mapped by what they hold, not by position, so the counter
        // belongs to the metric column, not to a header index.
        metricUnit = zip(columns, cells).lazy.filter { $0.0 == .metric }
            .compactMap { Self.headerUnit.firstMatch(in: $0.1.removingAll(" "))?["unit"] }.first
        guard columns.contains(.task),
              columns.contains(where: { [.lead, .support, .responsible, .deadline].contains($0) }) else { return nil }
    }

    static func column(of h: String) -> Column {
        if h.isEmpty { return .other }
        if ["序号", "编号", "序", "No", "NO", "no"].contains(h) { return .number }
        if h.hasSuffix("领导") || GenreVocabulary.peopleFields.contains(where: { h.hasSuffix($0) }) || h.contains("电话") { return .other }
        if h == "备注" || h == "说明" { return .note }
        // Progress-report and evaluation columns are about the work, not the work itself.
        if h.contains("进展") || h.contains("情况") || h.contains("评价") || h.contains("成效") || h.contains("得分") || h.contains("分值") { return .other }
        if let role = GenreVocabulary.role(ofLabel: h) ?? headerRole(h) {
            switch role {
            case .lead: return .lead
            case .support: return .support
            case .responsible: return .responsible
            case .person, .otherField: break
            }
        }
        if h.contains("时限") || h.contains("时间") || h.contains("进度") || h.contains("完成期限") || h.contains("节点") { return .deadline }
        // 一级指标 … 五级指标: the levels of an indicator table are its content; so is a 任务项目指标.
        if h.hasSuffix("级指标") || h.contains("任务") || h.contains("项目") { return .task }
        if h.contains("指标") || h.contains("目标值") || h.contains("量化") || h.contains("金额") || h.contains("投资") { return .metric }
        if h.contains("领域") || h.contains("类别") || h.contains("方面") || h.contains("板块") || h.contains("大项") { return .category }
        if h.contains("小项") || h.contains("子项") { return .task }
        if h.contains("任务") || h.contains("内容") || h.contains("措施") || h.contains("事项") || h.contains("举措")
            || h.contains("工作") || h.contains("要求") || h.contains("项目") || h.contains("要点") || h.contains("细化")
            || h.contains("目标") { return .task }
        return .other
    }

    private static let headerUnit = TextPattern("[（(](?<unit>[万亿萬億]?元|个|個|所|家|公里|亩|畝|人|张|張|床)[）)]$")

    /// A header that names its role inside (委内牵头处室, 系统内责任处、局、单位, 主体责任单位).
    private static func headerRole(_ h: String) -> LabelRole? {
        if h.contains("牵头") || h.contains("主办") || h.contains("主责") { return .lead }
        if h.contains("配合") || h.contains("协办") || h.contains("协作") || h.contains("参与") || h.contains("协同") { return .support }
        if h.contains("责任") && !h.contains("任务") || h.contains("落实科室") || h.contains("责任科室") || h.contains("负责") { return .responsible }
        return nil
    }

    func cells(_ column: Column, of row: [String]) -> [String] {
        zip(columns, row).filter { $0.0 == column }.map(\.1).filter { !$0.isEmpty }
    }

    /// The column of each cell of a data row: by the header when the row is as long as it, else
    /// by what each cell holds, in the header's order.
    func assign(_ row: [String]) -> [Column] {
        var cells = row
        while cells.last?.isEmpty == true { cells.removeLast() }
        if cells.count == columns.count || row.count == columns.count && cells.count >= columns.count - 1 {
            // A time is never a unit (长期推进 in a 责任单位 column of a shifted row).
            return zip(columns, row).map { column, cell in
                [.lead, .support, .responsible].contains(column) && TableCellKind.of(cell) == .time ? .deadline : column
            }
        }
        var out = [Column](repeating: .other, count: row.count)
        var next = 0
        var hasTask = false
        for (i, cell) in row.enumerated() where !cell.isEmpty {
            let kind = TableCellKind.of(cell)
            let wanted: [Column]
            switch kind {
            case .serial: wanted = [.number]
            case .time: wanted = [.deadline]
            case .units: wanted = [.lead, .support, .responsible]
            case .text: wanted = [.task, .category, .metric, .note]
            }
            if next < columns.count, let j = columns[next...].firstIndex(where: { wanted.contains($0) }),
               kind != .text || !columns[next..<j].contains(.other) || !hasTask {
                out[i] = columns[j]
                next = j + 1
            } else if kind != .text, let j = columns.firstIndex(where: { wanted.contains($0) }) {
                out[i] = columns[j]
            } else {
                switch kind {
                case .serial: out[i] = .number
                case .time: out[i] = .deadline
                case .units: out[i] = .responsible
                case .text: out[i] = hasTask && columns[min(next, columns.count - 1)...].contains(.other) ? .other : .task
                }
            }
            if out[i] == .task { hasTask = true }
        }
        return out
    }
}
