import NoticeExtract
import NoticeModel
import XCTest

final class MetadataTests: XCTestCase {
    private func notice(_ text: String) -> Notice {
        CatalogBuilder.notice(decoded: .init(text: text, format: "utf-8"), relativePath: "t.txt")
    }

    func testChineseNumeralDateAndWebChrome() throws {
        let n = try CatalogBuilder.notice(atPath: Fixtures.corpus.appendingPathComponent("004_28f6194b3a9834db.txt").path,
                                          relativePath: "004.txt")
        XCTAssertEqual(n.date, "2012-04-26")
        XCTAssertEqual(n.issuer, "绍兴市卫生局")
        XCTAssertEqual(n.number, "绍市卫发〔2012〕74号")
        XCTAssertEqual(n.recipients, ["市直医疗卫生单位"])
        XCTAssertEqual(n.year, 2012)
    }

    func testCoverLetterWithoutNumberAndWorkYearFromTitle() throws {
        let n = try CatalogBuilder.notice(atPath: Fixtures.corpus.appendingPathComponent("001_d90f0c075659fcf0.txt").path,
                                          relativePath: "001.txt")
        XCTAssertNil(n.number)
        XCTAssertEqual(n.title, "2024年度渝北区卫生健康系统安全稳定工作要点")
        XCTAssertEqual(n.year, 2024)
        XCTAssertEqual(n.recipients, ["委属各单位", "各民营医院", "各托育机构"])
    }

    func testAliasesAndIssuerPrefixedNames() throws {
        let n = try CatalogBuilder.notice(atPath: Fixtures.corpus.appendingPathComponent("000_e2eba855e6b0ece5.txt").path,
                                          relativePath: "000.txt")
        let anwen = try XCTUnwrap(n.units.first { $0.name == "安稳办" })
        XCTAssertTrue(anwen.aliases.contains("委平安法治建设工作领导小组办公室"))
        XCTAssertEqual(anwen.kind, .department)
        XCTAssertEqual(n.units.first { $0.name == "委属各单位" }?.kind, .collective)
        // "委机关各科室" is 机关各科室 with the issuer's prefix.
        let task = try XCTUnwrap(n.tasks.first { $0.text.contains("电信诈骗劝阻队伍") })
        XCTAssertEqual(task.support, ["机关各科室", "委属各单位"])
        // The one-off "（办公室）" after the office's long name does not make 办公室 an alias of it.
        XCTAssertFalse(anwen.aliases.contains("办公室"))
        // "…工作领" + "导小组（以下简称领导小组）" spans a PDF paragraph's indented first line; the
        // definition is found, and the place-less form in the prose is the same unit.
        let group = try XCTUnwrap(n.units.first { $0.name == "领导小组" })
        XCTAssertEqual(group.aliases, ["渝北区卫生健康委平安法治建设工作领导小组"])
        let response = try XCTUnwrap(n.tasks.first { $0.path == ["附件", "四", "1"] })
        XCTAssertEqual(response.inferred, ["领导小组"])
        XCTAssertFalse(n.units.contains { $0.name == "委平安法治建设工作领导小组" })
    }

    func testEveryTaskKeepsItsSourceLine() throws {
        let n = try CatalogBuilder.notice(atPath: Fixtures.corpus.appendingPathComponent("000_e2eba855e6b0ece5.txt").path,
                                          relativePath: "000.txt")
        let first = try XCTUnwrap(n.tasks.first)
        XCTAssertEqual(first.path, ["三", "（一）", "1"])
        XCTAssertEqual(first.source.line, 84)
        XCTAssertTrue(n.tasks.allSatisfy { $0.source.line > 0 && $0.source.endLine >= $0.source.line })
        XCTAssertEqual(Set(n.tasks.map(\.id)).count, n.tasks.count)
    }

