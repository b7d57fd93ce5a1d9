import Foundation
import Testing
@testable import NoticeDecode

/// A well-formed .docx whose word/document.xml is over 10 MB was rejected as "not well-formed XML":
/// handed all at once, libxml2 stops at its 10 MB lookup limit. Fed as a stream it reads through.
@Suite struct LargeDocxTests {
    @Test func documentXMLOverTenMegabytesIsRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policydex-bigdocx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.docx").path
        // Python's zipfile writes the package (the test targets do not link ZIPFoundation).
        let script = """
            import sys, zipfile
            w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
            paras = ''.join('<w:p><w:r><w:t>第%d项：加强反诈宣传，开展专项培训。</w:t></w:r></w:p>' % i for i in range(150000))
            doc = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>%s<w:p><w:r><w:t>鹈鹕结尾</w:t></w:r></w:p></w:body></w:document>' % (w, paras)
            assert len(doc.encode()) > 11_000_000
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
                z.writestr('word/document.xml', doc)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, path]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let decoded = try NoticeDecoder.decode(path: path)
        #expect(decoded.format == "docx")
        #expect(decoded.text.hasPrefix("第0项：加强反诈宣传"))
        #expect(decoded.text.hasSuffix("鹈鹕结尾") || decoded.text.hasSuffix("鹈鹕结尾\n"))
    }
}
