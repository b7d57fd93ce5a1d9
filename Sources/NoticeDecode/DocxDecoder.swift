import Foundation
import ZIPFoundation

/// A Word .docx file → text: body paragraphs as lines, table rows as tab-separated lines.
enum DocxDecoder {
    /// Parts larger than this are refused (a zip bomb guard).
    static let maximumPartSize: UInt64 = 512 << 20

    /// Decodes .docx bytes. They are read through a temporary file: ZIPFoundation's in-memory archive
    /// traps on entries whose offsets point past the end of a damaged file, its file-backed one does not.
    static func decode(_ data: Data, fileName: String) throws -> DecodedText {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("policydex-\(UUID().uuidString).docx")
        do {
            try data.write(to: temporary)
        } catch {
            throw DecodeError.unreadable(path: fileName, reason: "cannot write a temporary copy: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        return try decode(url: temporary, fileName: fileName)
    }

    /// Decodes the .docx file at `url`; errors name `fileName`.
    static func decode(url: URL, fileName: String) throws -> DecodedText {
        let archive: Archive
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw DecodeError.unreadable(path: fileName, reason: TextLines.oneLine(error.localizedDescription))
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw DecodeError.malformedDocx(path: fileName, reason: "not a zip archive (truncated or not a .docx)")
        }
        let reader = PartReader(archive: archive, bytes: bytes, fileName: fileName)
        let documentPath = mainDocumentPath(reader)
        guard let document = try reader.part(documentPath) else {
            throw DecodeError.malformedDocx(path: fileName, reason: "no \(documentPath) in the archive")
        }
        var numbering = DocxNumbering()
        if let numberingXML = try? reader.part("word/numbering.xml") {
            numbering = DocxNumbering(xml: numberingXML)
        }
        let lines = try DocxDocumentParser.lines(of: document, numbering: numbering, fileName: fileName, part: documentPath)
        return DecodedText(text: TextLines.normalizeLineEndings(TextLines.joinGenerated(lines)), format: "docx")
    }

    /// "word/document.xml", or the main part `_rels/.rels` names when a generator chose another name.
    private static func mainDocumentPath(_ reader: PartReader) -> String {
        let standard = "word/document.xml"
        if reader.archive[standard] != nil { return standard }
        guard let rels = try? reader.part("_rels/.rels") else { return standard }
        let text = String(decoding: rels, as: UTF8.self)
        for relationship in text.components(separatedBy: "<Relationship").dropFirst()
        where relationship.contains("/officeDocument\"") {
            if let range = relationship.range(of: "Target=\"") {
                let target = relationship[range.upperBound...].prefix { $0 != "\"" }
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : String(target)
                if reader.archive[path] != nil { return path }
            }
        }
        return standard
    }

}

/// Reads parts of one .docx archive.
private struct PartReader {
    let archive: Archive
    let bytes: [UInt8]
    let fileName: String

    /// The bytes of one part of the archive, or nil when it is absent.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        let limit = DocxDecoder.maximumPartSize
        guard entry.uncompressedSize <= limit else {
            throw DecodeError.malformedDocx(path: fileName, reason: "\(path) is larger than \(limit >> 20) MB")
        }
        if case .damaged(let reason) = ZipEntryGuard.check(path, in: bytes, limit: Int(limit)) {
            throw DecodeError.malformedDocx(path: fileName, reason: reason)
        }
        var content = Data()
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in content.append(chunk) }
        } catch {
            throw DecodeError.malformedDocx(path: fileName, reason: "cannot extract \(path) (damaged archive)")
        }
        // extract(_:consumer:) computes the checksum but leaves the comparison to its caller.
        guard checksum == entry.checksum else {
            throw DecodeError.malformedDocx(path: fileName, reason: "\(path) is damaged (CRC mismatch)")
        }
        // FoundationXML's parser runs libxml2 in recovery mode and traps on names that are not UTF-8,
        // so only well-formed UTF-8 (or BOM-marked UTF-16) reaches it.
        let isUTF16 = content.starts(with: [0xFF, 0xFE]) || content.starts(with: [0xFE, 0xFF])
        guard isUTF16 || PlainTextDecoder.isValidUTF8(content) else {
            throw DecodeError.malformedDocx(path: fileName, reason: "\(path) is not valid UTF-8")
        }
        return content
    }
}
