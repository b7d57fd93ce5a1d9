import Foundation
import Testing
@testable import NoticeIndex

/// dept, depts and show on the sample corpus.
@Suite struct ResponsibilityTests {
    var store: IndexStore { SharedIndex.shared.store }

    @Test func deptFindsTasksThroughAliasesAndTraditionalForms() throws {
        let units = UnitDirectory(store: store)
        let plain = try units.tasks(of: "安稳办")
        #expect(plain.total > 0)
        #expect(plain.unit.name == "安稳办")
        #expect(plain.hits.allSatisfy { $0.role != nil })
        #expect(try units.tasks(of: "委安稳办").total == plain.total)
        #expect(try units.tasks(of: "安穩辦").total == plain.total)
        let lead = try units.tasks(of: "安稳办", role: .lead)
        #expect(lead.total > 0 && lead.hits.allSatisfy { $0.lead.contains("安稳办") && $0.role == "lead" })
    }

    @Test func unknownUnitGetsSuggestions() throws {
        do {
            _ = try UnitDirectory(store: store).tasks(of: "安稳科")
            Issue.record("expected unknownUnit")
        } catch let IndexError.unknownUnit(name, suggestions) {
            #expect(name == "安稳科")
            #expect(suggestions.contains("安稳办"))
        }
    }

    @Test func deptsListsEveryUnitWithCounts() throws {
        let all = try UnitDirectory(store: store).all()
        #expect(!all.isEmpty)
        let anwen = try #require(all.first { $0.name == "安稳办" })
        #expect(anwen.lead > 0)
        #expect(anwen.aliases.contains("委安稳办"))
        #expect(!all.contains { $0.name == "委安稳办" })
        #expect(all.allSatisfy { $0.tasks > 0 || !$0.aliases.isEmpty })
    }

    @Test func showDocumentAndTask() throws {
        let lookup = NoticeLookup(store: store)
        guard case .notice(let outline) = try lookup.show("000_e2eba855e6b0ece5") else {
            Issue.record("expected a notice"); return
        }
        #expect(outline.file == "000_e2eba855e6b0ece5.txt")
        #expect(!outline.tasks.isEmpty)
        let id = outline.tasks[0].id
        guard case .task(let details) = try lookup.show(id) else { Issue.record("expected a task"); return }
        #expect(details.count == 1)
        #expect(details[0].task.id == id)
        #expect(!details[0].source.isEmpty)
        #expect(details[0].source[0].line == details[0].task.line)
        #expect(throws: IndexError.self) { try lookup.show("nope#1") }
        #expect(throws: IndexError.self) { try lookup.show("nope") }
    }
}
