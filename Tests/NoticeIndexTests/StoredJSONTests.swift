import Foundation
import NoticeExtract
import NoticeModel
import Testing
@testable import NoticeIndex

/// Deadlines and metrics are stored without their null members and read back the same.
@Suite struct StoredJSONTests {
    /// Every deadline and metric of the samples and the test notices decodes from its stored
    /// JSON to what the extractor made, and the stored JSON holds no null.
    @Test func everyDeadlineAndMetricReadsBackTheSame() throws {
        var deadlines: [Deadline] = [], metrics: [Metric] = []
        for folder in ["corpus", "Tests/Fixtures/notices", "Tests/Fixtures/diff"] {
            let catalog = try CorpusCatalog.build(corpus: IndexFixture.repository.appendingPathComponent(folder).path).catalog
            for task in catalog.documents.flatMap(\.tasks) {
                deadlines += task.deadlines
                metrics += task.metrics
            }
        }
        #expect(deadlines.count > 50 && metrics.count > 50)
        let decoder = JSONDecoder()
        for d in deadlines {
            let stored = StoredJSON.compact(NoticeRows.json(d))
            #expect(!stored.contains("null") && (try? decoder.decode(Deadline.self, from: Data(stored.utf8))) == d, "\(stored)")
        }
        for m in metrics {
            let stored = StoredJSON.compact(NoticeRows.json(m))
            #expect(!stored.contains("null") && (try? decoder.decode(Metric.self, from: Data(stored.utf8))) == m, "\(stored)")
        }
    }

    /// Only top-level null members go: strings that look like JSON, nested nulls and escapes stay.
    @Test(arguments: [
        (#"{"a":null,"b":1,"c":null}"#, #"{"b":1}"#),
        (#"{"a":null}"#, "{}"),
        ("{}", "{}"),
        (#"{"t":"x\",\"y\":null,","n":null}"#, #"{"t":"x\",\"y\":null,"}"#),
        (#"{"by_day":[1,null,{"k":null}],"e":null,"s":"}{"}"#, #"{"by_day":[1,null,{"k":null}],"s":"}{"}"#),
        (#"{"v":-2.5e3,"w":true,"x":false}"#, #"{"v":-2.5e3,"w":true,"x":false}"#),
        ("not json", "not json"),
        (#"{"a":"x\}"#, #"{"a":"x\}"#),
        (#"{"a":"x"#, #"{"a":"x"#),
        (#"{"a":null,"b""#, #"{"a":null,"b""#),
        (#"{"a"}"#, #"{"a"}"#),
    ])
    func onlyNullMembersGo(json: String, stored: String) {
        #expect(StoredJSON.compact(json) == stored)
    }
}
