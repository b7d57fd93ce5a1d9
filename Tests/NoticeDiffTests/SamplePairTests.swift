import Testing
import NoticeModel
@testable import NoticeDiff

/// corpus/000 (2023 平安法治建设实施方案, 57 tasks) → corpus/001 (2024 安全稳定工作要点, 28 tasks):
/// same issuer, different structure and wording; most tasks have no counterpart.
@Suite struct SamplePairTests {
    static let report: NoticeDiffReport = {
        let old = try! DiffFixture.sample("000_e2eba855e6b0ece5.txt"), new = try! DiffFixture.sample("001_d90f0c075659fcf0.txt")
        return NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
    }()

    /// Correspondences checked by hand (old ordinal → new ordinal): the same obligation in both years.
    static let real: Set<String> = [
        "2→17",   // 高度重视反恐防暴工作 ↔ 高度重视反恐防暴工作 (反恐防暴装备、能力)
        "13→17",  // 医疗卫生机构和托育机构安保能力 ↔ 医疗机构、托育机构安保力量
        "16→15",  // 严重精神障碍患者肇事肇祸 ↔ 切实加强重点人群管控 (严重精神障碍患者肇事肇祸)
        "14→19",  // 反电信诈骗宣传、劝阻队伍 ↔ 电信网络诈骗防控
        "6→12",   // 矛盾风险排查化解 ↔ 抓好“矛盾纠纷”化解
        "8→13",   // 抓好人民信访工作 ↔ 抓好“责任信访”建设
        "9→14",   // 重要时间节点信访专班 ↔ 重点时间节点信访工作
        "29→16",  // 平安医院创建 ↔ 持续深化“平安医院”建设
        "17→1",   // 党政同责、一岗双责领导干部责任制 ↔ 明晰责任体系 (党政领导干部责任清单)
        "20→24",  // 安全生产监管 ↔ 认真履行监管责任 (安全生产)
    ]

    static func ordinal(_ id: String) -> String { String(id.split(separator: "#").last ?? "") }

    @Test func reportedPairsAreRealCorrespondences() {
        let pairs = Self.report.pairs.map { Self.ordinal($0.old.id) + "→" + Self.ordinal($0.new.id) }
        #expect(!pairs.isEmpty)
        for p in pairs { #expect(Self.real.contains(p), "unrelated tasks paired: \(p)") }
        #expect(pairs.contains("2→17"))
        #expect(pairs.contains("16→15"))
    }

    @Test func nothingElseIsForcedIntoPairs() {
        let r = Self.report
        #expect(r.summary.paired + r.removed.count + r.splits.flatMap(\.old).count + r.merges.flatMap(\.old).count == 57)
        #expect(r.summary.paired + r.added.count + r.splits.flatMap(\.new).count + r.merges.flatMap(\.new).count == 28)
        // The attachment's 工作体系/快速响应… procedures have no counterpart in the 2024 points.
        #expect(r.removed.filter { $0.path.first == "附件" }.count == 18)
    }

    @Test func antiTerrorPairChanges() throws {
        let p = try #require(Self.report.pairs.first { Self.ordinal($0.old.id) == "2" })
        // 2023 names 安稳办 as lead; the 2024 points name nobody: reported as a lead change, not hidden.
        #expect(p.changes.contains(.lead))
        #expect(p.changes.contains(.text))
        #expect(p.details.lead?.old == ["安稳办"])
        #expect(p.details.lead?.new == [])
    }

    /// 001 names no unit in annotations: the report says so above the unit view.
    @Test func unitNoteWhenOneSideNamesNoLead() {
        #expect(Self.report.new.tasksWithLead == 0)
        #expect(Self.report.old.tasksWithLead > 30)
        #expect(DiffTextRenderer(colour: false).render(Self.report).contains("note: 001_d90f0c075659fcf0.txt names no lead unit"))
    }
}
