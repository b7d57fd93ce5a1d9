import Foundation
import XCTest

final class ExportCommandTests: XCTestCase {
    let samples = ["000_e2eba855e6b0ece5.txt", "002_d389e5a4d4a71cb1.txt", "003_c4109180e06efe5c.txt"]

    func testIndexPrintsASummaryAndExportPrintsTheContract() throws {
        let cli = try CLI(samples: samples)
        defer { cli.remove() }
        let index = try cli.run("index")
        XCTAssertEqual(index.status, 0, index.stderr)
        XCTAssertTrue(index.out.hasPrefix("indexed 3 notices:"), index.out)

        let export = try cli.run("export", "--format", "json")
        XCTAssertEqual(export.status, 0, export.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: export.stdout) as? [String: Any])
        let docs = try XCTUnwrap(json["documents"] as? [[String: Any]])
        XCTAssertEqual(docs.map { $0["file"] as? String }, samples)
        XCTAssertEqual(docs[0]["number"] as? String, "渝北卫健〔2023〕105号")
        XCTAssertEqual(docs[0]["date"] as? String, "2023-04-19")
        let tasks = try XCTUnwrap(docs[0]["tasks"] as? [[String: Any]])
        let first = tasks[0]
        XCTAssertEqual(first["path"] as? [String], ["三", "（一）", "1"])
        XCTAssertEqual(first["lead"] as? [String], ["办公室"])
        XCTAssertEqual((first["source"] as? [String: Any])?["line"] as? Int, 84)
        let metric = try XCTUnwrap((first["metrics"] as? [[String: Any]])?.first)
        XCTAssertEqual(metric["comparator"] as? String, ">=")
        XCTAssertEqual(metric["value"] as? Int, 2)
        XCTAssertEqual(metric["period"] as? String, "year")
        // Deadlines carry every key, null when unused.
        let staged = try XCTUnwrap((docs[1]["tasks"] as? [[String: Any]])?.first { ($0["text"] as? String)?.hasPrefix("部署动员阶段") == true })
        let deadline = try XCTUnwrap((staged["deadlines"] as? [[String: Any]])?.first)
        XCTAssertEqual(deadline["start"] as? String, "2019-03-01")
        XCTAssertTrue(deadline.keys.contains("by_day"))
        XCTAssertTrue(deadline["by_day"] is NSNull)
    }

    func testJSONLinesAndCSV() throws {
        let cli = try CLI(samples: samples)
        defer { cli.remove() }
        let jsonl = try cli.run("export", "--format", "jsonl")
        XCTAssertEqual(jsonl.status, 0)
        let lines = jsonl.out.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 60)
        for line in lines {
            let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertNotNil(obj["file"] as? String)
            XCTAssertNotNil(obj["path"] as? [String])
        }

        let csv = try cli.run("export", "--format", "csv")
        XCTAssertEqual(csv.status, 0)
        XCTAssertEqual(Array(csv.stdout.prefix(3)), [0xEF, 0xBB, 0xBF], "CSV starts with a UTF-8 BOM for Excel/WPS")
        let rows = String(decoding: csv.stdout.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows[0], "编号,文件,发文机关,年度,路径,标题,任务,牵头单位,配合单位,责任单位,文中提及单位,时限,指标,行号")
        XCTAssertEqual(rows.count, lines.count + 1)
        let hospital = try XCTUnwrap(rows.first { $0.contains("抓好新冠肺炎疫情防控") })
        XCTAssertTrue(hospital.hasPrefix("003_c4109180e06efe5c#8,003_c4109180e06efe5c.txt,常州市武进人民医院,2022,四/（一）/1,"), hospital)
        XCTAssertTrue(hospital.contains(",医务处,公卫科、院感科,医务处、公卫科、院感科,,黄金24小时,,57"), hospital)
    }

    func testUsageErrorsAreOneLineWithStatus2() throws {
        let cli = try CLI(samples: [])
        defer { cli.remove() }
        let format = try cli.run("export", "--format", "xml")
        XCTAssertEqual(format.status, 2)
        XCTAssertEqual(format.stderr.split(separator: "\n").count, 1, format.stderr)
        XCTAssertTrue(format.stderr.contains("xml"))
        let missing = try cli.run("index", "--corpus", "no-such-folder")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-folder"), missing.stderr)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
    }
}
