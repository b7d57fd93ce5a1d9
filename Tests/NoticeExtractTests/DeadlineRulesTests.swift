import Testing
@testable import NoticeExtract

/// Every time-limit rule has examples here, each found by that very rule (work year 2024).
@Suite struct DeadlineRulesTests {
    static let examples: [String: [(text: String, key: String)]] = [
        "numeric date": [("于2024.3.31前报送", "date:2024-03-31"), ("2024-06-30完成", "date:2024-06-30")],
        "last day of every month": [("每月最后一个工作日报送", "recurring:month:")],
        "span of years": [("2024年至2025年持续开展", "range:2024-01-01..2025-12-31")],
        "half of a year": [("2024年下半年完成验收", "range:2024-07-01..2024-12-31")],
        "from today until": [("即日起至2024年12月31日", "date:2024-12-31")],
        "by a target year": [("到2026年，全区建成3所", "date:2026-12-31"), ("到2025年底基本建成", "date:2025-12-31")],
        "the year as a limit in an annotation": [("（国务院各部门分别负责，年内持续推进）", "range:2024-01-01..2024-12-31")],
        "quarter": [("第三季度开展督查", "range:2024-07-01..2024-09-30"), ("第一季度末前完成", "date:2024-03-31")],
        "day of every period": [("每月15日前报送", "recurring:month:15")],
        "month of every year": [("每年6月组织演练", "recurring:year:")],
        "end of every period": [("每季度末报送", "recurring:quarter:")],
        "range of months": [("3月-4月开展自查", "range:2024-03-01..2024-04-30"), ("7月下旬至10月底", "range:2024-07-21..2024-10-31")],
        "range of months in a year": [("2024年3-5月集中整治", "range:2024-03-01..2024-05-31")],
        "by a date": [("10月底前完成", "date:2024-10-31"), ("年底前完成", "date:2024-12-31"), ("7月上旬完成", "range:2024-07-01..2024-07-10")],
        "end of a month": [("11月底全面完成整改", "date:2024-11-30")],
        "part of a month": [("7月中旬召开推进会", "range:2024-07-11..2024-07-20")],
        "month in brackets": [("总结提升（12月）", "range:2024-12-01..2024-12-31")],
        "in a month": [("委将于11月组织督查", "date:2024-11-30")],
        "month opening a clause": [("开展安全生产月活动。6月集中开展宣传咨询", "range:2024-06-01..2024-06-30")],
        "golden hours": [("把握黄金4小时", "within:PT4H")],
        "response time": [("接报后半小时内到达", "within:PT30M"), ("3个工作日内办结", "within:P3D")],
        "within years or months": [("5年内引进100名", "within:P5Y"), ("3个月内完成整改", "within:P3M")],
        "reporting every period": [("每月向委安稳办报送", "recurring:month:")],
        "reporting regime": [("实行月报告制度", "recurring:month:")],
    ]

    @Test func everyRuleHasExamples() {
        let names = DeadlineRules.all.map(\.name)
        #expect(Set(names).count == names.count, "rule names are unique")
        for name in names { #expect(Self.examples[name] != nil, "no example for rule \(name)") }
        for name in Self.examples.keys { #expect(names.contains(name), "example for unknown rule \(name)") }
    }

    @Test(arguments: examples.keys.sorted())
    func ruleFindsItsExamples(rule: String) {
        for (text, key) in Self.examples[rule]! {
            let found = DeadlineExtractor.explained(in: text, year: 2024)
            #expect(found.contains { $0.rule == rule && $0.deadline.key == key }, "\(rule): \(text) → \(found.map { "\($0.rule) \($0.deadline.key)" })")
        }
    }

    @Test func limitCellsReadTheWholeCell() {
        #expect(DeadlineExtractor.deadlines(inLimitCell: "全年", year: 2025).map(\.key) == ["range:2025-01-01..2025-12-31"])
        #expect(DeadlineExtractor.deadlines(inLimitCell: "长期推进", year: 2025).map(\.key) == ["ongoing"])
        #expect(DeadlineExtractor.deadlines(inLimitCell: "3月底前", year: 2025).map(\.key) == ["date:2025-03-31"])
        #expect(DeadlineExtractor.deadlines(inLimitCell: "2021年2月公布预算信息,2021年8月公布决算信息", year: 2021).map(\.key)
                == ["date:2021-02-28", "date:2021-08-31"])
        #expect(DeadlineExtractor.deadlines(inLimitCell: "1月底前完成;其它事项12月底前取得明显成效并长期坚持", year: 2023).map(\.key)
                == ["date:2023-01-31", "date:2023-12-31", "ongoing"])
    }

    @Test func twoLimitsInOneSentenceAndNotThePeriodOfATarget() {
        #expect(DeadlineExtractor.deadlines(in: "3月底前完成；其余事项年底前完成", year: 2024).map(\.key) == ["date:2024-03-31", "date:2024-12-31"])
        #expect(DeadlineExtractor.deadlines(in: "年内完成培训不少于2次", year: 2024).isEmpty)
        #expect(DeadlineExtractor.deadlines(in: "完成时限：长期坚持", year: 2024).map(\.key) == ["ongoing"])
    }
}
