import NoticeText

/// The meaning of each column of a task table (序号 · 任务 · 牵头单位 · 配合单位 · 完成时限).
struct TableLayout {
    enum Column: Equatable { case number, task, category, lead, support, responsible, deadline, metric, note, other }

    var columns: [Column]

    /// Reads a header row; nil unless it has a task column and a responsibility or time column.
    init?(header cells: [String]) {
        // Header cells are short labels; a data row (a number first, long cells) is never one.
        let filled = cells.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0.count <= 10 }),
              !(cells.first.map { $0.allSatisfy(\.isNumber) && !$0.isEmpty } ?? false) else { return nil }
        columns = cells.map { Self.column(of: TextFolding.simplifiedKey($0).removingAll(" ")) }
        guard columns.contains(.task),
              columns.contains(where: { [.lead, .support, .responsible, .deadline].contains($0) }) else { return nil }
    }

    static func column(of h: String) -> Column {
        if h.isEmpty { return .other }
        if ["序号", "编号", "序", "No", "NO", "no"].contains(h) { return .number }
        // People, not units: 责任领导, 责任人, 联系人, 分管领导.
        if h.hasSuffix("领导") || h.hasSuffix("责任人") || h.hasSuffix("联系人") || h.contains("电话") { return .other }
        if h == "备注" || h == "说明" { return .note }
        if h.contains("牵头") || h.contains("主办") || h.contains("主责") { return .lead }
        if h.contains("配合") || h.contains("协办") || h.contains("协作") || h.contains("参与") || h.contains("协同") { return .support }
        if h.contains("责任") && !h.contains("任务") { return .responsible }
        if h.contains("时限") || h.contains("时间") || h.contains("进度") || h.contains("完成期限") || h.contains("节点") { return .deadline }
        if h.contains("指标") || h.contains("目标值") || h.contains("量化") { return .metric }
        if h.contains("领域") || h.contains("类别") || h.contains("方面") || h.contains("板块") || h.contains("大项") { return .category }
        if h.contains("小项") || h.contains("子项") { return .task }
        if h.contains("任务") || h.contains("内容") || h.contains("措施") || h.contains("事项") || h.contains("举措")
            || h.contains("工作") || h.contains("要求") || h.contains("项目") { return .task }
        return .other
    }

    func cells(_ column: Column, of row: [String]) -> [String] {
        zip(columns, row).filter { $0.0 == column }.map(\.1).filter { !$0.isEmpty }
    }
}
