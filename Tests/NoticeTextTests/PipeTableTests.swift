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

@Suite struct MoreFlattenedTableTests {
    private func rows(_ text: String) -> [String] { Reflow.paragraphs(of: text).map(\.text) }

    @Test func markdownRowsMayBreakOverLines() {
        let ps = rows("""
        | 事项类别 | 事项名称 | 公开时限 | 公开责任 |
        |---|---|---|---|
        | 机构信息 |
        领导信息
        |
        公开领导姓名和分工。 | 20个工作日内 | 办公室 |
        """)
        #expect(ps == ["事项类别\t事项名称\t公开时限\t公开责任", "机构信息\t领导信息\t公开领导姓名和分工。\t20个工作日内\t办公室"])
    }

    @Test func rowsSeparatedBySpacesUnderASerialHeader() {
        let ps = rows("""
        序号 工 作 任 务 牵头负责部门
        1 居民消费价格涨幅3%左右 发展改革委
        2 城镇新增就业1000万人以上 人力资源社会保障部
        3 再开工20项重大水利工程 水利部
        """)
        #expect(ps == ["序号\t工作任务\t牵头负责部门", "1\t居民消费价格涨幅3%左右\t发展改革委",
                       "2\t城镇新增就业1000万人以上\t人力资源社会保障部", "3\t再开工20项重大水利工程\t水利部"])
    }

    @Test func aYearOrAnAmountInsideARowIsNotASerial() {
        let ps = rows("""
        序号 |
        项目名称 |
        建设时间 |
        投资金额(万元) |
        责任单位 |
        1 |
        城北小学门前道路建设项目 |
        2024 |
        300 |
        住建局 |
        2 |
        老旧小区改造项目 |
        2024 |
        1360 |
        住建局 |
        """)
        #expect(ps == ["序号\t项目名称\t建设时间\t投资金额(万元)\t责任单位", "1\t城北小学门前道路建设项目\t2024\t300\t住建局",
                       "2\t老旧小区改造项目\t2024\t1360\t住建局"])
    }
}
