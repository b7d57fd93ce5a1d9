import NoticeDecode
import NoticeModel
import Testing
@testable import NoticeExtract

/// Notice shapes found on real public pages, each in a few lines of our own.
@Suite struct RealShapeTests {
    private func notice(_ text: String) -> Notice {
        CatalogBuilder.notice(decoded: DecodedText(text: text, format: "utf-8"), relativePath: "t.txt")
    }

    @Test func aHeadingInTheSerialColumnOpensAPartOfTheTable() {
        let n = notice("""
        某区卫生健康局2024年重点任务台账
        序号\t重点任务\t牵头科室\t完成时限
        （一）全面实施健康促进行动\t\t\t
        1\t开展健康知识进社区活动\t健康教育科\t2024年6月前
        2\t建设健康主题公园\t规划科\t全年
        （二）提升基层服务能力\t\t\t
        3\t推进家庭医生签约服务\t基层卫生科\t长期推进
        """)
        #expect(n.tasks.map(\.path) == [["（一）", "1"], ["（一）", "2"], ["（二）", "3"]])
        #expect(n.tasks.map(\.lead) == [["健康教育科"], ["规划科"], ["基层卫生科"]])
        #expect(n.tasks.map { $0.deadlines.map(\.key) } == [["date:2024-06-30"], ["range:2024-01-01..2024-12-31"], ["ongoing"]])
    }

    @Test func numberedItemsWithFieldsOnLinesOfTheirOwn() {
        let n = notice("""
        某区卫生健康局2024年重点工作任务分解
        1.推进医疗资源扩容，新建社区卫生服务中心2个。
        牵头单位
        区卫健局
        配合单位
        各街道、区发改局
        完成时限
        年底前
        2.加强公共卫生应急能力建设。
        责任单位
        区疾控中心
        完成时限
        长期坚持
        """)
        #expect(n.tasks.count == 2)
        #expect(n.tasks[0].lead == ["区卫健局"])
        #expect(n.tasks[0].support == ["各街道", "区发改局"])
        #expect(n.tasks[0].deadlines.map(\.key) == ["date:2024-12-31"])
        #expect(n.tasks[0].metrics.map(\.text) == ["新建社区卫生服务中心2个"] || n.tasks[0].metrics.map(\.text) == ["2个"])
        #expect(n.tasks[1].responsible == ["区疾控中心"])
        #expect(n.tasks[1].deadlines.map(\.key) == ["ongoing"])
    }

    @Test func otherLabelWordsEndAtTheNextField() {
        let n = notice("""
        某区2024年工作要点
        1.推进家庭医生签约服务。（实施主体：区卫健局；适用范围：全区各社区卫生服务中心）
        2.加强院感防控。（负责部门：医政科、院感科；完成时限：2024年6月底前）
        """)
        #expect(n.tasks[0].responsible == ["区卫健局"])
        #expect(n.tasks[1].responsible == ["医政科", "院感科"])
        #expect(n.tasks[1].deadlines.map(\.key) == ["date:2024-06-30"])
    }

    @Test func aRepeatedPageTitleGivesWayToTheBodyTitle() {
        let n = notice("""
        首页 > 政务公开 > 计划总结
        索 引 号: 11330000/2024-00012 公开日期: 2024-03-08
        发布机构: 区卫生健康局 文  号: 某卫发〔2024〕3号
        成文日期: 2024年3月5日
        某区卫生健康局2024年卫生健康工作要点
        发布日期: 2024-03-08 信息来源: 区卫生健康局
        一、重点任务
        1.做好传染病防控工作。（牵头单位：疾控科）
        """)
        #expect(n.issuer == "某区卫生健康局")
        #expect(n.number == "某卫发〔2024〕3号")
        #expect(n.date == "2024-03-05")
        #expect(n.title == "某区卫生健康局2024年卫生健康工作要点")
    }
}

@Suite struct SharedAnnotationTests {
    @Test func anAnnotationLineAfterTheLastItemCoversItsSiblings() {
        let n = CatalogBuilder.notice(decoded: DecodedText(text: """
        某市2024年应急体系建设任务分解
        （一）预案建设
        （1）加强应急预案管理，规范预案编制。
        （2）推进应急预案精编化，及时修订。
        （3）加强应急预案演练，完善演练制度。
        （责任单位：市应急局、各县（市、区）人民政府）
        """, format: "utf-8"), relativePath: "t.txt")
        #expect(n.tasks.count == 3)
        #expect(n.tasks.allSatisfy { $0.responsible == ["市应急局", "各县（市、区）人民政府"] })
    }

    @Test func aHeaderUnitGivesBareNumbersTheirCounter() {
        let n = CatalogBuilder.notice(decoded: DecodedText(text: """
        某县2024年民生实事项目清单
        序号\t项目名称\t建设时间\t年度投资金额（万元）\t责任单位
        1\t城北小学门前道路建设项目\t2024\t300\t住建局
        """, format: "utf-8"), relativePath: "t.txt")
        #expect(n.tasks.first?.metrics.map(\.unit) == ["万元"])
        #expect(n.tasks.first?.deadlines.map(\.key) == ["range:2024-01-01..2024-12-31"])
        #expect(n.tasks.first?.lead == ["住建局"])
    }
}
