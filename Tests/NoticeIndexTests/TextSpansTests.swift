import Foundation
import GRDB
import Testing
@testable import NoticeIndex

/// Texts kept as pieces of their notice's text come back byte for byte, whatever they share with it.
@Suite struct TextSpansTests {
    /// The decoded text's bytes (String's == would let a canonically equivalent text pass) and the pieces.
    static func roundTrip(_ text: String, _ source: String, lines: ClosedRange<Int>? = nil) -> ([UInt8]?, Data) {
        let sourceBytes = Data(source.utf8)
        let spans = SpanSource.with(sourceBytes) { $0.spans(of: text, lines: lines) }
        // Only the prefix the copies reach is handed over: the extent must be enough.
        let back = spans.withUnsafeBytes { TextSpans.decode($0) { sourceBytes.prefix($0) } }
        return (back.map { Array($0.utf8) }, spans)
    }

    /// A task's text is its lines joined without their number: a few copies, far smaller than the text.
    @Test func aTaskIsAFewCopiesOfItsLines() {
        let source = "关于印发要点的通知\n一、完善档案管理制度，\n加强档案数字化建设。（牵头单位：办公室）\n二、其他\n"
        let text = "完善档案管理制度，加强档案数字化建设。（牵头单位：办公室）"
        let (back, spans) = Self.roundTrip(text, source, lines: 2...3)
        #expect(back == Array(text.utf8))
        #expect(spans.count <= 8, "\(spans.count) bytes")
    }

    /// Characters the notice does not hold (a separator the outline added, another script) are
    /// kept literally; a text with no source at all is literal throughout and needs none.
    @Test func whatTheNoticeLacksIsKeptLiterally() {
        let source = "一、完善档案管理制度\n"
        for text in ["完善档案管理制度；另行补充的说明", "Ｘ完善档案管理制度Ｙ", "", "😀 emoji 和 ASCII", "完善"] {
            #expect(Self.roundTrip(text, source).0 == Array(text.utf8))
            #expect(Self.roundTrip(text, "").0 == Array(text.utf8))
        }
        let literal = SpanSource.with(Data()) { $0.spans(of: "完善档案管理制度") }
        #expect(literal.withUnsafeBytes { TextSpans.decode($0) { _ in nil } } == "完善档案管理制度")
    }

    /// Random texts made of random pieces of a random source, with characters of their own mixed
    /// in, and random line hints (right, wrong or out of range): each comes back exactly.
    @Test func randomTextsRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("档案管理制度完善加强建设工作安全，。、（）：\n0123456789abcAPP稳办")
        for _ in 0..<300 {
            let source = String((0..<Int.random(in: 0...400, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let chars = Array(source)
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                if !chars.isEmpty, Bool.random(using: &rng) {
                    let a = Int.random(in: 0..<chars.count, using: &rng)
                    text += String(chars[a..<min(chars.count, a + Int.random(in: 1...40, using: &rng))])
                } else {
                    text += String((0..<Int.random(in: 1...5, using: &rng)).map { _ in "Ω版本号😀é".randomElement(using: &rng)! })
                }
            }
            let first = Int.random(in: -2...12, using: &rng)
            let lines = Bool.random(using: &rng) ? first...(first + Int.random(in: 0...5, using: &rng)) : nil
            #expect(Self.roundTrip(text, source, lines: lines).0 == Array(text.utf8), "\(text) in \(source)")
        }
    }

    /// Damaged pieces (cut short, or copying past the source's end) read as nil, never a crash.
    @Test func damagedPiecesAreRefused() {
        let source = Data("一、完善档案管理制度\n".utf8)
        let spans = SpanSource.with(source) { $0.spans(of: "完善档案管理制度") }
        for cut in 0..<spans.count {
            let decoded = spans.prefix(cut).withUnsafeBytes { TextSpans.decode($0) { _ in source } }
            #expect(cut == 0 ? decoded == "" : decoded == nil, "cut at \(cut)")
        }
        #expect(spans.withUnsafeBytes { TextSpans.decode($0) { _ in source.prefix(10) } } == nil)
        #expect(spans.withUnsafeBytes { TextSpans.decode($0) { _ in nil } } == nil)
        let huge = Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        #expect(huge.withUnsafeBytes { TextSpans.decode($0) { _ in source } } == nil)
    }

    /// Inflating may stop once enough is out: what comes back is a prefix of the whole, at least as
    /// long as asked (or all of it).
    @Test func aPrefixIsInflatedWhenOneWillDo() throws {
        let text = String(repeating: "各单位要完善档案管理制度，加强档案数字化建设。", count: 400)
        let whole = Data(text.utf8)
        let deflated = try StoredText.deflate(text)
        #expect(try StoredText.inflatedBytes(deflated) == whole)
        for atLeast in [0, 1, 4096, 5000, whole.count - 1, whole.count, whole.count + 10] {
            let prefix = try StoredText.inflatedBytes(deflated, atLeast: atLeast)
            #expect(prefix.count >= min(atLeast, whole.count) && whole.starts(with: prefix), "\(atLeast)")
        }
        #expect(try StoredText.inflatedBytes(deflated, atLeast: 10).count < whole.count)
    }

    /// A reader keeps the notices' texts it inflated (a prefix at first, with `prefixFirst`): rows
    /// read in any order (forward as the queries read them, backward, shuffled) decode to the
    /// texts the views show.
    @Test func aReaderDecodesRowsInAnyOrder() throws {
        let store = SharedIndex.shared.store
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.notice_id, r.text_spans, r.title_spans, t.text, t.title
                FROM task_rows r JOIN tasks t ON t.id = r.id ORDER BY r.id
                """)
            #expect(rows.count > 100)
            var rng = SplitMix(seed: 7)
            let shuffled = rows.indices.map { ($0, rng.next()) }.sorted { $0.1 < $1.1 }.map { rows[$0.0] }
            for order in [rows, Array(rows.reversed()), shuffled] {
                for prefixFirst in [false, true] {
                    let reader = StoredTextReader(db, prefixFirst: prefixFirst)
                    for r in order {
                        #expect(reader.text(notice: r["notice_id"], spans: r["text_spans"]) == r["text"] as String)
                        #expect(reader.text(notice: r["notice_id"], spans: r["title_spans"]) == r["title"] as String)
                    }
                }
            }
        }
    }
}
