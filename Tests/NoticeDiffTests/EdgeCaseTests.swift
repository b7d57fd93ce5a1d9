import Testing
import NoticeModel
import NoticeVocabulary
@testable import NoticeDiff

/// Notices with no tasks, one side empty, duplicate tasks.
@Suite struct EdgeCaseTests {
    static func task(_ id: String, _ path: [String], _ text: String, lead: [String] = []) -> NoticeTask {
        NoticeTask(id: id, path: path, title: String(text.prefix(8)), text: text, lead: lead, source: SourceLocation(line: 1))
    }

    @Test func bothEmpty() {
        let r = NoticeDiffer.diff(old: Notice(file: "a.txt"), new: Notice(file: "b.txt"))
        #expect(r.summary.isEmpty)
        #expect(r.pairs.isEmpty && r.added.isEmpty && r.removed.isEmpty)
    }

    @Test func oneSideEmpty() {
        let tasks = [Self.task("a#1", ["一"], "加强消防安全管理。", lead: ["安稳办"]), Self.task("a#2", ["二"], "做好信访工作。")]
        let r = NoticeDiffer.diff(old: Notice(file: "a.txt"), new: Notice(file: "b.txt", tasks: tasks))
        #expect(r.added.map(\.id) == ["a#1", "a#2"])
        #expect(r.units["安稳办"]?.lead?.new == ["a#1"])
        let back = NoticeDiffer.diff(old: Notice(file: "b.txt", tasks: tasks), new: Notice(file: "a.txt"))
        #expect(back.removed.map(\.id) == ["a#1", "a#2"])
        #expect(back.units["安稳办"]?.lead?.dropped == ["a#1"])
    }

    /// Identical tasks pair in order (the position prior breaks the tie).
    @Test func duplicatesPairInOrder() {
        let text = "按时报送工作进展情况。"
        let old = Notice(file: "a.txt", tasks: (1...3).map { Self.task("a#\($0)", ["一", "\($0)"], text) })
        let new = Notice(file: "b.txt", tasks: (1...3).map { Self.task("b#\($0)", ["一", "\($0)"], text) })
        let r = NoticeDiffer.diff(old: old, new: new, options: NoticeDiffOptions(includeUnchanged: true))
        #expect(r.pairs.map { "\($0.old.id)→\($0.new.id)" } == ["a#1→b#1", "a#2→b#2", "a#3→b#3"])
    }

    /// Unrelated tasks stay unpaired, however few there are.
    @Test func unrelatedTasksAreNotPaired() {
        let old = Notice(file: "a.txt", tasks: [Self.task("a#1", ["一"], "加强危险化学品储存和使用管理，定期开展安全检查。")])
        let new = Notice(file: "b.txt", tasks: [Self.task("b#1", ["一"], "开展信访积案化解专项行动，落实包案领导责任。")])
        let r = NoticeDiffer.diff(old: old, new: new)
        #expect(r.summary.paired == 0)
        #expect(r.added.count == 1 && r.removed.count == 1)
    }
}

/// The topics a diff compares come from the thesaurus it is given (the CLI passes the corpus's,
/// with the user's synonyms.txt): two tasks on one topic under two names are closer with it.
@Suite struct TopicThesaurusTests {
    @Test func aUserSynonymMakesTwoNamesOneTopic() throws {
        let old = [EdgeCaseTests.task("a#1", ["一"], "开展鹈鹕专项整治，每月报送进展。")]
        let new = [EdgeCaseTests.task("b#1", ["一"], "开展鹭鸶专项整治，每季度报送进展。")]
        let units = UnitNames(old: Notice(file: "a.txt", tasks: old), new: Notice(file: "b.txt", tasks: new))
        let without = TaskSimilarity(old: old, new: new, units: units, topics: TopicTerms(Thesaurus()))
        let with = TaskSimilarity(old: old, new: new, units: units, topics: TopicTerms(try Thesaurus(parsing: "鹈鹕, 鹭鸶")))
        #expect(without.oldTopics[0].isEmpty)
        #expect(with.score(0, 0) > without.score(0, 0))
        #expect(with.sharedTerms(0, 0).first == "鹈鹕")
    }
}
