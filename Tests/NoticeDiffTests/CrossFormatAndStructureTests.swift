import Testing
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
}
