import Testing
@testable import NoticeText

@Suite struct PageFieldsTests {
    @Test func fieldsOfAnInformationBlockLine() {
        let f = PageFields.fields(of: "发布机构: 省卫生健康委 文  号: 浙卫发〔2023〕10号")
        #expect(f["发布机构"] == "省卫生健康委")
        #expect(f["文号"] == "浙卫发〔2023〕10号")
        #expect(PageFields.fields(of: "索 引 号: 002482365/2023-00095 公开日期: 2023-04-22")["公开日期"] == "2023-04-22")
        #expect(PageFields.fields(of: "各单位要加强领导：做好工作").isEmpty)
    }

    @Test func chromeAndFieldsAreParagraphsOfTheirOwn() {
        let ps = Reflow.paragraphs(of: "您当前的位置:首页 > 信息公开 > 决策部署\n县卫健委2021年任务分解\n文章来源:县卫生健康委员会\n1.落实工作。")
        #expect(ps.map(\.text) == ["您当前的位置:首页>信息公开>决策部署", "县卫健委2021年任务分解", "文章来源:县卫生健康委员会", "1.落实工作。"])
    }

    /// Every alternative of the chrome pattern, each alone on a line: its needed characters must
    /// name one character of each (设为首页 had none, and stopped being chrome).
    @Test func everyChromeFormIsChrome() {
        for line in ["健康中国网", "某某政府网 — 首页", "首页 > 政务公开", "> 正文", "导航菜单", "网站支持IPv6", "设为首页",
                     "加入收藏", "无障碍", "适老版", "长辈版", "浏览次数：12", "【字体：大 中 小】", "字号：[大]", "打印本页", "关闭窗口"] {
            #expect(PageFields.isChrome(line), "\(line)")
        }
        #expect(!PageFields.isChrome("各科室要加强值班值守。"))
    }

    @Test func fieldPerLineRecordsJoinLabelAndValue() {
        let ps = Reflow.paragraphs(of: "具体任务\n完成改造，提升能力。\n责任单位\n卫健局、文旅局\n完成时限\n年底前")
        #expect(ps.map(\.text) == ["具体任务：完成改造，提升能力。", "责任单位：卫健局、文旅局", "完成时限：年底前"])
    }

    @Test func aUnitLineEndsItsParagraph() {
        let ps = Reflow.paragraphs(of: "2.统一归集规划信息。\n办公室\n做好执法信息公开\n3.公开负面清单。")
        #expect(ps.map(\.text) == ["2.统一归集规划信息。", "办公室", "做好执法信息公开", "3.公开负面清单。"])
    }

    @Test func smallFormMarkersFold() {
        #expect(OutlineMarker.parse(TextFolding.foldWidth("1﹒全省生产总值增长7%以上"))?.label == "1")
    }

    @Test func itemNumbersBeforeYearWordsAndDigits() {
        #expect(OutlineMarker.parse("3.年度考核。按年度组织考核")?.label == "3")
        #expect(OutlineMarker.parse("11.121人才梯队项目") == nil)
        #expect(OutlineMarker.parse("11.121人才梯队项目", nextArabic: 11)?.label == "11")
        #expect(OutlineMarker.parse("1.5万元补贴", nextArabic: 2) == nil)
    }
}

@Suite struct RunTogetherPageTests {
    @Test func aPageJoinedIntoOneLineIsSplitAtItsItemsAndLabels() {
        let line = "各镇人民政府，县政府各部门：现将重点工作责任分解印发给你们，请认真贯彻执行。各级各部门要高度重视，加强组织领导，明确具体任务，细化工作方案，确保按时完成既定的目标任务，加快经济社会高质量发展，以优异成绩完成全年各项目标任务，推动各项工作落地见效。 某县人民政府办公室 2022年4月18日 (此件公开发布) 重点工作责任分解 一、县长牵头重点工作 1.全县生产总值增长7.5%左右。 责任单位:县发改局、县财政局 2.落实过紧日子的要求，一般性支出只减不增。 责任单位:县财政局"
        let ps = Reflow.paragraphs(of: line).map(\.text)
        #expect(ps.contains("1.全县生产总值增长7.5%左右。"))
        #expect(ps.contains("责任单位:县发改局、县财政局"))
        #expect(ps.contains("一、县长牵头重点工作"))
    }
}
