import Testing
import NoticeModel
@testable import NoticeDiff

/// edits_2024.txt → edits_2025.txt: one known edit per task (see the expected table below).
@Suite struct EditsFixtureTests {
    static let report: NoticeDiffReport = {
        let old = try! DiffFixture.notice("edits_2024.txt"), new = try! DiffFixture.notice("edits_2025.txt")
        return NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
    }()

    /// Every pair the edits make, old path → new path, with the labels each edit should produce.
    static let expected: [String: [ChangeKind]] = [
        "二/（一）/1 → 二/（一）/1": [],                 // unchanged
        "二/（一）/2 → 二/（一）/2": [.lead],            // 牵头 安稳办 → 办公室
        "二/（三）/3 → 二/（一）/3": [.moved],           // 网络安全 moved into （一）, renumbered 3 → 3 of another section
        "二/（二）/1 → 二/（二）/1": [.deadline],        // 每月15日前 → 每月10日前
        "二/（二）/2 → 二/（二）/2": [.support],         // 配合 + 医政科
        "二/（二）/3 → 二/（二）/3": [.metric],          // 95% → 98%
        "二/（三）/1 → 二/（三）/1": [],                 // 2024年6月底前 → 2025年6月底前: same deadline a year on
        "二/（三）/2 → 二/（三）/2": [.deadline],        // 2024年9月底前 → 2025年11月底前
        "二/（三）/4 → 二/（三）/3": [.text],            // reworded, renumbered 4 → 3
        "二/（四）/1 → 二/（四）/1": [.text],            // split: the first part keeps 反恐防暴
        "二/（四）/1 → 二/（四）/2": [.lead, .support, .text],   // split: 安全防范系统, led by 安稳办
        "二/（四）/2 → 二/（四）/3": [],                 // renumbered 2 → 3 (a split before it)
        "三/（一） → 三/（一）": [],
        "三/（二） → 三/（二）": [],                     // 年底前 of two work years
    ]

    @Test func pairsAndLabelsAreExactlyTheKnownEdits() {
        #expect(Self.report.pairsByPath == Self.expected)
    }

    @Test func addedRemovedAndSplit() {
        let r = Self.report
        #expect(r.added.map { DiffFixture.key($0.path) } == ["二/（三）/4"])          // 电动自行车充电
        #expect(r.removed.map { DiffFixture.key($0.path) } == ["二/（一）/3"])        // 反邪教
        #expect(r.splits.count == 1)
        #expect(r.splits.first?.old.map { DiffFixture.key($0.path) } == ["二/（四）/1"])
        #expect(r.splits.first?.new.map { DiffFixture.key($0.path) } == ["二/（四）/1", "二/（四）/2"])
        #expect(r.merges.isEmpty)
        // The split's two parts are pairs too (marked as such), so a reader and a scorer see both.
        #expect(r.pairs.filter { $0.partOf == .split }.map { DiffFixture.key($0.new.path) } == ["二/（四）/1", "二/（四）/2"])
        #expect(r.summary.paired == 14 && r.summary.unchanged == 5 && r.summary.changed == 9)
    }

    @Test func leadDetails() throws {
        let p = try #require(Self.report.pair(old: "二/（一）/2"))
        #expect(p.details.lead == ValueChange(old: ["安稳办"], new: ["办公室"]))
        #expect(p.details.support == nil)
        #expect(p.similarity > 0.8)
    }

    @Test func supportDetails() throws {
        let p = try #require(Self.report.pair(old: "二/（二）/2"))
        #expect(p.details.support == ValueChange(old: ["办公室", "局属各单位"], new: ["办公室", "医政科", "局属各单位"]))
    }

    @Test func deadlineDetails() throws {
        let monthly = try #require(Self.report.pair(old: "二/（二）/1"))
        #expect(monthly.details.deadline?.old.map(\.byDay) == [15])
        #expect(monthly.details.deadline?.new.map(\.byDay) == [10])
        let dated = try #require(Self.report.pair(old: "二/（三）/2"))
        #expect(dated.details.deadline?.old.map(\.end) == ["2024-09-30"])
        #expect(dated.details.deadline?.new.map(\.end) == ["2025-11-30"])
    }

