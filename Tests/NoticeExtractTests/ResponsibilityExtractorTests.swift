@testable import NoticeExtract
import XCTest

final class ResponsibilityExtractorTests: XCTestCase {
    private func find(_ text: String, known: Set<String> = []) -> Responsibility? {
        ResponsibilityExtractor.explicit(in: text, known: known)
    }

    func testInlineLabelsWithSemicolonOrComma() {
        let r = find("加强非法集资宣传教育。（牵头单位：安稳办；配合单位：规财科，委属各单位）")
        XCTAssertEqual(r, Responsibility(lead: ["安稳办"], support: ["规财科", "委属各单位"], responsible: []))
        let comma = find("做好网络安全工作。（牵头单位：信息科，区卫生信息中心，配合单位：机关各科室）")
        XCTAssertEqual(comma?.lead, ["信息科", "区卫生信息中心"])
        XCTAssertEqual(comma?.support, ["机关各科室"])
    }

    func testLabelLinesAfterTheItem() {
        let listed = find("加强宣传工作。\n责任处室：组宣处、信访效能办、机关党委")
        XCTAssertEqual(listed, Responsibility(lead: ["组宣处"], support: ["信访效能办", "机关党委"],
                                              responsible: ["组宣处", "信访效能办", "机关党委"]))
        let leadAndDuty = find("开展消防检查。\n牵头单位：区发改局\n责任单位：各镇街、区消防救援支队")
        XCTAssertEqual(leadAndDuty, Responsibility(lead: ["区发改局"], support: ["各镇街", "区消防救援支队"], responsible: []))
        let traditional = find("開展檢查。\n牽頭單位：安穩辦\n配合單位：醫政科、基建辦")
        XCTAssertEqual(traditional, Responsibility(lead: ["安穩辦"], support: ["醫政科", "基建辦"], responsible: []))
    }

    func testOtherFieldsBesideTheLabelsEndTheUnitList() {
        XCTAssertEqual(find("开展消防安全专项整治。（牵头单位：安稳办；配合单位：医政科、基建办；完成时限：2024年12月底前）"),
                       Responsibility(lead: ["安稳办"], support: ["医政科", "基建办"], responsible: []))
        XCTAssertEqual(find("加强危化品管理。\n牵头单位：药剂科 责任人：张三 完成时间：2024年9月底")?.lead, ["药剂科"])
        XCTAssertEqual(find("开展燃气安全排查。（责任单位（部门）：后勤科、保卫科；时间节点：6月30日前）"),
                       Responsibility.listed(["后勤科", "保卫科"]))
    }

    func testLabelVariants() {
        XCTAssertEqual(find("做好人事工作。（主办：办公室；协办：人事科、财务科）"),
                       Responsibility(lead: ["办公室"], support: ["人事科", "财务科"], responsible: []))
        XCTAssertEqual(find("规范执业。（牵头科室：医政科；协同科室：法规科）"),
                       Responsibility(lead: ["医政科"], support: ["法规科"], responsible: []))
        XCTAssertEqual(find("规范执业。【牵头单位】医政科【配合单位】法规科"),
                       Responsibility(lead: ["医政科"], support: ["法规科"], responsible: []))
        XCTAssertEqual(find("规范执业。\n责任部门：医政科（牵头）、法规科、各医院"),
                       Responsibility(lead: ["医政科"], support: ["法规科", "各医院"], responsible: []))
        XCTAssertEqual(find("开展巡查。医政科为牵头单位，区人民医院、区中医院为配合单位。"),
                       Responsibility(lead: ["医政科"], support: ["区人民医院", "区中医院"], responsible: []))
        XCTAssertEqual(find("开展巡查，由医政科负责，法规科配合。"),
                       Responsibility(lead: ["医政科"], support: ["法规科"], responsible: []))
    }

    func testNamesWithInnerParenthesesStayWhole() {
        let r = find("做好监测。（牵头单位：市卫生健康委；配合单位：各县（市、区）人民政府）")
        XCTAssertEqual(r?.support, ["各县（市、区）人民政府"])
    }

