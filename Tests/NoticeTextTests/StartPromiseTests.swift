import Foundation
@testable import NoticeText
import Testing

/// The paragraph patterns that declare the characters their matches start with (`startsWith`)
/// answer as they do without the promise, on random paragraphs built from their own characters:
/// outline markers of every style, date lines, attachment lines.
@Suite struct StartPromiseTests {
    static let pieces = ["一", "二", "十", "百", "〇", "零", "（", "）", "(", ")", "、", "，", ".", "．", "。", "1", "12", "２", "٣",
                         "①", "⑳", "第", "条", "章", "年", "月", "日", "2024", "附", "件", "：", " ", "工作任务", "牵头", "号"]
    /// Pieces of dates, so that some paragraphs are whole date lines.
    static let datePieces = ["2024年", "二〇二四年", "3月", "三月", "十二月", "15日", "1", "年", "月", "日", "２０２４年", " "]

    static func randomParagraphs(_ count: Int, of pieces: [String]) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func markersAndLinesAreTheSameWithoutThePromise() {
        var markers = 0, dates = 0
        for text in Self.randomParagraphs(4000, of: Self.pieces) + Self.randomParagraphs(4000, of: Self.datePieces) {
            let promised = (OutlineMarker.parse(text), Reflow.isDateLine(text), OutlineMarker.parse(text, nextArabic: 12))
            let unpromised = TextPattern.$ignoringNeeds.withValue(true) {
                (OutlineMarker.parse(text), Reflow.isDateLine(text), OutlineMarker.parse(text, nextArabic: 12))
            }
            #expect(promised.0 == unpromised.0 && promised.1 == unpromised.1 && promised.2 == unpromised.2, "\(text)")
            if promised.0 != nil { markers += 1 }
            if promised.1 { dates += 1 }
        }
        #expect(markers > 150 && dates > 8, "\(markers) markers, \(dates) dates")
        #expect(Reflow.isDateLine("2024年3月1日") && Reflow.isDateLine("二〇二四年三月一日") && !Reflow.isDateLine("年3月1日"))
    }
}
