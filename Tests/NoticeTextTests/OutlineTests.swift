import NoticeText
import XCTest

final class OutlineTests: XCTestCase {
    func testMarkerStyles() {
        let cases: [(String, OutlineMarker.Style, String, Int)] = [
            ("三、重点任务", .chineseNumeral, "三", 3),
            ("（十二）加强宣传", .parenChinese, "（十二）", 12),
            ("(四) 紧盯行业治理风险", .parenChinese, "(四)", 4),
            ("10.加强燃气安全管理", .arabic, "10", 10),
            ("1、加强", .arabic, "1", 1),
            ("（3）做好", .parenArabic, "（3）", 3),
            ("②开展", .circled, "②", 2),
            ("第十五条 各单位", .article, "第十五条", 15),
            ("工作任务", .chineseNumeral, "工作任务", 0),
        ]
        for (text, style, label, ordinal) in cases {
            let m = OutlineMarker.parse(text)
            XCTAssertEqual(m?.style, style, text)
            XCTAssertEqual(m?.label, label, text)
            XCTAssertEqual(m?.ordinal, ordinal, text)
        }
        XCTAssertNil(OutlineMarker.parse("2023年4月19日"))
        XCTAssertNil(OutlineMarker.parse("1.5万元用于"))
        // An item whose text starts with a date is an item, not a decimal: "2.7月上旬至8月底开展…".
        XCTAssertEqual(OutlineMarker.parse("2.7月上旬至8月底开展夏季治安打击整治行动")?.label, "2")
        XCTAssertEqual(OutlineMarker.parse("11.7月下旬至10月底开展排查")?.label, "11")
        XCTAssertNil(OutlineMarker.parse("一是加强队伍建设"))
        XCTAssertNil(OutlineMarker.parse("（此件公开发布）"))
    }

    func testChineseNumerals() {
        XCTAssertEqual(ChineseNumeral.value(of: "十"), 10)
        XCTAssertEqual(ChineseNumeral.value(of: "二十六"), 26)
        XCTAssertEqual(ChineseNumeral.value(of: "一百二十"), 120)
        XCTAssertEqual(ChineseNumeral.value(of: "四"), 4)
        XCTAssertEqual(ChineseNumeral.digitString("二〇一二"), 2012)
        XCTAssertNil(ChineseNumeral.value(of: "四次"))
    }

    func testCoverTitleOutlineAndTrailerOfAPDFNotice() throws {
        let layout = OutlineBuilder.layout(of: Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.pdfPlan)))
        XCTAssertEqual(layout.cover.first?.text, "重庆市渝北区卫生健康委员会文件")
        XCTAssertEqual(layout.cover.last?.text, "2023年4月19日")
        XCTAssertEqual(layout.title.map(\.text), ["渝北区卫生健康系统平安法治建设工作实施方案"])
        XCTAssertEqual(layout.outline.roots.map { layout.outline.nodes[$0].label }, ["一", "二", "三", "四", "附件"])
        let outline = layout.outline
        let attachment = outline.roots.last!
        XCTAssertEqual(outline.nodes[attachment].children.count, 5)
        let firstItem = outline.nodes[outline.nodes[attachment].children[0]].children[0]
        XCTAssertEqual(outline.path(of: firstItem), ["附件", "一", "1"])
        XCTAssertEqual(layout.trailer.map(\.text), ["重庆市渝北区卫生健康委员会办公室2023年4月19日印发"])
    }

    func testBareHeadingsAndMixedParenthesesAreSiblings() throws {
        let layout = OutlineBuilder.layout(of: Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.lineLabels)))
        let roots = layout.outline.roots.map { layout.outline.nodes[$0].label }
        XCTAssertEqual(roots, ["一", "二", "工作任务", "实施步骤", "工作要求"])
        let tasks = layout.outline.nodes[layout.outline.roots[2]]
        XCTAssertEqual(tasks.children.count, 10)

        let hospital = OutlineBuilder.layout(of: Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.hospitalPlan)))
        let keyTasks = hospital.outline.nodes[hospital.outline.roots[3]]
        XCTAssertEqual(keyTasks.children.map { hospital.outline.nodes[$0].label }, ["（一）", "（二）", "（三）", "(四)"])
        // The form attachment announced twice ("附件：X" then "附件：") is one attachment.
        XCTAssertEqual(hospital.outline.roots.filter { hospital.outline.nodes[$0].isAttachment }.count, 1)
    }

    func testNoticeWithoutNumberingHasOnlyAPreamble() {
        let text = """
        关于做好节日期间安全稳定工作的通知
        各单位：
        节日将至，各单位要加强值班值守，确保安全稳定。
        各单位要加强消防安全检查，及时整改隐患。
        特此通知。
        某某卫生健康委员会
        2024年9月20日
        """
        let layout = OutlineBuilder.layout(of: Reflow.paragraphs(of: text))
        XCTAssertTrue(layout.outline.nodes.isEmpty)
        XCTAssertEqual(layout.title.map(\.text), ["关于做好节日期间安全稳定工作的通知"])
        XCTAssertTrue(layout.preamble.contains { $0.text.hasPrefix("各单位要加强消防安全检查") })
        XCTAssertFalse(layout.preamble.contains { $0.text.hasPrefix("某某卫生健康委员会") })
    }
}