    func testVerbalForms() {
        XCTAssertEqual(find("做好救治工作（市卫生健康委牵头，市公安局、市民政局按职责分工负责）"),
                       Responsibility(lead: ["市卫生健康委"], support: ["市公安局", "市民政局"], responsible: []))
        XCTAssertEqual(find("开展专项检查。由医政科牵头，公卫科配合。"),
                       Responsibility(lead: ["医政科"], support: ["公卫科"], responsible: []))
        XCTAssertEqual(find("加强信访化解。医政科、安稳办按职责分工负责。"),
                       Responsibility(lead: [], support: [], responsible: ["医政科", "安稳办"]))
        // "牵头做好…" in prose names nobody.
        XCTAssertNil(find("加强监测预警，牵头做好重大传染病疫情防控工作。"))
    }

    func testAnnotationsBrokenAcrossLines() {
        // Reflow keeps an open parenthetical together; a label whose units start on the next line still has them.
        XCTAssertEqual(find("做好应急值守。\n责任单位：\n疾控科、区疾病预防控制中心"),
                       Responsibility.listed(["疾控科", "区疾病预防控制中心"]))
        XCTAssertEqual(find("加强风险防范，安全生产科牵头，各医疗卫生单\n位按职责分工负责，于9月底前完成。"),
                       Responsibility(lead: ["安全生产科"], support: ["各医疗卫生单位"], responsible: []))
    }

    func testMarkedLeadsAndNamedResponsibility() {
        XCTAssertEqual(find("开展疫苗管理。疾控股（牵头）、各医疗卫生单位配合。完成时限：6月26日前。"),
                       Responsibility(lead: ["疾控股"], support: ["各医疗卫生单位"], responsible: []))
        XCTAssertEqual(find("加强宣传。（疾控科（牵头）、办公室）"),
                       Responsibility(lead: ["疾控科"], support: ["办公室"], responsible: []))
        XCTAssertEqual(find("推进信息化建设。信息科为牵头单位，委属各单位配合。"),
                       Responsibility(lead: ["信息科"], support: ["委属各单位"], responsible: []))
        XCTAssertEqual(find("完善安全制度。医政医管处、安全生产科为责任单位。"),
                       Responsibility.listed(["医政医管处", "安全生产科"]))
    }

    func testCountySectionsEndingInGu() {
        XCTAssertEqual(find("每周播放不少于5天。由宣传股牵头，各乡镇卫生院、县直各医疗卫生单位配合。"),
                       Responsibility(lead: ["宣传股"], support: ["各乡镇卫生院", "县直各医疗卫生单位"], responsible: []))
    }

    func testVerbalFormsMidSentence() {
        XCTAssertEqual(find("由医政科牵头，区卫生监督所、委属各医疗机构配合，开展医院周边治安环境整治。"),
                       Responsibility(lead: ["医政科"], support: ["区卫生监督所", "委属各医疗机构"], responsible: []))
        XCTAssertEqual(find("开展专项整治，由医政科牵头，公卫科配合，年底前完成。"),
                       Responsibility(lead: ["医政科"], support: ["公卫科"], responsible: []))
    }

    func testUnlabelledTrailingLists() {
        XCTAssertEqual(find("落细落实常态化疫情防控各项措施。（医务处、公卫科、院感科）"),
                       Responsibility(lead: ["医务处"], support: ["公卫科", "院感科"], responsible: ["医务处", "公卫科", "院感科"]))
        XCTAssertEqual(find("打好常态化扫黑除恶斗争持久战。（投诉管理科、保卫科)")?.lead, ["投诉管理科"])
    }

    func testParentheticalsThatAreNotUnitLists() {
        XCTAssertNil(find("按照《新型冠状病毒肺炎防控方案（第九版）》，落实措施。"))
        XCTAssertNil(find("贯彻落实方案（武平安办〔2022〕12号）部署要求。"))
        XCTAssertNil(find("部署阶段（7月中旬）。"))
        XCTAssertNil(find("构建“三个挂钩”（与经济效益、行政许可、企业信誉挂钩）激励约束机制。"))
        XCTAssertNil(find("及时报告委平安法治建设工作领导小组办公室（安稳办）"))
    }
}
