import Foundation
import Testing
@testable import NoticeText

/// Tokenizer and word breaker on sentences from the sample corpus.
@Suite struct SegmentTests {
    let sentence = "和应急处突能力。（牵头单位：安稳办；配合单位：医政科、人"

    /// The original substring a token's byte range covers.
    func original(_ s: String, _ t: Token) -> String {
        let bytes = Array(s.utf8)
        return String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    @Test func bigramsOfAShortRun() {
        let tokens = Tokenizer().tokens(of: "安稳办", mode: .query)
        #expect(tokens.map(\.text) == ["安稳", "稳办"])
        #expect(tokens.allSatisfy { !$0.colocated })
    }

    @Test func loneCharacterIsAUnigram() {
        let tokens = Tokenizer().tokens(of: "办", mode: .query)
        #expect(tokens.map(\.text) == ["办"])
        let doc = Tokenizer().tokens(of: "（办）", mode: .document)
        #expect(doc.map(\.text) == ["办"])
        #expect(original("（办）", doc[0]) == "办")
    }

    /// Only a run's last character gets a unigram: every other character starts a bigram, so a
    /// prefix query on one character finds it wherever it stands.
    @Test func documentModeColocatesTheLastCharacter() {
        let tokens = Tokenizer().tokens(of: "安稳办", mode: .document)
        let positions = tokens.filter { !$0.colocated }.map(\.text)
        #expect(positions == ["安稳", "稳办"])
        let unigrams = tokens.filter { $0.colocated && $0.text.count == 1 }
        #expect(unigrams.map(\.text) == ["办"])
        #expect(original("安稳办", unigrams[0]) == "办")
        #expect(!tokens[0].colocated)
    }

    @Test func offsetsMapBackToTheOriginalText() {
        let tokens = Tokenizer().tokens(of: sentence, mode: .document).filter { !$0.isMarker }
        #expect(!tokens.isEmpty)
        for t in tokens {
            #expect(original(sentence, t) == t.text, "\(t)")
        }
        let texts = tokens.map(\.text)
        #expect(texts.contains("牵头"))
        #expect(texts.contains("稳办"))
        // Punctuation is never a token and separates runs: no bigram spans "力。" or "：安".
        #expect(!texts.contains { $0.contains("。") || $0.contains("：") })
        #expect(!texts.contains("力（"))
    }

    @Test func traditionalAndFullWidthFold() {
        let s = "（牽頭單位：安穩辦）２０２３年ＡＢＣ"
        let tokens = Tokenizer().tokens(of: s, mode: .query)
        #expect(tokens.map(\.text).prefix(3) == ["牵头", "头单", "单位"])
        #expect(tokens.map(\.text).contains("2023"))
        #expect(tokens.map(\.text).contains("abc"))
        let first = tokens[0]
        #expect(original(s, first) == "牽頭")
        let digits = tokens.first { $0.text == "2023" }!
        #expect(original(s, digits) == "２０２３")
        #expect(SearchFolding.key("牽頭") == "牵头")
    }

    @Test func asciiWordsAreLowerCased() {
        let tokens = Tokenizer().tokens(of: "做好COVID-19防控", mode: .query)
        #expect(tokens.map(\.text) == ["做好", "covid", "19", "防控"])
    }

    /// The index's tokens are the document's without its ICU words (no query reads them).
    @Test func indexModeIsDocumentModeWithoutWords() {
        let s = "进一步加强全系统各单位反恐防暴能力建设。APP下载（办）"
        let document = Tokenizer().tokens(of: s, mode: .document)
        let index = Tokenizer().tokens(of: s, mode: .index)
        let words = document.filter { $0.colocated && $0.text.count >= 3 && $0.text.unicodeScalars.allSatisfy { Tokenizer.isCJK($0.value) } }
        #expect(!words.isEmpty)
        #expect(index == document.filter { !words.contains($0) })
    }

    @Test func icuWordsAreColocated() {
        let s = "进一步加强全系统各单位反恐防暴能力建设。"
        let tokens = Tokenizer().tokens(of: s, mode: .document)
        let long = tokens.filter { $0.colocated && $0.text.count >= 3 }
        #expect(!long.isEmpty, "ICU words of three or more characters are colocated")
        for t in long { #expect(original(s, t) == t.text) }
        // The position stream is exactly the bigrams of the run.
        let positions = tokens.filter { !$0.colocated }.map(\.text)
        let chars = Array("进一步加强全系统各单位反恐防暴能力建设")
        #expect(positions == (0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
    }

    @Test func wordBreakerSplitsAnUnspacedQuery() {
        let words = WordBreaker().words(of: "托育机构反恐")
        #expect(words.count >= 2)
        #expect(words.joined() == "托育机构反恐")
    }

    @Test func corpusSentencesRoundTrip() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../corpus").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
        #expect(!files.isEmpty)
        let tokenizer = Tokenizer()
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            var last = -1
            for t in tokenizer.tokens(of: text, mode: .document) {
                // The marker before a CJK run stands where the run starts and holds no text.
                if t.isMarker { #expect(t.start == t.end && t.start > last); last = t.start - 1; continue }
                #expect(original(text, t) == t.text || SearchFolding.key(original(text, t)) == t.text, "\(f): \(t)")
                if !t.colocated { #expect(t.start > last); last = t.start }
            }
        }
    }

    /// Documents: a marker before each CJK run that follows other tokens (so a phrase of bigrams
    /// cannot span "安稳。稳办"), and every later start of a letter/digit run, colocated.
    @Test func runMarkersAndLetterRunStarts() {
        let tokens = Tokenizer().tokens(of: "安稳。稳办APP下载", mode: .document)
        let stream = tokens.filter { !$0.colocated }.map(\.text)
        #expect(stream == ["安稳", Token.marker, "稳办", "app", Token.marker, "下载"])
        #expect(tokens.filter(\.colocated).map(\.text).contains("pp"))
        #expect(tokens.filter(\.colocated).map(\.text).contains("p"))
        // Queries get neither.
        #expect(Tokenizer().tokens(of: "安稳。稳办APP", mode: .query).map(\.text) == ["安稳", "稳办", "app"])
        // A long run's starts are cut to suffixLength characters.
        let long = Tokenizer().tokens(of: String(repeating: "x", count: 40), mode: .document)
        #expect(long.filter(\.colocated).allSatisfy { $0.text.count <= Tokenizer.suffixLength })
    }

    @Test func invalidUTF8IsASeparator() {
        let bytes: [UInt8] = [0xE5, 0xAE, 0x89, 0xFF, 0xE7, 0xA8, 0xB3]   // 安 <bad> 稳
        var out: [String] = []
        bytes.withUnsafeBufferPointer { buf in
            Tokenizer().tokenize(utf8: buf, mode: .query) { b, _, _, _ in
                out.append(String(decoding: b, as: UTF8.self)); return true
            }
        }
        #expect(out == ["安", "稳"])
    }
}
