import Foundation
import Testing
@testable import NoticeDiff

/// The JSON shape of the report and the two renderers.
@Suite struct ReportOutputTests {
    static let report: NoticeDiffReport = {
        let old = try! DiffFixture.notice("edits_2024.txt"), new = try! DiffFixture.notice("edits_2025.txt")
        return NoticeDiffer.diff(old: old, new: new)
    }()

    @Test func jsonHasTheDocumentedShape() throws {
        let data = try JSONEncoder().encode(Self.report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["old", "new", "pairs", "added", "removed", "units", "splits", "merges", "summary"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let old = try #require(json["old"] as? [String: Any])
        #expect(old["file"] as? String == "edits_2024.txt")
        #expect(old["year"] as? Int == 2024)
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let lead = try #require(pairs.first { ($0["changes"] as? [String]) == ["lead"] })
        let oldRef = try #require(lead["old"] as? [String: Any])
        #expect(oldRef["path"] as? [String] == ["二", "（一）", "2"])
        #expect(oldRef["id"] as? String == "edits_2024#2")
        #expect((lead["similarity"] as? Double).map { $0 > 0.8 && $0 <= 1 } == true)
        let details = try #require(lead["details"] as? [String: Any])
        let leadChange = try #require(details["lead"] as? [String: Any])
        #expect(leadChange["old"] as? [String] == ["安稳办"])
        #expect(leadChange["new"] as? [String] == ["办公室"])
        let added = try #require(json["added"] as? [[String: Any]])
        #expect(added.first?["id"] as? String == "edits_2025#10")
        let units = try #require(json["units"] as? [String: Any])
        let anwen = try #require((units["安稳办"] as? [String: Any])?["lead"] as? [String: Any])
        #expect(anwen["new"] as? [String] == ["edits_2025#12"])
    }

    @Test func jsonRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.report)
        let back = try JSONDecoder().decode(NoticeDiffReport.self, from: data)
        #expect(back.pairs.map(\.changes) == Self.report.pairs.map(\.changes))
        #expect(back.units == Self.report.units)
        #expect(back.added == Self.report.added)
    }

    @Test func plainTextHasNoEscapes() {
        let text = DiffTextRenderer(colour: false).render(Self.report)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("安稳办: as lead: +1 new, −2 dropped"))
        #expect(text.contains("lead: 安稳办 → 办公室"))
        #expect(text.contains("deadline: 每月15日前 → 每月10日前"))
        #expect(text.contains("metric: 达到95%以上 → 达到98%以上"))
        #expect(text.contains("+ 二 （三） 4  加强电动自行车充电安全管理"))
        #expect(text.contains("− 二 （一） 3  严格贯彻落实上级反邪教工作部署"))
        #expect(text.contains("二 （四） 1 → 二 （四） 1 + 二 （四） 2"))
        #expect(text.contains("{+销毁全流程+}") || text.contains("{+、销毁全流程+}"))
    }

    @Test func colourOnlyWhenAsked() {
        let text = DiffTextRenderer(colour: true).render(Self.report)
        #expect(text.contains("\u{1B}[1m"))
        #expect(text.contains("\u{1B}[32;4m"))   // an insertion
    }

    @Test func markdownSections() {
        let md = DiffMarkdownRenderer().render(Self.report)
        #expect(md.hasPrefix("# Changes: "))
        for heading in ["## Units", "## Changed tasks", "## Split", "## Added", "## Removed"] {
            #expect(md.contains("\n" + heading + "\n"), "missing \(heading)")
        }
        #expect(md.contains("| 安稳办 | +1 new, −2 dropped, 3 changed, 1 unchanged | 1 changed | — |"))
        #expect(md.contains("- lead: 安稳办 → 办公室"))
        #expect(md.contains("**、销毁全流程**") || md.contains("**销毁全流程**"))
    }

    @Test func noChangesSaysSo() {
        let old = try! DiffFixture.notice("edits_2024.txt")
        let r = NoticeDiffer.diff(old: old, new: old)
        #expect(DiffTextRenderer(colour: false).render(r).contains("no changes"))
        #expect(DiffMarkdownRenderer().render(r).contains("No changes."))
    }
}
