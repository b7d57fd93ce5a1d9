import Foundation
import NoticeExtract
import NoticeModel
import NoticeText
import Testing

/// Expressions that promise a character every match holds (`TextPattern(needsAny:)`) skip texts
/// without one. The promise is written by hand beside each pattern, so every notice the tests
/// have is extracted both ways: a broken promise changes some catalog.
@Suite struct PatternNeedsTests {
    /// The repository's notices, and any folders named in POLICYDEX_MORE_NOTICES (colon-separated:
    /// collections of real notices kept outside the repository).
    static let folders = [Fixtures.corpus, Fixtures.notices, Fixtures.root.appendingPathComponent("diff"),
                          Fixtures.root.appendingPathComponent("decode")]
        + (ProcessInfo.processInfo.environment["POLICYDEX_MORE_NOTICES"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)) }

    static var noticeFiles: [URL] {
        folders.flatMap { folder in
            ["txt", "tsv", "html", "docx"].flatMap { Fixtures.files(in: folder, ext: $0) }
        }
    }

    @Test func catalogsAreTheSameWithEveryExpressionRunEverywhere() throws {
        let files = Self.noticeFiles
        #expect(files.count >= 40, "only \(files.count) notices found")
        var tasks = 0
        for url in files {
            let filtered = try? CatalogBuilder.notice(atPath: url.path, relativePath: url.lastPathComponent)
            let unfiltered = try? TextPattern.$ignoringNeeds.withValue(true) {
                try CatalogBuilder.notice(atPath: url.path, relativePath: url.lastPathComponent)
            }
            let same = filtered == unfiltered   // compared apart: a failure names the file, not two catalogs
            #expect(same, "\(url.lastPathComponent): the catalogs differ")
            tasks += filtered?.tasks.count ?? 0
        }
        #expect(tasks > 500)
    }

    /// `patterns` over `count` random texts of up to `longest` of `pieces`, with their promises
    /// and without: the whole text, a random range of it (a surrogate pair's middle included) and
    /// the range's first match. Returns how many matches the searches without promises found.
    static func searchedWithAndWithoutPromises(_ patterns: [TextPattern], pieces: [String], texts count: Int, longest: Int) -> Int {
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<count {
            let text = (0..<Int.random(in: 0...longest, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let units = TextPattern.Prepared(text), length = text.utf16.count
            let start = Int.random(in: 0...length, using: &generator)
            let range = NSRange(location: start, length: Int.random(in: 0...(length - start), using: &generator))
            for pattern in patterns {
                func answers() -> ([[NSRange]], [[NSRange]], [NSRange]?) {
                    (pattern.matches(in: text).map(\.ranges), pattern.matches(in: units, range: range).map(\.ranges),
                     pattern.firstMatch(in: units, range: range)?.ranges)
                }
                let promised = answers()
                let whole = TextPattern.$ignoringNeeds.withValue(true) { answers() }
                #expect(promised.0 == whole.0 && promised.1 == whole.1 && promised.2 == whole.2, "\(text) \(range)")
                found += whole.0.count
            }
        }
        return found
    }

    /// Searching only the stretches near a needed character finds what a whole search finds,
    /// matches that share a stretch and stretches that touch included (random texts).
    @Test func stretchSearchEqualsWholeSearch() {
        let alias = TextPattern("([\\p{Han}]{2,6}?)[（(]简称([\\p{Han}]{2,3})[）)]", needsAny: "（(", maxLength: 14)
        let pieces = ["安稳", "办", "医政科", "（", "）", "(", ")", "（简称", "简称"]
        #expect(Self.searchedWithAndWithoutPromises([alias], pieces: pieces, texts: 500, longest: 60) > 50)
        let two = "甲乙丙（简称甲乙）丁戊己（简称戊己）" + String(repeating: "庚", count: 30) + "辛壬（简称辛壬）"
        #expect(alias.matches(in: two).compactMap { $0.group(2) } == ["甲乙", "戊己", "辛壬"])
    }

    /// A pattern whose matches end at a needed character searched only in the stretches before
    /// each one finds what a whole search finds (a note holding a needed character included).
    @Test func stretchesBeforeTheEndingCharacterFindWhatAWholeSearchFinds() {
        let label = TextPattern("(?:【\\s{0,2})?(?<word>牵头单位|配合单位|责任单位)\\s{0,2}(?:（[^）：:]{1,4}）)?(?:[：:]|】)",
                                needsAny: "：:】", maxLength: 18, endsAtNeeded: true)
        let pieces = ["牵头单位", "配合单位", "责任", "单位", "【", "】", "：", ":", "（", "）", "（部门）", "（】）", " ", "办公室"]
        #expect(Self.searchedWithAndWithoutPromises([label], pieces: pieces, texts: 2000, longest: 40) > 100)
    }

    /// Trying a pattern that opens with a Han run only where the run before each needed character
    /// begins finds what a whole search finds: runs longer than the pattern allows, runs cut by a
    /// character of another script, a match ending where the next run starts, Han outside the BMP
    /// and characters on the Han script's edges (々 and 〇 are Han, 〆 and ー are not).
    @Test func hanRunSearchEqualsWholeSearch() {
        let alias = TextPattern("([\\p{Han}]{2,6}?)[（(]简称([\\p{Han}]{2,3})[）)]", needsAny: "（(", maxLength: 14,
                                hanRunBeforeNeeded: 6)
        let pieces = ["安稳", "办", "医政科", "（", "）", "(", ")", "（简称", "简称", "𠀀", "𪚥", "々", "〇", "〆", "ー", "A", "，", "⺀", "丶"]
        #expect(Self.searchedWithAndWithoutPromises([alias], pieces: pieces, texts: 2000, longest: 60) > 20)
        let runs = "甲乙丙（简称甲乙）丁戊（简称丁戊）" + String(repeating: "庚", count: 30) + "辛壬（简称辛壬）𠀀々〇（简称〇〇）"
        #expect(alias.matches(in: runs).compactMap { $0.group(1) } == ["甲乙丙", "丁戊", "庚庚庚庚辛壬", "𠀀々〇"])
    }

    /// A pattern anchored at the start with the characters a match starts with skips other texts
    /// unread and finds what it finds without the promise: whole texts and ranges, digits of
    /// every script (ICU's \\d holds the full-width ones), an empty text.
    @Test func startPromiseChangesNoMatch() {
        let date = TextPattern("^(\\d{1,3})\\s*[、．]", startsWith: "[\\d]")
        let heading = TextPattern("^([（(]\\s*[一二三]{1,2}\\s*[）)])", startsWith: "[（(]")
        let pieces = ["1", "２", "٣", "、", "．", "（", "(", "一", "二", "）", ")", " ", "牵头", "𝟙"]
        #expect(Self.searchedWithAndWithoutPromises([date, heading], pieces: pieces, texts: 2000, longest: 6) > 30)
        #expect(date.firstMatch(in: "２、") != nil && date.firstMatch(in: "牵头1、") == nil && date.firstMatch(in: "") == nil)
    }

    @Test func aTextWithoutTheCharacterIsNotSearched() {
        let label = TextPattern("牵头单位[：:]", needsAny: "：:")
        #expect(label.matches(in: "牵头单位：办公室").count == 1)
        #expect(label.matches(in: "牵头单位办公室").isEmpty)
        // The promise is what makes the answer safe: a wrong one loses matches, which the
        // catalog comparison above would show.
        let wrong = TextPattern("牵头", needsAny: "：")
        #expect(wrong.matches(in: "医政科牵头").isEmpty)
        #expect(TextPattern.$ignoringNeeds.withValue(true) { wrong.matches(in: "医政科牵头").count } == 1)
    }
}
