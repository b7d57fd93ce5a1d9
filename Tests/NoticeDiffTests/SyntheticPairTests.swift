import Foundation
import Testing
import NoticeExtract
import NoticeModel
@testable import NoticeDiff

/// Two generated notices of 100 tasks each (10 sections × 10 items of close, genre-like wording)
/// with known edits: the size the diff must handle well under a second (measured by hand with
/// `time policydex diff`, never asserted here). Set POLICYDEX_BENCH_OUT to a folder to keep the files.
@Suite struct SyntheticPairTests {
    static let areas = ["消防安全", "危险化学品", "特种设备", "网络安全", "食品安全", "信访稳定", "反恐防暴", "医疗纠纷", "电信网络诈骗", "严重精神障碍患者"]
    static let actions = ["隐患排查", "业务培训", "宣传教育", "应急演练", "督导检查", "台账管理", "考核评价", "值班值守", "风险研判", "问题整改"]
    static let extraActions = ["专项巡查", "志愿服务", "信息报送", "案例通报", "联合执法"]
    static let ways = ["建立健全工作机制", "明确责任分工", "细化工作措施", "强化部门协作", "落实闭环管理", "定期通报进展",
                       "压实主体责任", "完善制度规范", "加大投入保障", "推广典型经验", "开展自查自纠", "强化结果运用"]
    static let units = ["安稳办", "办公室", "医政科", "公卫科", "规财科", "信息科", "政策法规科"]
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Edits by old item index k (section k / 10, item k % 10).
    static func removed(_ k: Int) -> Bool { k % 17 == 0 }
    static func leadChanged(_ k: Int) -> Bool { k % 7 == 3 }
    static func reworded(_ k: Int) -> Bool { k % 11 == 5 }

    static func item(_ k: Int, action: String, year: Int, edited: Bool) -> String {
        let area = areas[k / 10]
        var w1 = ways[k % ways.count], w2 = ways[(k * 5 + 3) % ways.count]
        if edited && reworded(k) { w1 = "对标对表上级要求"; w2 = "推动工作提质增效" }
        let lead = units[(k + (edited && leadChanged(k) ? 3 : 0)) % units.count]
        let support = units[(k + 1) % units.count] == lead ? units[(k + 2) % units.count] : units[(k + 1) % units.count]
        return "加强\(area)\(action)工作，\(w1)，\(w2)，每年开展\(area)\(action)不少于\(k % 4 + 1)次，\(year)年\(k % 12 + 1)月底前完成。"
            + "（牵头单位：\(lead)；配合单位：\(support)，委属各单位）"
    }

    /// The notice text; `edited` applies the edits and adds one item to five sections.
    static func text(year: Int, edited: Bool) -> String {
        var s = "重庆市渝北区卫生健康委员会\n关于印发\(year)年度渝北区卫生健康系统安全稳定工作要点的通知\n\n委属各单位：\n\n"
        s += "现将《\(year)年度渝北区卫生健康系统安全稳定工作要点》印发给你们，请认真贯彻执行。\n\n重庆市渝北区卫生健康委员会\n\(year)年1月4日\n\n"
        s += "\(year)年度渝北区卫生健康系统安全稳定工作要点\n\n"
        for section in 0..<10 {
            s += "\(numerals[section])、\(areas[section])工作\n\n"
            var n = 0
            for i in 0..<10 {
                let k = section * 10 + i
                if edited && removed(k) { continue }
                n += 1
                s += "\(n).\(item(k, action: actions[i], year: year, edited: edited))\n\n"
            }
            if edited && section % 2 == 1 {
                n += 1
                // A new task, written afresh (not in the frame of the others).
                s += "\(n).组织开展\(areas[section])\(extraActions[section / 2])专项行动，聚焦薄弱环节和突出问题，形成问题清单和整改清单，"
                    + "\(year)年9月底前完成阶段性总结。（牵头单位：安稳办；配合单位：委属各单位）\n\n"
            }
        }
        return s
    }

    @Test func hundredByHundred() throws {
        let dir: URL
        if let keep = ProcessInfo.processInfo.environment["POLICYDEX_BENCH_OUT"] {
            dir = URL(fileURLWithPath: keep)
        } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-synthetic-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["POLICYDEX_BENCH_OUT"] == nil { try? FileManager.default.removeItem(at: dir) } }
        let oldURL = dir.appendingPathComponent("synthetic_2024.txt"), newURL = dir.appendingPathComponent("synthetic_2025.txt")
        try Data(Self.text(year: 2024, edited: false).utf8).write(to: oldURL)
        try Data(Self.text(year: 2025, edited: true).utf8).write(to: newURL)
        let old = try CatalogBuilder.notice(atPath: oldURL.path, relativePath: "synthetic_2024.txt")
        let new = try CatalogBuilder.notice(atPath: newURL.path, relativePath: "synthetic_2025.txt")
        #expect(old.tasks.count == 100)
        #expect(new.tasks.count == 99)   // 6 removed, 5 added
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))

        // Every surviving old item pairs with its own new item (same section, same action word).
        let removedCount = (0..<100).filter(Self.removed).count
        #expect(r.summary.paired == 100 - removedCount)
        #expect(r.removed.count == removedCount)
        #expect(r.added.count == new.tasks.count - (100 - removedCount))
        for p in r.pairs {
            let k = (Int(p.old.id.split(separator: "#").last!) ?? 0) - 1
            #expect(p.new.path.first == Self.numerals[k / 10], "\(p.old.id) paired across sections with \(p.new.id)")
            #expect(p.new.title.contains(Self.actions[k % 10]), "\(p.old.id) paired with \(p.new.title)")
            var expected: Set<ChangeKind> = []
            if Self.leadChanged(k) { expected.formUnion([.lead]) }
            if Self.reworded(k) { expected.insert(.text) }
            if Self.leadChanged(k), Self.units[(k + 1) % Self.units.count] == Self.units[(k + 3) % Self.units.count] {
                expected.insert(.support)
            }
            #expect(Set(p.changes) == expected, "\(p.old.id) → \(p.new.id): \(p.changes)")
        }
    }
}
