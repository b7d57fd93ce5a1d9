import NoticeExtract
import NoticeModel
import XCTest

final class DeadlineExtractorTests: XCTestCase {
    private func keys(_ text: String, year: Int? = 2022) -> [String] {
        DeadlineExtractor.deadlines(in: text, year: year).map(\.key)
    }

    func testDatesAndRanges() {
        XCTAssertEqual(keys("各单位要于2022年10月底前完成整改"), ["date:2022-10-31"])
        XCTAssertEqual(keys("年底前完成全部验收"), ["date:2022-12-31"])
        XCTAssertEqual(keys("部署动员阶段（3月-4月）", year: 2019), ["range:2019-03-01..2019-04-30"])
        XCTAssertEqual(keys("推进落实阶段（7月下旬至10月底）"), ["range:2022-07-21..2022-10-31"])
        XCTAssertEqual(keys("巩固提升阶段（11月至12月）"), ["range:2022-11-01..2022-12-31"])
        XCTAssertEqual(keys("部署阶段（7月中旬）"), ["range:2022-07-11..2022-07-20"])
        XCTAssertEqual(keys("6月30日前报送总结"), ["date:2022-06-30"])
        XCTAssertEqual(keys("2024年2月底前"), ["date:2024-02-29"])
        XCTAssertEqual(keys("12月至次年2月开展冬季专项行动"), ["range:2022-12-01..2023-02-28"])
    }

    func testNumericDatesAndMonthEnds() {
        XCTAssertEqual(keys("2024.3.31"), ["date:2024-03-31"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "2024-06-30", year: 2024).map(\.key), ["date:2024-06-30"])
        XCTAssertEqual(keys("每月最后一个工作日前报送"), ["recurring:month:"])
        XCTAssertEqual(keys("版本1.2.3发布"), [])
    }

    func testCompletionWordIsNotPartOfTheTime() {
        let d = DeadlineExtractor.deadlines(in: "7月上旬完成辨识评估", year: 2024)
        XCTAssertEqual(d.map(\.key), ["range:2024-07-01..2024-07-10"])
        XCTAssertEqual(d.map(\.text), ["7月上旬"])
        XCTAssertEqual(DeadlineExtractor.deadlines(in: "10月底完成改造", year: 2024).map(\.text), ["10月底"])
    }

    func testHalfYearsAndYearSpans() {
        XCTAssertEqual(keys("2024年下半年完成"), ["range:2024-07-01..2024-12-31"])
        XCTAssertEqual(keys("2024年至2025年分批推进"), ["range:2024-01-01..2025-12-31"])
        XCTAssertEqual(keys("3月至11月每月通报一次", year: 2024), ["range:2024-03-01..2024-11-30"])
    }

    func testYearlyAndWeeklyDuties() {
        XCTAssertEqual(keys("每年6月开展安全生产月活动"), ["recurring:year:"])
        XCTAssertEqual(DeadlineExtractor.deadlines(in: "每周一汇总上报", year: 2024).map(\.text), ["每周一"])
        XCTAssertEqual(keys("每月10日前报送，各单位每月报告一次"), ["recurring:month:10"])
    }

    func testQuartersAndUntilDates() {
        XCTAssertEqual(keys("于第三季度完成全部整改", year: 2024), ["date:2024-09-30"])
        XCTAssertEqual(keys("2024年第一季度开展专项检查"), ["range:2024-01-01..2024-03-31"])
        XCTAssertEqual(keys("即日起至2024年12月31日开展集中整治"), ["date:2024-12-31"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "第三季度", year: 2024).map(\.key), ["date:2024-09-30"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "每半年", year: 2024).map(\.key), ["recurring:half-year:"])
    }

    func testRecurringAndResponseTimes() {
        XCTAssertEqual(keys("请各科室自8月起，每月15日前报保卫科"), ["recurring:month:15"])
        XCTAssertEqual(keys("各单位于每月月底前向市卫生局上报月报表"), ["recurring:month:"])
        XCTAssertEqual(keys("在严格实施月报告、季汇报基础上"), ["recurring:month:", "recurring:quarter:"])
        XCTAssertEqual(keys("建立“周汇总、月研判”工作制度"), ["recurring:week:", "recurring:month:"])
        XCTAssertEqual(keys("电话半小时内、书面1小时内完成报送"), ["within:PT30M", "within:PT1H"])
        XCTAssertEqual(keys("充分利用黄金24小时处置时间"), ["within:PT24H"])
        XCTAssertEqual(keys("实行日报告制度，各单位需每日向安稳办报告"), ["recurring:day:"])
    }

    func testFrequencyTargetsAndDutyRostersAreNotDeadlines() {
        XCTAssertEqual(keys("每年研究意识形态工作不少于2次"), [])
        XCTAssertEqual(keys("每月至少组织开展一次风险排查"), [])
        XCTAssertEqual(keys("严格落实领导带班、24小时值班值守等制度"), [])
        XCTAssertEqual(keys("力争在2022年基础上实现双降低"), [])
    }

    func testTimeLimitCells() {
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "长期坚持", year: 2024).map(\.key), ["ongoing"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "2024年12月", year: 2024).map(\.key), ["date:2024-12-31"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "2024年6月-9月", year: 2024).map(\.key), ["range:2024-06-01..2024-09-30"])
        XCTAssertEqual(DeadlineExtractor.deadlines(inLimitCell: "", year: 2024).map(\.key), [])
    }

    func testDeadlineTextHasNoSpaces() {
        let d = DeadlineExtractor.deadlines(in: "于 2023 年 6 月底前完成", year: 2023)
        XCTAssertEqual(d.first?.text, "2023年6月底前")
        XCTAssertEqual(d.first?.kind, .date)
    }
}
