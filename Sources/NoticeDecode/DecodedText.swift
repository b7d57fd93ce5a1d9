/// A notice file turned into text: lines separated by "\n"; table rows as tab-separated lines.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// What the bytes were: "utf-8", "utf-16", "gb18030", "big5", "html", "docx", "pdf".
    public var format: String

    public init(text: String, format: String) {
        self.text = text
        self.format = format
    }
}
