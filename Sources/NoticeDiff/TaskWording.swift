import Foundation
import NoticeModel
import NoticeText

/// The wording of a task with what other change labels already cover taken out — unit names and
/// responsibility labels (`lead`/`support`/`responsible`), time limits (`deadline`), targets
/// (`metric`) — and the work year written as a placeholder, so that "2024年" in a 2024 notice
/// and "2025年" in a 2025 one read the same. Two tasks whose keys are equal have the same text.
enum TaskWording {
    /// Words that only label a responsibility annotation.
    static let labels = ["主要协作单位", "按职责分工负责", "牵头单位", "配合单位", "责任单位", "责任处室", "责任科室",
                         "牵头部门", "配合部门", "协作单位", "由牵头", "牵头", "配合"]

    /// Words around a time limit or a target that belong to it: "2024年6月底前完成" written in the
    /// text one year and as a table's 完成时限 cell the next; the period of a target (每季度 →
    /// 每月 is a `metric` change).
    static let timeWords = ["完成时限", "时间节点", "完成", "每半年", "每季度", "每个月", "每月", "每年", "每周", "每日", "每天"]

    /// The comparison key of `task`'s text. `unitForms`: folded unit names and aliases, longest first.
    static func key(_ task: NoticeTask, unitForms: [String], year: Int?) -> String {
        var s = squeeze(SearchFolding.key(task.text))
        let fragments = (task.deadlines.map(\.text) + task.metrics.map(\.text))
            .map { squeeze(SearchFolding.key($0)) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        for f in fragments { s = s.replacingOccurrences(of: f, with: "") }
        for form in unitForms where !form.isEmpty && s.contains(form) { s = s.replacingOccurrences(of: form, with: "") }
        for label in labels + timeWords { s = s.replacingOccurrences(of: label, with: "") }
        if let year {
            for (offset, mark) in [(0, "Y"), (-1, "Y-1"), (1, "Y+1")] {
                s = s.replacingOccurrences(of: "\(year + offset)年", with: mark + "年")
            }
        }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where Tokenizer.isCJK(u.value) || Tokenizer.isWordScalar(u.value) || u == "-" || u == "+" {
            out.append(u)
        }
        return String(out)
    }

    /// `s` without whitespace.
    static func squeeze(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