    @Test func metricDetails() throws {
        let p = try #require(Self.report.pair(old: "二/（二）/3"))
        #expect(p.details.metric?.old.first?.value == .number(95))
        #expect(p.details.metric?.new.first?.value == .number(98))
        #expect(p.details.text == nil)   // the wording is the same; the target changed
    }

    @Test func rewordedTextIsAWordDiff() throws {
        let p = try #require(Self.report.pair(old: "二/（三）/4"))
        let diff = try #require(p.details.text)
        #expect(diff.oldText.hasPrefix("加强危险化学品和毒麻药品安全管理"))
        #expect(diff.newText.hasPrefix("强化毒麻药品和危险化学品管理"))
        #expect(diff.edits.contains { $0.op == .insert && $0.text.contains("销毁全流程") })
        #expect(diff.edits.contains { $0.op == .equal && $0.text.contains("（牵头单位：医政科；配合单位：局属各医疗机构）") })
    }

    @Test func movedNamesBothSections() throws {
        let p = try #require(Self.report.pair(old: "二/（三）/3"))
        #expect(p.details.moved == SectionMove(old: ["二", "（三）"], new: ["二", "（一）"], oldSectionNow: ["二", "（三）"]))
        #expect(p.details.text == nil)
    }

    @Test func unitSummary() throws {
        let anwen = try #require(Self.report.units["安稳办"]?.lead)
        // Gains the lead of the split-off 安全防范系统 task; loses 反恐防暴 (lead changed) and 反邪教 (removed).
        #expect(anwen.new == ["edits_2025#12"])
        #expect(Set(anwen.dropped) == ["edits_2024#2", "edits_2024#3"])
        #expect(anwen.unchanged == 1)
        let office = try #require(Self.report.units["办公室"]?.lead)
        #expect(office.new == ["edits_2025#2"])
        #expect(Self.report.units["医政科"]?.support?.new == ["edits_2025#5"])
        #expect(Self.report.units["规财科"]?.lead?.new == ["edits_2025#10"])   // the added task
    }

    @Test func changedOnlyByDefault() {
        let old = try! DiffFixture.notice("edits_2024.txt"), new = try! DiffFixture.notice("edits_2025.txt")
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.pairs.count == 9)
        #expect(r.pairs.allSatisfy { !$0.changes.isEmpty })
        #expect(r.summary.unchanged == 5)
        #expect(r.units["公卫科"] == nil)   // only unchanged tasks
    }

    /// The same pair read backwards: the split is a merge, added and removed swap.
    @Test func reversedSplitIsAMerge() {
        let old = try! DiffFixture.notice("edits_2024.txt"), new = try! DiffFixture.notice("edits_2025.txt")
        let r = NoticeDiffer.diff(old: new, new: old)
        #expect(r.splits.isEmpty)
        #expect(r.merges.count == 1)
        #expect(r.merges.first?.old.map { DiffFixture.key($0.path) } == ["二/（四）/1", "二/（四）/2"])
        #expect(r.merges.first?.new.map { DiffFixture.key($0.path) } == ["二/（四）/1"])
        #expect(r.added.map { DiffFixture.key($0.path) } == ["二/（一）/3"])
        #expect(r.removed.map { DiffFixture.key($0.path) } == ["二/（三）/4"])
        #expect(r.pairs.filter { $0.partOf == .merge }.count == 2)
        #expect(r.summary.changed == 9)
    }

    @Test func identicalNoticesHaveNoChanges() {
        let old = try! DiffFixture.notice("edits_2024.txt")
        let r = NoticeDiffer.diff(old: old, new: old)
        #expect(r.summary.isEmpty)
        #expect(r.summary.unchanged == old.tasks.count)
        #expect(r.pairs.isEmpty && r.units.isEmpty)
    }

    /// The 2024 notice as PDF-extracted text (hard wraps mid-word, blank lines, spaced numbers;
    /// make_pdf_layout.py) diffs exactly like the clean text.
    @Test func pdfLayoutOfTheOldNoticeDiffsAlike() throws {
        let old = try DiffFixture.notice("edits_2024_pdf.txt"), new = try DiffFixture.notice("edits_2025.txt")
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairsByPath == Self.expected)
        #expect(r.added.map(\.path) == Self.report.added.map(\.path))
        #expect(r.removed.map(\.path) == Self.report.removed.map(\.path))
        #expect(r.splits.map { $0.new.map(\.path) } == Self.report.splits.map { $0.new.map(\.path) })
    }
}
