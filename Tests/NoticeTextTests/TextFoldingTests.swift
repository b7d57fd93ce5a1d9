import NoticeText
import XCTest

final class TextFoldingTests: XCTestCase {
    func testSimplifiedKeyFoldsTraditionalLabelsAndKeepsLength() {
        let traditional = "牽頭單位：醫政科；配合單位：辦公室"
        let key = TextFolding.simplifiedKey(traditional)
        XCTAssertEqual(key, "牵头单位：医政科；配合单位：办公室")
        XCTAssertEqual(key.utf16.count, traditional.utf16.count)
    }

    func testSimplifiedTextIsUnchanged() {
        let s = "加强与区委政法委的沟通协作（牵头单位：公卫科）"
        XCTAssertEqual(TextFolding.simplifiedKey(s), s)
    }

    func testWidthFoldingAndSpaceCollapsing() {
        XCTAssertEqual(TextFolding.foldWidth("ＡＰＰ１２３％"), "APP123%")
        XCTAssertEqual(TextFolding.collapseSpaces("2023 年 4 月 19 日"), "2023年4月19日")
        XCTAssertEqual(TextFolding.collapseSpaces("国家反诈中心 APP 全覆盖"), "国家反诈中心APP全覆盖")
        XCTAssertEqual(TextFolding.collapseSpaces("pdftotext -layout"), "pdftotext -layout")
        XCTAssertEqual(TextFolding.matchingKey("牽頭單位： 醫政科"), "牵头单位：医政科")
    }
}
