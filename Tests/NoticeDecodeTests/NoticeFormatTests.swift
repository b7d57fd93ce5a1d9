import Foundation
import Testing
@testable import NoticeDecode

/// The format registry: which entry a file name and its first bytes get, and PDF bytes through stdin.
struct NoticeFormatTests {
    static let plain = Data("关于开展安全生产检查的通知\n各科室：\n".utf8)

    @Test(arguments: [
        ("notice.pdf", NoticeFormat.Kind.pdf), ("NOTICE.PDF", .pdf),
        ("a.docx", .docx), ("a.docm", .docx), ("a.dotx", .docx),
        ("a.html", .html), ("a.htm", .html), ("a.xhtml", .html), ("a.shtml", .html),
        ("a.txt", .text), ("a.text", .text), ("a.tsv", .text), ("a.csv", .text), ("corpus/sub/a.TXT", .text),
    ])
    func extensionPicksTheFormat(fileName: String, kind: NoticeFormat.Kind) {
        #expect(NoticeFormat.of(Self.plain, fileName: fileName).kind == kind)
    }

    @Test func supportedExtensionsAreTheRegistrysExtensions() {
        var expected: Set<String> = []
        for format in NoticeFormat.all { expected.formUnion(format.extensions) }
        #expect(NoticeFiles.supportedExtensions == expected)
        #expect(NoticeFiles.supportedExtensions.isSuperset(of: ["txt", "text", "tsv", "csv", "html", "htm", "docx", "pdf"]))
        #expect(Set(NoticeFormat.all.map(\.kind)) == Set(NoticeFormat.Kind.allCases))
        #expect(NoticeFormat.all.last?.kind == .text)
    }

    @Test(arguments: [
        (Data("%PDF-1.4\n%âãÏÓ\n".utf8), NoticeFormat.Kind.pdf),
        (Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), .zip),
        (Data("<!DOCTYPE html>\n<html><body><p>通知</p></body></html>".utf8), .html),
        (Data([0xEF, 0xBB, 0xBF] + Array("\n  <HTML lang=\"zh\"><p>通知</p></HTML>".utf8)), .html),
        (NoticeFormatTests.plain, .text),
        (Data("<p>a fragment is not a page</p>".utf8), .text),
    ])
    func bytesPickTheFormatWithoutAnExtension(bytes: Data, kind: NoticeFormat.Kind) {
        #expect(NoticeFormat.of(bytes, fileName: "corpus/notice").kind == kind)
        // Neither a plain-text nor an unknown extension settles the format: a .txt may be a saved page.
        #expect(NoticeFormat.of(bytes, fileName: "corpus/notice.txt").kind == kind)
        #expect(NoticeFormat.of(bytes, fileName: "corpus/notice.bak").kind == kind)
    }

    @Test func aDecisiveExtensionBeatsTheBytes() {
        let page = Data("<!DOCTYPE html><html><p>通知</p></html>".utf8)
        #expect(NoticeFormat.of(page, fileName: "a.pdf").kind == .pdf)
        #expect(NoticeFormat.of(Data("%PDF-1.7".utf8), fileName: "a.html").kind == .html)
        #expect(NoticeFormat.of(Self.plain, fileName: "a.docx").kind == .docx)
    }

    @Test func aWordDocumentUnderAnotherNameIsReadAsOne() throws {
        let sample = DecodeTests.fixtures.appendingPathComponent("sample.docx")
        let decoded = try NoticeDecoder.decode(data: try Data(contentsOf: sample), fileName: "upload/attachment")
        #expect(decoded.format == "docx")
        #expect(decoded.text.hasPrefix("关于印发2023年卫生健康工作要点的通知\n"))
        #expect(throws: DecodeError.binary(path: "upload/archive")) {
            try NoticeDecoder.decode(data: Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 60)),
                                     fileName: "upload/archive")
        }
    }

    // MARK: - PDF bytes through standard input

    @Test func pdfBytesGoToStandardInputNotAFile() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Stands in for pdftotext: records its arguments and echoes its standard input.
        let tool = try Self.script("printf '%s\\n' \"$@\" > \"$0.args\"\ncat\n", in: folder)
        let bytes = Data("%PDF-1.4 第一页\n\u{0C}第二页\r\n".utf8)
        let decoded = try PDFDecoder.decode(data: bytes, fileName: "upload/notice.pdf", executable: tool)
        let arguments = try String(contentsOfFile: tool + ".args", encoding: .utf8)
        #expect(arguments == "-layout\n-enc\nUTF-8\n-\n-\n")
        #expect(decoded == DecodedText(text: "%PDF-1.4 第一页\n第二页\n", format: "pdf"))
    }

    @Test func aToolThatExitsWithoutReadingItsInputIsAFailureNotACrash() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = try Self.script("echo 'Syntax Error: not a PDF' >&2\nexit 1\n", in: folder)
        let bytes = Data(repeating: 0x25, count: 4 << 20)  // more than a pipe holds
        #expect(throws: DecodeError.toolFailed(path: "big.pdf", tool: "pdftotext",
                                               reason: "exit status 1: Syntax Error: not a PDF")) {
            try PDFDecoder.decode(data: bytes, fileName: "big.pdf", executable: tool)
        }
    }

    @Test func aRunPastTheTimeLimitIsStopped() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = try Self.script("exec sleep 30\n", in: folder)
        let started = Date()
        #expect(throws: DecodeError.toolFailed(path: "slow.pdf", tool: "pdftotext", reason: "no result within 300 ms (stopped)")) {
            try PDFDecoder.decode(data: Data("%PDF-1.4".utf8), fileName: "slow.pdf", executable: tool, timeLimit: 0.3)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test(.enabled(if: PDFDecoder.findExecutable("pdftotext") != nil, "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdfBytesWithoutAnExtensionDecodeThroughPdftotext() throws {
        let pdf = Data(DecodeTests.twoPagePDF(["NOTICE 2023-15", "Lead unit: Office"], ["Page two: deadline June 30"]))
        let decoded = try NoticeDecoder.decode(data: pdf, fileName: "upload/notice")
        #expect(decoded.format == "pdf")
        let lines = decoded.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { !$0.isEmpty } == ["NOTICE 2023-15", "Lead unit: Office", "Page two: deadline June 30"])
    }

    // MARK: - Helpers

    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("NoticeFormatTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An executable shell script with `body`; returns its path.
    static func script(_ body: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent("fake-pdftotext")
        try Data(("#!/bin/sh\n" + body).utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }
}
