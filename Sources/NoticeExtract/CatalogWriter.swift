import Foundation
import NoticeModel

/// Writes a catalog as JSON (the export contract), JSON Lines (one task a line) or CSV for Excel/WPS.
public enum CatalogWriter {
    public enum Format: String, CaseIterable, Sendable {
        case json, jsonl, csv
    }

    public static func write(_ catalog: Catalog, as format: Format) throws -> Data {
        switch format {
        case .json:
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            var data = try enc.encode(catalog)
            data.append(0x0A)
            return data
        case .jsonl:
            let enc = JSONEncoder()
            enc.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            var out = Data()
            for doc in catalog.documents {
                for task in doc.tasks {
                    let line = JSONLTask(file: doc.file, notice_title: doc.title, year: doc.year, task: task)
                    out.append(try enc.encode(line))
                    out.append(0x0A)
                }
            }
            return out
        case .csv:
            var s = "\u{FEFF}" + csvRow(["编号", "文件", "发文机关", "年度", "路径", "标题", "任务", "牵头单位", "配合单位", "责任单位",
                                            "文中提及单位", "时限", "指标", "行号"])
            for doc in catalog.documents {
                for t in doc.tasks {
                    s += csvRow([t.id, doc.file, doc.issuer ?? "", doc.year.map(String.init) ?? "", t.path.joined(separator: "/"), t.title, t.text,
                                 t.lead.joined(separator: "、"), t.support.joined(separator: "、"),
                                 t.responsible.joined(separator: "、"), t.inferred.joined(separator: "、"),
                                 t.deadlines.map(\.text).joined(separator: "；"),
                                 t.metrics.map(\.text).joined(separator: "；"), String(t.source.line)])
                }
            }
            return Data(s.utf8)
        }
    }

    /// RFC 4180 quoting; CRLF line ends, which Excel expects. Control characters a notice may
    /// carry (ESC sequences that retitle or clear a terminal) are left out of every field; JSON
    /// escapes them itself.
    static func csvRow(_ fields: [String]) -> String {
        fields.map { raw in
            let f = String(String.UnicodeScalarView(raw.unicodeScalars.filter {
                !(($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value))
            }))
            return f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }

    struct JSONLTask: Encodable {
        let file: String
        let notice_title: String?
        let year: Int?
        let task: NoticeTask

        enum CodingKeys: String, CodingKey { case file, notice_title, year }

        func encode(to encoder: Encoder) throws {
            try task.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(notice_title, forKey: .notice_title)
            try c.encode(year, forKey: .year)
        }
    }
}
