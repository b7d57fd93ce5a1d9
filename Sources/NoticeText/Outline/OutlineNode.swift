/// One numbered item (or bare heading, or attachment) of a notice body.
public struct OutlineNode: Sendable, Hashable {
    /// Path element as written: "三", "（一）", "1", "工作任务", "附件", "附件2".
    public var label: String
    /// nil for attachments.
    public var style: OutlineMarker.Style?
    public var isAttachment: Bool
    public var isBareHeading: Bool
    public var parent: Int?
    public var children: [Int] = []
    /// The item's paragraphs; the first is the marker paragraph with its marker removed (it may be
    /// empty for a bare heading or an attachment line with nothing after "附件：").
    public var body: [Paragraph]
}

/// The numbered structure of a notice: nodes in document order, with parent/child links.
public struct Outline: Sendable, Hashable {
    public var nodes: [OutlineNode] = []
    public var roots: [Int] = []

    public init() {}

    /// Labels from the top down to `index`.
    public func path(of index: Int) -> [String] {
        var out: [String] = []
        var i: Int? = index
        while let j = i {
            out.append(nodes[j].label)
            i = nodes[j].parent
        }
        return out.reversed()
    }

    /// Indices of `index` and its ancestors, nearest first.
    public func lineage(of index: Int) -> [Int] {
        var out: [Int] = []
        var i: Int? = index
        while let j = i {
            out.append(j)
            i = nodes[j].parent
        }
        return out
    }
}

/// A notice split into its parts: cover letter, body title, preamble, numbered outline, trailer.
public struct NoticeLayout: Sendable, Hashable {
    /// Everything before the body: red-header, 文号, cover 通知 with recipients and date.
    public var cover: [Paragraph]
    /// Paragraphs forming the body document's title.
    public var title: [Paragraph]
    /// Body text before the first numbered item.
    public var preamble: [Paragraph]
    public var outline: Outline
    /// 版记 and sign-off after the body: 抄送, 印发 lines, the closing signature and date.
    public var trailer: [Paragraph]
}