    func testArticlesThatStateNoWorkAreNotTasksAndCampusNotesAreNotAliases() {
        let n = notice("""
        市卫生健康局安全生产管理制度
        第一条 为加强全系统安全生产管理，根据有关规定，制定本制度。
        第二条 本制度适用于局属各单位。
        第三条 局属各单位要每季度至少开展1次安全检查。
        第四条 开展医疗机构安全检查。
        责任单位：医政医管科，青岛市市立医院（东院）、局属各医疗机构
        第五条 本制度由安全生产科负责解释，自印发之日起施行。
        """)
        XCTAssertEqual(n.tasks.map(\.path), [["第三条"], ["第四条"]])
        XCTAssertEqual(n.tasks[1].responsible, ["医政医管科", "青岛市市立医院（东院）", "局属各医疗机构"])
        XCTAssertEqual(n.tasks[0].inferred, ["局属各单位"])
    }

    func testNewShapesOfNumberingCoversAndLinks() {
        let n = notice("""
        关于印发2025年全区平安医院建设重点工作的通知
        各医疗卫生单位：
        现将《2025年全区平安医院建设重点工作》印发给你们，请认真贯彻落实。
        渝中区卫生健康局        渝中区公安分局
        2024年12月
        2025年全区平安医院建设重点工作
        第一部分 主要任务
        一、加强行业整治
        1）整治“医托”乱象，开展联合执法。（牵头单位：医政科；配合单位：各医院）
        2）整治号贩子，加强挂号管理。（牵头单位：综合监督科）
        第二部分 保障措施
        一、加强组织领导。各单位要成立工作专班。
        附件下载：
        1.2025年平安医院建设任务分解表.docx
        """)
        XCTAssertEqual(n.title, "2025年全区平安医院建设重点工作")
        XCTAssertEqual(n.year, 2025)
        XCTAssertEqual(n.tasks.map(\.path), [["第一部分", "一", "1"], ["第一部分", "一", "2"], ["第二部分", "一"]])
        XCTAssertEqual(n.tasks.map(\.lead), [["医政科"], ["综合监督科"], []])
        XCTAssertEqual(n.tasks.first?.title, "整治“医托”乱象，开展联合执法")
        XCTAssertEqual(n.tasks.last?.core, false)
    }

    func testLabelLinesWrittenBeforeTheirItems() {
        let n = notice("""
        信访工作任务分工方案
        一、重点任务分工
        牵头单位：办公室；配合单位：医政股
        （一）健全信访工作责任体系，落实领导接访制度。
        牵头单位：医政股；配合单位：基层卫生股
        （二）加强医疗纠纷调处，推进人民调解。
        责任单位：综合监督股、各医疗卫生单位
        （三）开展信访积案化解，逐案落实责任。
        """)
        XCTAssertEqual(n.tasks.map(\.lead), [["办公室"], ["医政股"], ["综合监督股"]])
        XCTAssertEqual(n.tasks[2].responsible, ["综合监督股", "各医疗卫生单位"])
    }

    func testLabelLinesUnderAHeadingApplyToItsItemsAndPeopleColumnsAreNotUnits() {
        let n = notice("""
        禁毒工作方案
        第一部分 禁毒宣传
        【牵头单位】医政股
        【配合单位】各医疗卫生单位
        1.加强麻醉药品和精神药品管理，开展专项检查。
        2.推进戒毒药物维持治疗工作，提高维持率。
        第二部分 工作台账
        序号\t工作事项\t责任领导\t责任科室\t配合科室\t完成时间\t备注
        1\t制定年度平安医院建设工作方案\t张某某\t医政股\t办公室\t2024.3.31\t每年不少于2次
        """)
        XCTAssertEqual(n.tasks.map(\.lead), [["医政股"], ["医政股"], ["医政股"]])
        XCTAssertEqual(n.tasks[0].support, ["各医疗卫生单位"])
        XCTAssertEqual(n.tasks[2].support, ["办公室"])
        XCTAssertEqual(n.tasks[2].deadlines.map(\.key), ["date:2024-03-31"])
        XCTAssertEqual(n.tasks[2].metrics.first?.comparator, .atLeast)
    }

