import NoticeText
import XCTest

final class ReflowTests: XCTestCase {
    func testHardWrappedPDFLinesJoinIntoItems() throws {
        let paragraphs = Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.pdfPlan))
        // Item 三/（一）/2 spans lines 96-103, across a page break (" 口监测与家庭发展科…").
        let item = try XCTUnwrap(paragraphs.first { $0.text.hasPrefix("2.高度重视反恐防暴工作") })
        XCTAssertEqual(item.line, 96)
        XCTAssertEqual(item.endLine, 103)
        XCTAssertTrue(item.text.hasSuffix("（牵头单位：安稳办；配合单位：医政科、人口监测与家庭发展科、政策法规科，委属各单位）"))
        XCTAssertFalse(item.text.contains(" "))
    }

    func testSpacesAroundNumbersAreRemoved() throws {
        let paragraphs = Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.pdfPlan))
        XCTAssertTrue(paragraphs.contains { $0.text == "渝北卫健〔2023〕105号" })
        XCTAssertTrue(paragraphs.contains { $0.text == "2023年4月19日" })
        XCTAssertTrue(paragraphs.contains { $0.text.contains("每年研究意识形态工作不少于2次") })
    }

    func testNumberedItemsAndHeadingsAreNeverMerged() throws {
        let paragraphs = Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.pdfPlan))
        let heading = try XCTUnwrap(paragraphs.first { $0.text.hasPrefix("（一）政治安全方面") })
        XCTAssertEqual(heading.text, "（一）政治安全方面")
        XCTAssertEqual(paragraphs.filter { $0.text.hasPrefix("1.") }.count, 13)
    }

    func testWholeParagraphTextKeepsLabelLinesApartAndMendsBrokenLines() throws {
        let paragraphs = Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.lineLabels))
        XCTAssertTrue(paragraphs.contains { $0.text == "责任处室：信访效能办" })
        XCTAssertTrue(paragraphs.contains { $0.text == "2019年全市卫生健康系统平安建设工作实施方案" })
        let hospital = Reflow.paragraphs(of: try TestCorpus.text(TestCorpus.hospitalPlan))
        // "（投诉管理" + blank line + "科、保卫科)" is one parenthetical again.
        XCTAssertTrue(hospital.contains { $0.text.hasSuffix("持久战。（投诉管理科、保卫科)") })
    }

    func testAnOpenParentheticalContinuesOnTheNextLine() {
        let p = Reflow.paragraphs(of: "1.完善应急预案体系。（牵头单位：\n\n应急办；配合单位：\n\n委属各单位）\n\n2.加强值守。")
        XCTAssertEqual(p.map(\.text), ["1.完善应急预案体系。（牵头单位：应急办；配合单位：委属各单位）", "2.加强值守。"])
    }

    func testFullWidthDigitsFoldButChinesePunctuationStays() {
        let p = Reflow.paragraphs(of: "１．每年不少于２次，达到１００％。（牵头单位：医政科）")
        XCTAssertEqual(p.map(\.text), ["1.每年不少于2次，达到100%。（牵头单位：医政科）"])
    }

    func testSpreadsheetQuotedCellsSpanningLines() {
        let text = "序号\t工作任务\t牵头单位\t配合单位\n1\t开展网络安全测评\t信息科\t\"局属各单位\n区卫生健康信息中心\"\n2\t加强值守\t办公室\t\"法规科、\n区医调委\"\n"
        let p = Reflow.paragraphs(of: text)
        XCTAssertEqual(p.map(\.cells), [["序号", "工作任务", "牵头单位", "配合单位"],
                                       ["1", "开展网络安全测评", "信息科", "局属各单位、区卫生健康信息中心"],
                                       ["2", "加强值守", "办公室", "法规科、区医调委"]])
        XCTAssertEqual(p.map(\.line), [1, 2, 4])
    }

    func testTableRowsKeepTheirCells() {
        let p = Reflow.paragraphs(of: "序号\t工作任务\t牵头单位\n1\t加强消防安全管理\t安稳办\n")
        XCTAssertEqual(p.count, 2)
        XCTAssertEqual(p[1].cells, ["1", "加强消防安全管理", "安稳办"])
    }
}
