/// A notice file turned into text: lines separated by "\n"; table rows as tab-separated lines.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// What the bytes were: "utf-8", "utf-16", "gb18030", "big5", "html", "docx", "pdf".
    public var format: String
    /// What was repaired on the way (an invalid byte replaced), one line each, for the index report.
    public var warnings: [String]

    public init(text: String, format: String, warnings: [String] = []) {
        self.text = text
        self.format = format
        self.warnings = warnings
    }
}
