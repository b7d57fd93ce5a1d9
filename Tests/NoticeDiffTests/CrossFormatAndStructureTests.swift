import Foundation
import Testing
import NoticeExtract
import NoticeModel
@testable import NoticeDiff

/// Pairs across formats (inline labels in .txt → a task table in .docx) and across a renumbered
/// outline (a section inserted in front, one task moved into it).
@Suite struct CrossFormatAndStructureTests {
    /// crossformat_2024.txt （一）…（五） paragraphs → crossformat_2025.docx table rows 1…6
    /// (edits listed in make_docx.py).
    @Test func txtToDocx() throws {
        let old = try DiffFixture.notice("crossformat_2024.txt"), new = try DiffFixture.notice("crossformat_2025.docx")
        #expect(old.format == "utf-8" && new.format == "docx")
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairsByPath == [
            "二/（一） → 二/1": [],                       // deadline 2024年6月底前 in the text → 2025年6月底前 in the 完成时限 column
            "二/（二） → 二/2": [.metric],                // 每季度 → 每月
            "二/（三） → 二/3": [.metric],                // 90% → 100%
            "二/（四） → 二/4": [.lead, .support],        // swapped
            "二/（五） → 二/5": [],
            "三/（一） → 三/（一）": [],
            "三/（二） → 三/（二）": [],
        ])
        #expect(r.added.map { DiffFixture.key($0.path) } == ["二/6"])
        #expect(r.removed.isEmpty && r.splits.isEmpty && r.merges.isEmpty)
        let swapped = try #require(r.pair(old: "二/（四）"))
        #expect(swapped.details.lead == ValueChange(old: ["信息科"], new: ["区卫生信息中心"]))
        let metric = try #require(r.pair(old: "二/（二）"))
        #expect(metric.details.metric?.old.map(\.period) == [.quarter])
        #expect(metric.details.metric?.new.map(\.period) == [.month])
    }

    /// restructured_2023.txt → restructured_2024.txt: a new section 二 inserted (two new tasks),
    /// old 二/三 renumbered 三/四, old 二（三） moved into the new section as its （三）.
    @Test func insertedSectionRenumbersWithoutMoving() throws {
        let old = try DiffFixture.notice("restructured_2023.txt"), new = try DiffFixture.notice("restructured_2024.txt")
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairsByPath == [
            "二/（一） → 三/（一）": [],
            "二/（二） → 三/（二）": [],
            "二/（三） → 二/（三）": [.moved],            // same numbers, different section
            "二/（四） → 三/（三）": [],
            "二/（五） → 三/（四）": [],
            "二/（六） → 三/（五）": [],
            "二/（七） → 三/（六）": [],
            "三/（一） → 四/（一）": [],
            "三/（二） → 四/（二）": [],
        ])
        #expect(r.added.map { DiffFixture.key($0.path) } == ["二/（一）", "二/（二）"])
        let moved = try #require(r.pair(old: "二/（三）"))
        #expect(moved.details.moved == SectionMove(old: ["二"], new: ["二"], oldSectionNow: ["三"]))
        // Verbal forms (由医政科牵头，公卫科配合 / 平安办牵头) read as the same units both years.
        #expect(r.units.values.allSatisfy { ($0.lead?.dropped ?? []).isEmpty })
    }

    /// The same pair as a section chief reads it: five opening lines, the renumbered parts with
    /// their headings, and each added task's lead.
    @Test func reportOpensWithFiveLinesAndNamesRenumberedParts() throws {
        let old = try DiffFixture.notice("restructured_2023.txt"), new = try DiffFixture.notice("restructured_2024.txt")
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.sections.map { ReportStrings.section($0) } == ["二 重点任务 → 三 (6 tasks; also 二)", "三 工作要求 → 四 (2 tasks)"])
        #expect(r.headline.count == 5)
        #expect(r.headline[0].hasPrefix("9 → 11 tasks"))
        #expect(r.headline[1].contains("医政科 +1") && r.headline[1].contains("平安办 +1"), "\(r.headline[1])")
        #expect(r.added.map(\.lead) == [["医政科"], ["平安办"]])
        let text = DiffTextRenderer(colour: false).render(r)
        #expect(text.contains("+ 二 （一）  开展医疗机构消防安全专项整治  lead 医政科"))
        #expect(text.contains("Parts\n  二 重点任务 → 三 (6 tasks; also 二)"))
        // The Markdown memo keeps the order: summary, units, parts, then the tasks.
        let md = DiffMarkdownRenderer().render(r)
        let order = ["## Summary", "## Units", "## Parts", "## Added"].map { md.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "\(md)")
    }

    /// A unit written with the issuer's prefix or in Traditional characters is the same unit.
    @Test func unitSpellingsAreOneUnit() {
        let t1 = NoticeTask(id: "a#1", path: ["1"], title: "加强反恐防暴", text: "加强反恐防暴工作。（牵头单位：安稳办）",
                            lead: ["安稳办"], source: SourceLocation(line: 1))
        var t2 = t1
        t2.id = "b#1"
        t2.lead = ["委安穩办"]
        let old = Notice(file: "a.txt", year: 2024, units: [NoticeUnit(name: "安稳办", kind: .department)], tasks: [t1])
        let new = Notice(file: "b.txt", year: 2025, tasks: [t2])
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.summary.paired == 1)
        #expect(r.summary.changed == 0)
    }

    /// Extracts a small notice written to a temporary file.
    static func extract(_ text: String, name: String) throws -> Notice {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-diff-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try CatalogBuilder.notice(atPath: url.path, relativePath: name)
    }

    static func notice(year: Int, items: [String]) -> String {
        "某区卫生健康委员会\n关于印发\(year)年安全稳定工作要点的通知\n\n委属各单位：\n\n现将工作要点印发给你们。\n\n某区卫生健康委员会\n\(year)年1月8日\n\n"
            + "\(year)年安全稳定工作要点\n\n一、重点任务\n\n"
            + items.enumerated().map { "（\(["一", "二", "三"][$0.offset])）\($0.element)" }.joined(separator: "\n\n") + "\n"
    }

    /// The same units written as labels one year and verbally the next: no change.
    @Test func annotationStyleIsNoChange() throws {
        let old = try Self.extract(Self.notice(year: 2024, items: [
            "加强消防安全管理，完善消防设施设备维护保养制度。（牵头单位：安稳办；配合单位：医政科、规财科）",
            "健全信访工作机制，开展信访积案化解专项行动。（牵头单位：办公室；配合单位：安稳办）",
        ]), name: "style_2024.txt")
        let new = try Self.extract(Self.notice(year: 2025, items: [
            "加强消防安全管理，完善消防设施设备维护保养制度。（安稳办牵头，医政科、规财科配合）",
            "健全信访工作机制，开展信访积案化解专项行动。由办公室牵头，安稳办配合。",
        ]), name: "style_2025.txt")
        #expect(old.tasks.map(\.lead) == [["安稳办"], ["办公室"]])
        #expect(new.tasks.map(\.lead) == [["安稳办"], ["办公室"]])
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.summary.paired == 2)
        #expect(r.summary.changed == 0, "\(r.pairs.map(\.changes))")
    }

    /// A unit named only in the prose (no annotation) that changes is a wording change.
    @Test func proseUnitChangeIsText() throws {
        let old = try Self.extract(Self.notice(year: 2024, items: [
            "严格开展监督执法。委安稳办要科学编制年度监督检查计划，在重要时段加密执法检查频次。",
        ]), name: "prose_2024.txt")
        let new = try Self.extract(Self.notice(year: 2025, items: [
            "严格开展监督执法。委办公室要科学编制年度监督检查计划，在重要时段加密执法检查频次。",
        ]), name: "prose_2025.txt")
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.pairs.map(\.changes) == [[.text]])
    }

    /// A kept task and a new task on the same subject are a pair and an addition, not a split.
    @Test func relatedNewTaskIsNotASplit() throws {
        let old = try Self.extract(Self.notice(year: 2024, items: [
            "加强消防安全管理，推进消防安全标准化建设，完善消防设施设备维护保养制度，开展消防安全检查。（牵头单位：安稳办；配合单位：规财科）",
        ]), name: "fire_2024.txt")
        let new = try Self.extract(Self.notice(year: 2025, items: [
            "加强消防安全管理，推进消防安全标准化建设，完善消防设施设备维护保养制度。（牵头单位：安稳办；配合单位：规财科）",
            "开展消防安全专项检查，排查消防通道堵塞、电气线路老化等隐患，建立隐患清单。（牵头单位：安稳办；配合单位：规财科）",
        ]), name: "fire_2025.txt")
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.splits.isEmpty)
        #expect(r.pairs.map { DiffFixture.key($0.new.path) } == ["一/（一）"])
        #expect(r.added.map { DiffFixture.key($0.path) } == ["一/（二）"])
    }

    /// A task copied verbatim (explicit years and all) into next year's notice is unchanged, and so
    /// is one whose years were moved on by one; a different month is a deadline change.
    @Test func yearsVerbatimOrMovedOnAreNoChange() throws {
        let task = { (y: Int, m: Int) in
            "完成全系统安防设施升级改造，力争在\(y - 1)年基础上实现涉医案件数量下降，\(y)年\(m)月底前完成。（牵头单位：安稳办）"
        }
        let old = try Self.extract(Self.notice(year: 2024, items: [task(2024, 6), task(2024, 6), task(2024, 6)]), name: "years_2024.txt")
        let new = try Self.extract(Self.notice(year: 2025, items: [task(2024, 6), task(2025, 6), task(2025, 9)]), name: "years_2025.txt")
        #expect(old.tasks.map { $0.deadlines.map(\.end) } == [["2024-06-30"], ["2024-06-30"], ["2024-06-30"]])
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairsByPath == ["一/（一） → 一/（一）": [], "一/（二） → 一/（二）": [], "一/（三） → 一/（三）": [.deadline]])
    }

    /// table_2024.tsv → table_2025.tsv: rows reordered and renumbered, one removed, one added.
    @Test func taskTableRows() throws {
        let old = try DiffFixture.notice("table_2024.tsv"), new = try DiffFixture.notice("table_2025.tsv")
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairsByPath == [
            "一/1 → 一/1": [],                     // 2024年度 → 2025年度, 2024年3月底前 → 2025年3月底前
            "一/2 → 一/2": [.deadline],            // 每月15日前 → 每月10日前
            "一/3 → 一/3": [.lead, .support],      // 办公室 ⇄ 信访办
            "一/5 → 一/4": [.metric],              // 90% → 95%
            "一/6 → 一/5": [.text],                // reworded
            "一/8 → 一/6": [.support],             // + 办公室, moved up
            "一/7 → 一/7": [],
            "二 → 二": [],
        ])
        #expect(r.removed.map { DiffFixture.key($0.path) } == ["一/4"])
        #expect(r.added.map { DiffFixture.key($0.path) } == ["一/8"])
    }
}