    func testTwoLevelTablesAndMergedCells() {
        let n = notice("""
        平安建设任务分工方案
        一、任务分工
        序号\t大项\t小项\t牵头单位\t配合单位\t完成时限
        一\t加强平安医院建设\t1.深入开展平安医院创建活动\t医政医管科\t各县（区）卫生健康局\t2023年12月底前
        \t\t2.加强医院安保力量配备\t医政医管科\t局属各单位\t2023年6月底前
        二\t化解信访矛盾\t3.开展信访积案化解专项行动\t信访办\t局机关各科室\t2023年9月底前
        """)
        XCTAssertEqual(n.tasks.map(\.path), [["一", "一", "1"], ["一", "一", "2"], ["一", "二", "3"]])
        XCTAssertEqual(n.tasks.map(\.lead), [["医政医管科"], ["医政医管科"], ["信访办"]])
        XCTAssertEqual(n.tasks[1].text, "加强医院安保力量配备")
        XCTAssertEqual(n.tasks[1].deadlines.map(\.key), ["date:2023-06-30"])
    }

    func testMarkerAloneOnItsLineKeepsItsHeading() {
        let n = notice("""
        关于开展2024年消防安全检查的通知
        一、检查内容
        （一）消防安全责任制落实情况。各单位要于5月20日前完成自查。
        二、

        工作要求

        各单位要高度重视，确保检查取得实效。委将于11月组织开展专项督查。
        """)
        XCTAssertEqual(n.tasks.map(\.path), [["一", "（一）"], ["二"]])
        XCTAssertEqual(n.tasks[1].core, false)
        XCTAssertEqual(n.tasks[1].deadlines.map(\.text), ["11月"])
    }

    func testIssuingNoticeWithoutAnIssueSentence() {
        let n = notice("""
        某某市卫生健康委员会文件
        某卫〔2024〕66号
        关于印发2024年卫生健康系统消防安全工作实施方案的通知
        各区县卫生健康委，委属各单位：
        2024年卫生健康系统消防安全工作实施方案
        一、开展消防安全大排查，2024年年底前完成设施更新。（牵头单位：规划处）
        """)
        XCTAssertEqual(n.title, "2024年卫生健康系统消防安全工作实施方案")
        XCTAssertEqual(n.recipients, ["各区县卫生健康委", "委属各单位"])
        XCTAssertEqual(n.tasks.first?.deadlines.map(\.key), ["date:2024-12-31"])
    }

    func testSalutationWithoutACoverLetter() {
        let n = notice("""
        关于做好2024年汛期安全工作的通知
        委机关各科室，委属各单位，各社区卫生服务中心：
        一、加强值守。各单位要严格落实24小时值班制度。
        """)
        XCTAssertEqual(n.recipients, ["委机关各科室", "委属各单位", "各社区卫生服务中心"])
    }

    func testNoticeWithoutNumberingGivesOneTaskPerParagraph() {
        let n = notice("""
        关于做好节日期间安全稳定工作的通知
        各单位：
        节日将至，各单位要加强值班值守，确保安全稳定，遇有突发事件须在1小时内报告。
        各单位要加强消防安全检查，及时整改隐患。此项工作由安稳办牵头，医政科配合。
        特此通知。
        某某卫生健康委员会
        2024年9月20日
        """)
        XCTAssertEqual(n.tasks.map(\.path), [["1"], ["2"]])
        XCTAssertEqual(n.tasks[1].lead, ["安稳办"])
        XCTAssertEqual(n.tasks[0].deadlines.map(\.key), ["within:PT1H"])
        XCTAssertEqual(n.date, "2024-09-20")
        XCTAssertEqual(n.issuer, "某某卫生健康委员会")
    }
}
