import Testing
@testable import NoticeText

@Suite struct PipeTableTests {
    private func rows(_ text: String) -> [String] {
        Reflow.paragraphs(of: text).map(\.text)
    }

    @Test func wholeRowsOnOneLineBecomeTabRows() {
        let ps = rows("""
        工作任务 | 具体要求 | 责任科室 |
        一、做好执法公开 | 1.加强执法信息公开。 | 局政法科 |
        2.推进预算公开。 | 局财务科 | |
        """)
        #expect(ps == ["工作任务\t具体要求\t责任科室", "一、做好执法公开\t1.加强执法信息公开。\t局政法科", "2.推进预算公开。\t局财务科"])
    }

    @Test func oneCellPerLineWithBarLinesRebuildsRowsFromSerialNumbers() {
        let ps = rows("""
        序号
        |
        重点工作
        |
        牵头单位
        |
        完成时限
        |
        3
        |
        推进医疗资源扩容
        |
        区卫健局
        区发改局
        |
        年底前
        |
        7
        |
        创建卫生城市
        |
        区爱卫办
        |
        """)
        #expect(ps == ["序号\t重点工作\t牵头单位\t完成时限", "3\t推进医疗资源扩容\t区卫健局、区发改局\t年底前", "7\t创建卫生城市\t区爱卫办"])
    }

    @Test func aCategoryBeforeTheNumberOpensTheNextRow() {
        let ps = rows("""
        工作任务 |
        具体要求 |
        责任科室 |
        时限要求 |
        规范文件公开 |
        1 |
        清理规范性文件并公布目录。 |
        办公室 |
        年底前 |
        2 |
        做好年报编制发布。 |
        办公室 |
        持续推进 |
        加强宣传 |
        3 |
        积极参加约稿活动。 |
        各科室 |
        持续推进 |
        """)
        #expect(ps == ["工作任务\t序号\t具体要求\t责任科室\t时限要求",
                       "规范文件公开\t1\t清理规范性文件并公布目录。\t办公室\t年底前",
                       "\t2\t做好年报编制发布。\t办公室\t持续推进",
                       "加强宣传\t3\t积极参加约稿活动。\t各科室\t持续推进"])
    }

    @Test func aLoneBarAfterAHeadingIsDropped() {
        #expect(rows("一、提升履职能力 |\n（一）做好服务。") == ["一、提升履职能力", "（一）做好服务。"])
    }
}
