import Foundation
import XCTest
@testable import NoticeDecode

final class DecodeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/decode")

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("DecodeTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func fixture(_ name: String) -> String {
        Self.fixtures.appendingPathComponent(name).path
    }

    /// Writes `bytes` to a scratch file and returns its path.
    private func write(_ bytes: [UInt8], as name: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Decodes expecting an error; returns it.
    private func decodeError(path: String, displayPath: String? = nil, file: StaticString = #filePath,
                             line: UInt = #line) -> DecodeError? {
        do {
            let decoded = try NoticeDecoder.decode(path: path, displayPath: displayPath)
            XCTFail("expected an error, got \(decoded.format): \(decoded.text.prefix(80))", file: file, line: line)
            return nil
        } catch let error as DecodeError {
            let message = error.description
            XCTAssertFalse(message.contains("\n"), "message is not one line: \(message)", file: file, line: line)
            XCTAssertTrue(message.hasPrefix((displayPath ?? path) + ":"), "message does not name the file: \(message)",
                          file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: - Unicode

    func testUTF8WithBOM() throws {
        let text = "关于开展安全生产检查的通知\n各科室：\n请于3月底前完成自查。\n"
        let path = try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), as: "bom.txt")
        let decoded = try NoticeDecoder.decode(path: path)
        XCTAssertEqual(decoded.format, "utf-8")
        XCTAssertEqual(decoded.text, text)
        XCTAssertFalse(decoded.text.hasPrefix("\u{FEFF}"))
    }

    func testUTF8WithoutBOMNormalizesLineEndings() throws {
        let path = try write(Array("一、总体要求\r\n（一）指导思想\r二、主要任务\n\n三、保障措施\r\n".utf8), as: "plain.txt")
        let decoded = try NoticeDecoder.decode(path: path)
        XCTAssertEqual(decoded.format, "utf-8")
        XCTAssertEqual(decoded.text, "一、总体要求\n（一）指导思想\n二、主要任务\n\n三、保障措施\n")
        XCTAssertFalse(decoded.text.contains("\r"))
    }

    func testUTF16LittleEndianWithBOM() throws {
        let text = "牵头单位：医政科；配合单位：办公室\r\n完成时限：2023年6月底前"
        let body: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bytes: [UInt8] = [0xFF, 0xFE] + body
        let decoded = try NoticeDecoder.decode(path: try write(bytes, as: "le.txt"))
        XCTAssertEqual(decoded.format, "utf-16")
        XCTAssertEqual(decoded.text, "牵头单位：医政科；配合单位：办公室\n完成时限：2023年6月底前")
    }

    func testUTF16BigEndianWithBOM() throws {
        let text = "二〇二三年四月二十六日\n𠀀字（补充平面）"
        let body: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let bytes: [UInt8] = [0xFE, 0xFF] + body
        let decoded = try NoticeDecoder.decode(path: try write(bytes, as: "be.txt"))
        XCTAssertEqual(decoded.format, "utf-16")
        XCTAssertEqual(decoded.text, text)
    }

    // MARK: - Legacy Chinese encodings

    func testGB18030File() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("gb18030.txt"))
        XCTAssertEqual(decoded.format, "gb18030")
        XCTAssertEqual(decoded.text, """
            关于印发《2023年全市卫生健康工作要点》的通知
            各区卫生健康委，各有关单位：
            　　现将《2023年全市卫生健康工作要点》印发给你们，请结合实际认真贯彻落实。\
            牵头单位：医政处；配合单位：办公室、财务处。完成时限：2023年12月底前。联系人：王䶮。

            """)
    }

    func testGBKFile() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("gbk.txt"))
        XCTAssertEqual(decoded.format, "gb18030")
        let lines = decoded.text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines.first, "一、加强组织领导")
        XCTAssertEqual(lines.last, "（二）牵头单位负责统筹协调，配合单位积极支持，每季度末报送工作进展情况。")
    }

    func testShortGBKTitle() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("gbk-short.txt"))
        XCTAssertEqual(decoded.format, "gb18030")
        XCTAssertEqual(decoded.text, "关于开展检查的通知")
    }

    func testBig5Paragraph() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("big5.txt"))
        XCTAssertEqual(decoded.format, "big5")
        XCTAssertTrue(decoded.text.hasPrefix("三、工作要求\n各單位應高度重視"), decoded.text)
        XCTAssertTrue(decoded.text.contains("牽頭單位：醫政科；配合單位：辦公室、財務科。"), decoded.text)
    }

    func testShortBig5Line() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("big5-short.txt"))
        XCTAssertEqual(decoded.format, "big5")
        XCTAssertEqual(decoded.text, "牽頭單位：醫政科；配合單位：辦公室")
    }

    func testInvalidDoubleByteTextIsUndecodable() throws {
        // "关于的通知" in GBK with 0xFF and a lone 0x80 between: neither GB18030 nor Big5 accepts them.
        let bytes: [UInt8] = [0xB9, 0xD8, 0xD3, 0xDA, 0xFF, 0xB5, 0xC4, 0xCD, 0xA8, 0xD6, 0xAA, 0x80, 0x0A]
        let path = try write(bytes, as: "broken.txt")
        guard case .undecodable(let shown, let reason)? = decodeError(path: path, displayPath: "corpus/broken.txt") else {
            return XCTFail("expected undecodable")
        }
        XCTAssertEqual(shown, "corpus/broken.txt")
        XCTAssertFalse(reason.isEmpty)
    }

    func testLatinTextUsesDetectorAnswer() throws {
        let text = "Réunion du comité : ordre du jour, procès-verbal et décisions adoptées à l'unanimité.\n"
        let path = try write(Array(text.unicodeScalars.map { UInt8($0.value) }), as: "latin1.txt")
        let decoded = try NoticeDecoder.decode(path: path)
        XCTAssertEqual(decoded.text, text)
        XCTAssertTrue(["iso-8859-1", "windows-1252"].contains(decoded.format), decoded.format)
    }

    // MARK: - HTML

    func testHTMLPageWithDeclaredGB2312() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("page-gb2312.html"))
        XCTAssertEqual(decoded.format, "html")
        let text = decoded.text
        XCTAssertEqual(text, """
            关于印发“2023年工作要点”的通知
            各科室：
            现将工作要点印发给你们，请认真贯彻落实。A&B<C>"D"
            序号\t工作任务\t牵头单位\t配合单位\t完成时限
            1\t完善分级诊疗，制度\t医政科\t办公室\t6月底前
            2\t推进家庭医生签约，签约率75%\t医政科\t财务科、办公室\t12月底前
            3\t其他日常工作\t\t\t长期
            联系人：张三
            """)
        for chrome in ["首页", "政务公开", "当前位置", "通知公告", "广告", "font-family", "document.write", "注释",
                       "版权所有", "网站标识码", "某市卫生健康委员会"] {
            XCTAssertFalse(text.contains(chrome), "kept \(chrome)")
        }
    }

    func testHTMLRecognizedByContentAndNestedLayoutTable() throws {
        let page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>标题</title></head>
            <body class="page">
            <table width="100%"><tr><td>
              <div id="mainMenu"><a href="/">首页</a></div>
              <h2>二、主要任务</h2>
              <ul><li>（一）完善制度<li>（二）加强培训</ul>
              <table><tr><td>任务</td><td>牵头单位</td></tr>
                     <tr><td>培训&#x4e00;次</td><td>人事科&#12288;</td></tr></table>
              <pre>  附件：
              任务表</pre>
            </td></tr></table>
            </body></html>
            """
        let decoded = try NoticeDecoder.decode(path: try write(Array(page.utf8), as: "page.txt"))
        XCTAssertEqual(decoded.format, "html")
        XCTAssertEqual(decoded.text, """
            二、主要任务
            （一）完善制度
            （二）加强培训
            任务\t牵头单位
            培训一次\t人事科\u{3000}
              附件：
              任务表
            """)
    }

    func testHTMLEntityDecoding() {
        XCTAssertEqual(HTMLEntities.decode("&nbsp;&amp;&lt;&gt;&quot;&apos;&#12345;&#x4e00;&#X4E8C;&hellip;&mdash;&ldquo;x&rdquo;"),
                       "\u{A0}&<>\"'\u{3039}一二…—“x”")
        XCTAssertEqual(HTMLEntities.decode("AT&T &unknown; & &#; &amp &copy;2023"), "AT&T &unknown; & &#; & ©2023")
    }

    // MARK: - .docx

    func testDocxParagraphsTableAndMergedCells() throws {
        let decoded = try NoticeDecoder.decode(path: fixture("sample.docx"))
        XCTAssertEqual(decoded.format, "docx")
        XCTAssertEqual(decoded.text, """
            关于印发2023年卫生健康工作要点的通知
            各科室：
            一、工作任务
            （一）医疗服务
            序号\t工作任务\t牵头单位\t配合单位\t完成时限
            1\t完善分级诊疗制度\t医政科\t办公室\t2023年6月底前
            2\t推进家庭医生签约服务，重点人群签约率达到75%\t医政科\t财务科、办公室\t2023年12月底前
            3\t其他日常工作\t\t\t长期
            二、保障措施
            联系人：张三\t电话：12345678
            抄送：市卫生健康委
            2023年3月1日印发
            """)
    }

    func testDocxFromDataMatchesFile() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("sample.docx")))
        let decoded = try NoticeDecoder.decode(data: data, fileName: "upload/sample.docx")
        XCTAssertEqual(decoded, try NoticeDecoder.decode(path: fixture("sample.docx")))
    }

    func testTruncatedDocxIsMalformed() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("sample.docx")))
        let path = try write(Array(data.prefix(200)), as: "truncated.docx")
        guard case .malformedDocx(_, let reason)? = decodeError(path: path) else { return XCTFail("expected malformedDocx") }
        XCTAssertTrue(reason.contains("zip"), reason)
    }

    func testZipWithoutDocumentXMLIsMalformed() throws {
        guard case .malformedDocx(_, let reason)? = decodeError(path: fixture("no-document.docx")) else {
            return XCTFail("expected malformedDocx")
        }
        XCTAssertTrue(reason.contains("word/document.xml"), reason)
    }

    func testDocxWhoseDeflateStreamRunsPastTheFileIsMalformed() throws {
        // ZIPFoundation's inflate loop would spin forever on this entry; the guard reports it.
        guard case .malformedDocx(_, let reason)? = decodeError(path: fixture("damaged-deflate.docx")) else {
            return XCTFail("expected malformedDocx")
        }
        XCTAssertTrue(reason.contains("word/document.xml"), reason)
    }

    func testTextNamedDocxIsMalformed() throws {
        let path = try write(Array("这不是Word文件".utf8), as: "fake.docx")
        guard case .malformedDocx? = decodeError(path: path) else { return XCTFail("expected malformedDocx") }
    }

    // MARK: - Bad files

    func testEmptyFile() throws {
        let path = try write([], as: "empty.txt")
        XCTAssertEqual(decodeError(path: path, displayPath: "corpus/empty.txt"), .empty(path: "corpus/empty.txt"))
        XCTAssertThrowsError(try NoticeDecoder.decode(data: Data(), fileName: "x.html")) {
            XCTAssertEqual($0 as? DecodeError, .empty(path: "x.html"))
        }
    }

    func testNULBytesAreBinary() throws {
        let bytes: [UInt8] = Array("通知".utf8) + [0x00, 0x01, 0x02, 0x00, 0x89, 0x50, 0x4E, 0x47] + Array("正文".utf8)
        let path = try write(bytes, as: "image.txt")
        XCTAssertEqual(decodeError(path: path), .binary(path: path))
    }

    func testControlBytesAreBinary() throws {
        let bytes: [UInt8] = (0..<400).map { (i: Int) -> UInt8 in
            i % 3 == 0 ? UInt8(0x01 + i % 7) : UInt8(0x41 + i % 26)
        }
        let path = try write(bytes, as: "controls.dat")
        XCTAssertEqual(decodeError(path: path), .binary(path: path))
    }

    func testMissingPath() {
        let path = scratch.appendingPathComponent("nowhere/notice.txt").path
        XCTAssertEqual(decodeError(path: path, displayPath: "corpus/nowhere/notice.txt"),
                       .missingFile(path: "corpus/nowhere/notice.txt"))
    }

    func testFiveMegabyteSingleLine() throws {
        let unit = Array("牵头单位：医政科；配合单位：办公室、财务科。".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5 << 20)
        while bytes.count + unit.count <= 5 << 20 { bytes += unit }
        let path = try write(bytes, as: "long.txt")
        let decoded = try NoticeDecoder.decode(path: path)
        XCTAssertEqual(decoded.format, "utf-8")
        XCTAssertEqual(decoded.text.utf8.count, bytes.count)
        XCTAssertFalse(decoded.text.contains("\n"))
        XCTAssertTrue(decoded.text.hasPrefix("牵头单位：医政科"))
    }

    // MARK: - PDF

    func testPDFThroughPdftotext() throws {
        guard PDFDecoder.findExecutable("pdftotext") != nil else {
            throw XCTSkip("pdftotext is not installed (apt-get install poppler-utils)")
        }
        let path = try write(Self.twoPagePDF(["NOTICE 2023-15", "Lead unit: Office"], ["Page two: deadline June 30"]),
                             as: "notice.pdf")
        let decoded = try NoticeDecoder.decode(path: path)
        XCTAssertEqual(decoded.format, "pdf")
        XCTAssertFalse(decoded.text.contains("\u{0C}"))
        XCTAssertFalse(decoded.text.contains("\r"))
        let lines = decoded.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.filter { !$0.isEmpty }, ["NOTICE 2023-15", "Lead unit: Office", "Page two: deadline June 30"])
    }

    func testBrokenPDFReportsToolFailure() throws {
        guard PDFDecoder.findExecutable("pdftotext") != nil else {
            throw XCTSkip("pdftotext is not installed (apt-get install poppler-utils)")
        }
        let path = try write(Array("%PDF-1.4\nthis is not really a pdf\n".utf8), as: "broken.pdf")
        guard case .toolFailed(_, let tool, _)? = decodeError(path: path) else { return XCTFail("expected toolFailed") }
        XCTAssertEqual(tool, "pdftotext")
    }

    func testMissingPdftotextNamesThePackage() throws {
        let path = try write(Self.twoPagePDF(["NOTICE"]), as: "notice.pdf")
        XCTAssertThrowsError(try PDFDecoder.decode(path: path, displayPath: "corpus/notice.pdf", executable: nil)) { error in
            XCTAssertEqual(error as? DecodeError,
                           .missingTool(path: "corpus/notice.pdf", tool: "pdftotext", package: "poppler-utils"))
            XCTAssertEqual((error as? DecodeError)?.description,
                           "corpus/notice.pdf: needs pdftotext to read PDF files (apt-get install poppler-utils)")
        }
    }

    /// A minimal PDF (Helvetica, one text line per entry) with correct cross-reference offsets.
    static func twoPagePDF(_ pages: [String]...) -> [UInt8] {
        var objects: [String] = []
        let pageCount = pages.count
        let kids = (0..<pageCount).map { "\(3 + $0 * 2) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pageCount) >>")
        let fontNumber = 3 + pageCount * 2
        for (index, lines) in pages.enumerated() {
            var stream = "BT /F1 14 Tf 72 720 Td 18 TL\n"
            for line in lines { stream += "(\(line)) Tj T*\n" }
            stream += "ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(fontNumber) 0 R >> >> /Contents \(4 + index * 2) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
