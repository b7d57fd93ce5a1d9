import Testing
@testable import NoticeExtract

/// Every responsibility form decides the examples written in its shape, and precedence holds.
@Suite struct ResponsibilityFormsTests {
    typealias R = Responsibility
    struct Example: Sendable, CustomStringConvertible {
        var form: String
        var evidence: @Sendable () -> ResponsibilityEvidence
        var firstListedLeads = false
        var expected: R
        var description: String { form }
    }

    static let examples: [Example] = [
        Example(form: "table cells", evidence: { ResponsibilityEvidence(text: "做好信息公开", cells: TableCells(lead: ["办公室牵头,各科室配合"])) },
                expected: R(lead: ["办公室"], support: ["各科室"])),
        Example(form: "table cells", evidence: { ResponsibilityEvidence(text: "做好信息公开", cells: TableCells(responsible: ["宣传处会办公室"])) },
                expected: .listed(["宣传处", "办公室"])),
        Example(form: "table cells", evidence: { ResponsibilityEvidence(text: "x", cells: TableCells(responsible: ["应急处、疾控处等按职责分工落实"])) },
                expected: R(responsible: ["应急处", "疾控处"])),
        Example(form: "labels", evidence: { ResponsibilityEvidence(text: "开展演练。（牵头单位：安稳办；配合单位：医政科及办公室）") },
                expected: R(lead: ["安稳办"], support: ["医政科", "办公室"])),
        Example(form: "labels", evidence: { ResponsibilityEvidence(text: "稳增长。\n牵头负责领导：张三。\n牵头责任单位：省发展改革委。\n协同责任单位：省财政厅等。") },
                expected: R(lead: ["省发展改革委"], support: ["省财政厅"])),
        Example(form: "labels", evidence: { ResponsibilityEvidence(text: "推进改革。〔责任单位：省发展改革委、商务厅按职责分工负责。具体任务不再分工〕") },
                expected: R(responsible: ["省发展改革委", "商务厅"])),
        Example(form: "labels", evidence: { ResponsibilityEvidence(text: "扩大投资。部门分工：省发展改革委牵头，各地、各部门配合。") },
                expected: R(lead: ["省发展改革委"], support: ["各地", "各部门"])),
        Example(form: "unit line", evidence: { ResponsibilityEvidence(text: "公开各类规划。", unitLine: "各科室、医疗保障事业管理中心按职责分工落实") },
                expected: R(responsible: ["各科室", "医疗保障事业管理中心"])),
        Example(form: "unit line", evidence: { ResponsibilityEvidence(text: "统一归集规划。", unitLine: "办公室") },
                expected: .listed(["办公室"])),
        Example(form: "unit list with a legend or 负责", evidence: { ResponsibilityEvidence(text: "拓展市场。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）") },
                firstListedLeads: true, expected: .listed(["税务总局", "财政部", "海关总署"])),
        Example(form: "unit list with a legend or 负责", evidence: { ResponsibilityEvidence(text: "释放产能。（海关总署、商务部等有关部门负责）") },
                firstListedLeads: true, expected: .listed(["海关总署", "商务部"])),
        Example(form: "unit list with a legend or 负责", evidence: { ResponsibilityEvidence(text: "完善网络。（区民政局、区财政局负责）") },
                expected: R(responsible: ["区民政局", "区财政局"])),
        Example(form: "unit list with a legend or 负责", evidence: { ResponsibilityEvidence(text: "抓好落实。（国务院各部门分别负责，年内持续推进）") },
                expected: R(responsible: ["国务院各部门"])),
        Example(form: "unit list with a legend or 负责", evidence: { ResponsibilityEvidence(text: "推进建设。（相关市、县政府负责）") },
                expected: R(responsible: ["相关市、县政府"])),
        Example(form: "verbal", evidence: { ResponsibilityEvidence(text: "优化营商环境。（市政务服务局牵头，市级各有关部门及各县市区政府按职责分工负责）") },
                expected: R(lead: ["市政务服务局"], support: ["市级各有关部门", "各县市区政府"])),
        Example(form: "verbal", evidence: { ResponsibilityEvidence(text: "由医政科负责，法规科配合，开展专项检查。") },
                expected: R(lead: ["医政科"], support: ["法规科"])),
        Example(form: "unlabelled list", evidence: { ResponsibilityEvidence(text: "加强院感防控。（医务处、公卫科、院感科）") },
                expected: .listed(["医务处", "公卫科", "院感科"])),
        Example(form: "inherited from a heading", evidence: { ResponsibilityEvidence(text: "做好值班值守。", inherited: R(lead: ["安稳办"])) },
                expected: R(lead: ["安稳办"])),
    ]

    @Test func everyFormHasExamples() {
        let forms = Set(ResponsibilityForms.all.map(\.name))
        #expect(forms == Set(Self.examples.map(\.form)))
    }

    @Test(arguments: examples)
    func formDecidesItsExample(example: Example) {
        let decided = ResponsibilityForms.decide(example.evidence(), ResponsibilityContext(firstListedLeads: example.firstListedLeads))
        #expect(decided?.1 == example.form)
        #expect(decided?.0 == example.expected)
    }

    @Test func tableCellsComeBeforeWordsInTheTaskText() {
        let e = ResponsibilityEvidence(text: "由医政科牵头开展检查", cells: TableCells(lead: ["办公室"]))
        #expect(ResponsibilityForms.decide(e, ResponsibilityContext())?.0.lead == ["办公室"])
    }

    @Test func aListInsideANameIsNotConvened() {
        // "会" inside 社会保障局 is part of the name.
        let e = ResponsibilityEvidence(text: "x", cells: TableCells(lead: ["市人力资源和社会保障局"]))
        #expect(ResponsibilityForms.decide(e, ResponsibilityContext())?.0.lead == ["市人力资源和社会保障局"])
    }

    @Test func namesSplitOnTheirOwnBoundaries() {
        #expect(UnitNames.split("区市场监管局区司法局") == ["区市场监管局", "区司法局"])
        #expect(UnitNames.split("文化和旅游部、工业和信息化部") == ["文化和旅游部", "工业和信息化部"])
        #expect(UnitNames.split("哈尔滨、黑河、绥芬河市政府") == ["哈尔滨市政府", "黑河市政府", "绥芬河市政府"])
        #expect(UnitNames.split("规划信息处(爱卫办)、财务处〕") == ["规划信息处(爱卫办)", "财务处"])
    }
}
