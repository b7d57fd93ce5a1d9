import Testing
@testable import NoticeExtract

@Suite struct TableLayoutTests {
    typealias C = TableLayout.Column

    @Test func headersWithAYearPaddingAndRoleWords() {
        #expect(TableLayout(header: ["序号", "2023年重点工作任务", "牵 头 单 位", "配合单位", "完成时限"])?.columns
                == [.number, .task, .lead, .support, .deadline])
        #expect(TableLayout(header: ["工作任务", "委内牵头处室", "系统内责任处、局、单位"])?.columns == [.task, .lead, .responsible])
        #expect(TableLayout(header: ["序号", "工作任务", "细化分工", "责任处室", "完成时限", "进展情况", "备注"])?.columns
                == [.number, .task, .task, .responsible, .deadline, .other, .note])
        #expect(TableLayout(header: ["序号", "重点工作", "分管县领导", "牵头责任单位", "责任单位"])?.columns
                == [.number, .task, .other, .lead, .responsible])
    }

    @Test func aRowShortOfTheHeaderIsMappedByWhatItsCellsHold() {
        let t = TableLayout(header: ["序号", "工作任务", "细化分工", "责任处室", "完成时限", "备注"])!
        // The merged 工作任务 cell is missing: the time is never a unit, the unit never a task.
        #expect(t.assign(["2", "扎实做好疫苗接种信息公开", "疾控处", "长期推进"]) == [.number, .task, .responsible, .deadline])
        #expect(t.assign(["6", "推进预算公开", "财务处", "2021年2月公布预算信息"]) == [.number, .task, .responsible, .deadline])
    }

    @Test func aRowLongerThanItsBrokenHeaderKeepsHeadingNumberTaskAndUnits() {
        let t = TableLayout(header: ["具体要求", "责任科室"])!
        #expect(t.assign(["一、围绕中心工作抓好主动公开。", "1", "紧扣民生领域，深化信息公开。", "办公室牵头,局各股室配合"])
                == [.task, .number, .task, .responsible])
    }

    @Test func cellKinds() {
        #expect(TableCellKind.of("12") == .serial)
        #expect(TableCellKind.of("长期推进") == .time)
        #expect(TableCellKind.of("2024年6月前") == .time)
        #expect(TableCellKind.of("应急处、监督处等按职责分工落实") == .units)
        #expect(TableCellKind.of("宣传处会办公室") == .units)
        #expect(TableCellKind.of("6月底前完成全员培训，提升应急能力。") == .text)
    }
}
