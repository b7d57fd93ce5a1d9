import Foundation
import Testing
@testable import NoticeDecode

/// One invalid byte in a UTF-8 notice rejected the whole file as "unknown text encoding".
@Suite struct DamagedUTF8Tests {
    static let notice = Array("关于印发2024年工作要点的通知\n\n一、开展鹈鹕专项整治行动。（牵头单位：安稳办）\n".utf8)

    @Test func aFewInvalidBytesAreReplacedAndReported() throws {
        var bytes = Self.notice
        bytes.insert(0xFF, at: 40)
        let decoded = try NoticeDecoder.decode(data: Data(bytes), fileName: "bad.txt")
        #expect(decoded.format == "utf-8")
        #expect(decoded.text.contains("\u{FFFD}") && decoded.text.contains("鹈鹕专项整治"))
        #expect(decoded.warnings == ["bad.txt: 1 invalid UTF-8 byte replaced with U+FFFD (at byte 40)"])
        #expect(PlainTextDecoder.invalidUTF8Offsets(bytes) == [40])
        #expect(PlainTextDecoder.invalidUTF8Offsets(Self.notice).isEmpty)
    }

    @Test func gb18030TextIsStillReadAsGB18030() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/notices/gb18030.txt")
        let decoded = try NoticeDecoder.decode(data: try Data(contentsOf: url), fileName: "gb18030.txt")
        #expect(decoded.format == "gb18030" && decoded.warnings.isEmpty, "\(decoded.format)")
    }
}
