import Foundation
import Testing
import NoticeModel
@testable import NoticeDiff

/// Three pairs of consecutive editions written in the shapes of real notices (rewritten, not
/// edited: sections regrouped, every task reworded, responsibility written in another form one
/// year, merges, a split, dropped and new tasks, same-topic distractors), each with a gold pairing
/// judged by reading the two texts (Tests/Fixtures/diff/gold_*.md says why each pair holds).
/// The confident tier must find most clear pairs and never pair a distractor.
@Suite struct WrittenEditionPairTests {
    struct Score {
        var precision: Double
        var recall: Double
        var labelAccuracy: Double
    }

    /// Confident pairs against the gold's clear pairs (plausible ones neither required nor wrong).
    static func score(old: String, new: String, gold: String) throws -> Score {
        let r = NoticeDiffer.diff(old: try DiffFixture.notice(old), new: try DiffFixture.notice(new),
                                  options: NoticeDiffOptions(includeUnchanged: true))
        let url = DiffFixture.root.appendingPathComponent("Tests/Fixtures/diff/\(gold)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var clear: [String: Set<String>] = [:], plausible = Set<String>()
        for p in json["pairs"] as! [[String: Any]] {
            let k = SamplePairTests.key(p["old"] as! [String]) + " → " + SamplePairTests.key(p["new"] as! [String])
            if (p["confidence"] as? String ?? "clear") == "clear" {
                clear[k] = Set(p["changes"] as? [String] ?? []).subtracting(["text"])
            } else {
                plausible.insert(k)
            }
        }
        let got = Dictionary(r.pairs.map { (SamplePairTests.key($0.old, $0.new), Set($0.changes.map(\.rawValue)).subtracting(["text"])) },
                             uniquingKeysWith: { a, _ in a })
        let right = got.keys.filter { clear[$0] != nil }
        let wrong = got.keys.filter { clear[$0] == nil && !plausible.contains($0) }
        let labels = right.filter { got[$0] == clear[$0] }.count
        return Score(precision: Double(right.count) / Double(max(1, right.count + wrong.count)),
                     recall: Double(right.count) / Double(max(1, clear.count)),
                     labelAccuracy: Double(labels) / Double(max(1, right.count)))
    }

    @Test(arguments: [
        ("qingchuan_2024.txt", "qingchuan_2025.txt", "gold_qingchuan.json"),   // 实施方案, labels → inline / verbal
        ("jiangyu_2023.txt", "jiangyu_2024.txt", "gold_jiangyu.json"),         // 工作要点, label lines → table
        ("lancheng_2024.txt", "lancheng_2025.txt", "gold_lancheng.json"),      // 工作要点, verbal → label lines
        ("hexi_2024.txt", "hexi_2025.txt", "gold_hexi.json"),                  // held out until measured: 6 parts → 3, 6 distractors
    ])
    func confidentTierFindsTheClearPairs(old: String, new: String, gold: String) throws {
        let s = try Self.score(old: old, new: new, gold: gold)
        #expect(s.precision >= 0.9, "\(gold): precision \(s.precision)")
        #expect(s.recall >= 0.8, "\(gold): recall \(s.recall)")
    }

    /// Responsibility written as （X负责） one year and 牵头处室：X the next is the same lead, and
    /// parts merged or split at the top make their tasks moved, while a part only renumbered does not.
    @Test func labelsFollowWhatAReaderCallsAChange() throws {
        let s = try Self.score(old: "lancheng_2024.txt", new: "lancheng_2025.txt", gold: "gold_lancheng.json")
        #expect(s.labelAccuracy >= 0.75, "label accuracy \(s.labelAccuracy)")
        let q = try Self.score(old: "qingchuan_2024.txt", new: "qingchuan_2025.txt", gold: "gold_qingchuan.json")
        #expect(q.labelAccuracy >= 0.9, "label accuracy \(q.labelAccuracy)")
    }

    /// Merges and splits written in other words (no part's wording contained in the whole): a task
    /// left over whose best match is already paired joins it as a part, when the parts read
    /// together match the whole better. qingchuan merges 三（二）3 + 4 and 三（六）1 + 4, and splits 三（三）2;
    /// 三（五）3 survives as one clause of 二（四）1 (a plausible part in the gold).
    @Test func rewordedMergesAndSplitsArePairedAsParts() throws {
        let r = NoticeDiffer.diff(old: try DiffFixture.notice("qingchuan_2024.txt"), new: try DiffFixture.notice("qingchuan_2025.txt"),
                                  options: NoticeDiffOptions(includeUnchanged: true))
        let merged = Set(r.pairs.filter { $0.partOf == .merge }.map { SamplePairTests.key($0.old, $0.new) })
        let split = Set(r.pairs.filter { $0.partOf == .split }.map { SamplePairTests.key($0.old, $0.new) })
        #expect(merged == ["三/(二)/3 → 二/(一)/3", "三/(二)/4 → 二/(一)/3", "三/(六)/1 → 二/(八)/1", "三/(六)/4 → 二/(八)/1",
                           "三/(五)/1 → 二/(四)/1", "三/(五)/3 → 二/(四)/1"])
        #expect(split == ["三/(三)/2 → 二/(二)/3", "三/(三)/2 → 二/(二)/4"])
        #expect(r.merges.count == 3 && r.splits.count == 1)
        // A task that only shares the topic is not taken as a part: jiangyu's 设立政务公开专区 stays
        // out of the merge into 修订主动公开基本目录.
        let j = NoticeDiffer.diff(old: try DiffFixture.notice("jiangyu_2023.txt"), new: try DiffFixture.notice("jiangyu_2024.txt"))
        #expect(!j.pairs.contains { $0.old.path == ["四", "（三）"] && $0.new.path == ["17"] })
    }
}
