import Testing
@testable import NoticeExtract
import NoticeModel

/// Every target rule has examples here, each found by that very rule.
@Suite struct MetricRulesTests {
    static let examples: [String: [(text: String, summary: String)]] = [
        "change by a number": [("地区生产总值增长8%以上", ">= 8 %"), ("进出口总额增长9%左右", "= 9 %"), ("提高到95%", ">= 95 %")],
        "comparison": [("每年不少于2次", ">= 2 次 year"), ("发生率控制在2%以内", "<= 2 %"), ("稳定在95%", "= 95 %"), ("超过80%", ">= 80 %")],
        "range": [("建设1到2个培养基地", "range 1-2 个"), ("观察期3—12个月", "range 3-12 个月")],
        "number with a bound": [("遴选500家以上企业", ">= 500 家")],
        "frequency": [("每季度听取一次汇报", "= 1 次 quarter")],
        "percentage": [("签约率95%", "= 95 %")],
        "fixed count": [("建成3所托育机构", "= 3 所"), ("重点培养1万名左右人才", "= 1 万名"), ("实施16个乡镇卫生院改扩建", "= 16 个")],
        "direction on a rate or count": [("群众知晓率进一步提高", "increase"), ("提高群众满意度", "increase")],
    ]

    static func summary(_ m: Metric) -> String {
        var parts = [m.comparator.rawValue]
        switch m.value {
        case .number(let n)?: parts.append(n.rounded() == n ? String(Int(n)) : String(n))
        case .range(let a, let b)?: parts.append("\(Int(a))-\(Int(b))")
        case nil: break
        }
        if let u = m.unit { parts.append(u) }
        if let p = m.period { parts.append(p.rawValue) }
        return parts.joined(separator: " ")
    }

    @Test func everyRuleHasExamples() {
        let names = MetricRules.all.map(\.name)
        for name in names { #expect(Self.examples[name] != nil, "no example for rule \(name)") }
        for name in Self.examples.keys { #expect(names.contains(name), "example for unknown rule \(name)") }
    }

    @Test(arguments: examples.keys.sorted())
    func ruleFindsItsExamples(rule: String) {
        for (text, summary) in Self.examples[rule]! {
            let found = MetricExtractor.explained(in: text)
            #expect(found.contains { $0.rule == rule && Self.summary($0.metric) == summary },
                    "\(rule): \(text) → \(found.map { "\($0.rule) \(Self.summary($0.metric))" })")
        }
    }

    @Test func parametersOfARuleAndProgrammeNumbersAreNotTargets() {
        #expect(MetricExtractor.metrics(in: "补贴最高不超过10万元").isEmpty)
        #expect(MetricExtractor.metrics(in: "每户每年只能申领一次").isEmpty)
        #expect(MetricExtractor.metrics(in: "121人才梯队项目").isEmpty)
        #expect(MetricExtractor.metrics(in: "5年内培养不少于400名").map(Self.summary) == [">= 400 名"])
    }
}
