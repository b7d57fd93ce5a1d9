import Testing
@testable import NoticeDiff

/// The word-level text diff: ICU words, LCS, runs that rebuild both texts.
@Suite struct WordDiffTests {
    let words = WordDiff()

    @Test func identicalTextIsOneKeptRun() {
        let d = words.diff("加强消防安全管理。", "加强消防安全管理。")
        #expect(d.edits == [TextDiff.Edit(op: .equal, text: "加强消防安全管理。")])
        #expect(!d.hasChanges)
    }

    @Test func changedNumberIsTheOnlyEdit() {
        let d = words.diff("调解成功率达到95%以上。", "调解成功率达到98%以上。")
        #expect(d.marked == "调解成功率达到[-95-]{+98+}%以上。")
    }

    @Test func insertionAndDeletionAreWholeWords() {
        let d = words.diff("严格落实储存、领用、使用管理制度", "严格落实储存、领用、使用、销毁全流程管理制度")
        #expect(d.edits.filter { $0.op == .delete }.isEmpty)
        #expect(d.edits.filter { $0.op == .insert }.map(\.text) == ["、销毁全流程"])
        let e = words.diff("每季度至少开展1次集中宣传", "至少开展1次集中宣传")
        #expect(e.edits.filter { $0.op == .delete }.map(\.text) == ["每季度"])
    }

    @Test func runsRebuildBothTexts() {
        let pairs = [
            ("加强危险化学品和毒麻药品安全管理，健全储存、领用、使用管理制度。", "强化毒麻药品和危险化学品管理，严格落实全流程管理制度，确保不发生安全事故。"),
            ("", "新增任务。"),
            ("删除的任务。", ""),
            ("ABC 2024年 abc", "ABD 2025年 abc（牵头单位：办公室）"),
        ]
        for (a, b) in pairs {
            let d = words.diff(a, b)
            #expect(d.oldText == a)
            #expect(d.newText == b)
        }
    }

    @Test func foldedFormsAreEqual() {
        let d = words.diff("（牽頭單位：安穩辦）", "（牵头单位：安稳办）")
        #expect(!d.hasChanges)
    }

    @Test func abridgedKeepsContextAroundEdits() {
        let long = String(repeating: "加强组织领导", count: 10)
        let d = words.diff(long + "，每月15日前报送。", long + "，每月10日前报送。").abridged(context: 4)
        #expect(d.marked.hasPrefix("…"))
        #expect(d.marked.contains("[-15-]{+10+}"))
        #expect(d.marked.count < 40)
    }
}
