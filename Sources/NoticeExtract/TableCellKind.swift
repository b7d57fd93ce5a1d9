import NoticeText

/// What a table cell holds, judged on its text alone.
enum TableCellKind: Equatable {
    case serial, time, units, text

    static func isSerial(_ s: String) -> Bool { Paragraph.isSerialNumber(s) }

    private static let timeStart = TextPattern("^(?:\\d|[一二三四五六七八九十]{1,2}月|今年|明年|年底|年内|年中|全年|上半年|下半年|长期|持续|常态|每|即日|第[一二三四]季度|按|定期|适时|及时)")

    static func of(_ cell: String) -> TableCellKind {
        let key = TextFolding.simplifiedKey(cell).removingAll(" ")
        if isSerial(key) { return .serial }
        if key.count <= 30, !key.contains("。"), timeStart.contains(in: key),
           !DeadlineExtractor.deadlines(inLimitCell: cell, year: 2000).isEmpty { return .time }
        if key.count <= 200, !key.contains("。"), UnitLine.read(cell, known: []) != nil { return .units }
        return .text
    }
}
