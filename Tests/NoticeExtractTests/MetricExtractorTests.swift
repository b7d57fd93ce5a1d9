import NoticeExtract
import NoticeModel
import XCTest

final class MetricExtractorTests: XCTestCase {
    private func summary(_ text: String) -> [String] {
        MetricExtractor.metrics(in: text).map { m in
            let v: String
            switch m.value {
            case .none: v = "-"
            case .number(let n)?: v = n.rounded() == n ? String(Int(n)) : String(n)
            case .range(let a, let b)?: v = "\(Int(a))-\(Int(b))"
            }
            return "\(m.comparator.rawValue) \(v) \(m.unit ?? "-") \(m.period?.rawValue ?? "-")"
        }
    }

    func testComparisonsWithPeriods() {
        XCTAssertEqual(summary("全系统各级党委会议每年研究意识形态工作不少于 2 次"), [">= 2 次 year"])
        XCTAssertEqual(summary("每年至少召开四次以上专题会议研究部署"), [">= 4 次 year"])
        XCTAssertEqual(summary("年内至少要在《河南法制报》上刊发一篇整版文章"), [">= 1 篇 year"])
        XCTAssertEqual(summary("每月至少组织开展一次风险排查"), [">= 1 次 month"])
        XCTAssertEqual(summary("每季度组织1次以上的培训活动"), [">= 1 次 quarter"])
        XCTAssertEqual(summary("每季度听取一次工作情况汇报"), ["= 1 次 quarter"])
        XCTAssertEqual(summary("每年不少於2次"), [">= 2 次 year"])
    }

    func testUpperLimitsInTime() {
        XCTAssertEqual(summary("一般隐患整改周期控制在15日以内"), ["<= 15 日 -"])
        XCTAssertEqual(summary("平均急救反应时间控制在12分钟以内"), ["<= 12 分钟 -"])
    }

    func testComparatorWordsInsideOtherWordsDoNotCount() {
        XCTAssertEqual(summary("二级以上医院平安医院创建达标率不低于90%"), [">= 90 % -"])
    }

    func testPercentagesRangesAndCounts() {
        XCTAssertEqual(summary("及时受理率、按期办结率需达100%"), ["= 100 % -"])
        XCTAssertEqual(summary("做到单位干部职工100%下载安装"), ["= 100 % -"])
        XCTAssertEqual(summary("着力创建1-2个非医疗机构公众卫生应急技能培训基地"), ["range 1-2 个 -"])
        XCTAssertEqual(summary("常态化保持1条以上宣传内容"), [">= 1 条 -"])
    }

    func testDirectionalTargetsOnlyOnRatesAndCounts() {
        XCTAssertEqual(summary("实现本系统电信诈骗案件数量、涉案金额双降低"), ["decrease - - -"])
        XCTAssertEqual(summary("提高群众普法知晓率"), ["increase - - -"])
        XCTAssertEqual(summary("提高办理质理和效率"), [])
        XCTAssertEqual(summary("提高本系统干部职工国家安全意识和防范能力"), [])
        XCTAssertEqual(summary("减少消防违法违规行为"), [])
    }

    func testTextIsCopiedAsWrittenAndTheObjectMayComeFirst() {
        XCTAssertEqual(MetricExtractor.metrics(in: "每年至少召開1次專題會議").map(\.text), ["至少召開1次"])
        XCTAssertEqual(DeadlineExtractor.deadlines(in: "於2024年6月底前完成", year: 2024).map(\.text), ["2024年6月底前"])
        XCTAssertEqual(summary("平安建设知晓率进一步提高"), ["increase - - -"])
    }

    func testVagueWordsAndOtherNumbersAreNotMetrics() {
        XCTAssertEqual(summary("实现防雷装置规范建设“全覆盖”"), [])
        XCTAssertEqual(summary("规范血液采集检测、一次性耗材使用"), [])
        XCTAssertEqual(summary("扎实开展安全生产治本攻坚三年行动"), [])
        XCTAssertEqual(summary("推动消防安全管理标准化建设从二级以上医疗机构向一级延伸"), [])
        XCTAssertEqual(summary("电话半小时内、书面1小时内完成报送"), [])
    }
}
