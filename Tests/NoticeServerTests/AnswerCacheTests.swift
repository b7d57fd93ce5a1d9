import Foundation
import NIOCore
import Testing
@testable import NoticeServer

@Suite struct AnswerCacheTests {
    static func answer(_ s: String) -> API.Answer { API.Answer(body: ByteBuffer(string: s), type: "application/json") }

    @Test func answersHoldForOneGenerationOnly() {
        let cache = AnswerCache()
        cache.put("/api/who?q=a", body: ByteBuffer(string: "1"), type: "t", generation: 3)
        #expect(cache.get("/api/who?q=a", generation: 3).map { String(buffer: $0.body) } == "1")
        #expect(cache.get("/api/who?q=a", generation: 4) == nil)
        // An answer computed before a commit does not replace the newer generation's.
        cache.put("/api/who?q=b", body: ByteBuffer(string: "2"), type: "t", generation: 4)
        cache.put("/api/who?q=c", body: ByteBuffer(string: "3"), type: "t", generation: 3)
        #expect(cache.get("/api/who?q=c", generation: 3) == nil && cache.get("/api/who?q=b", generation: 4) != nil)
    }

    @Test func manyClientsAskingTheSameNewQuestionComputeItOnce() async throws {
        let cache = AnswerCache()
        let computed = Counter()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    let a = try await cache.answer("/api/search?q=x", generation: 1) {
                        computed.increment()
                        try await Task.sleep(for: .milliseconds(100))
                        return Self.answer("hits")
                    }
                    return String(buffer: a.body)
                }
            }
            for try await body in group { #expect(body == "hits") }
        }
        #expect(computed.value == 1)
    }

    @Test func theCacheStaysBounded() {
        let cache = AnswerCache(maxEntries: 10, maxBytes: 1 << 20)
        for i in 0..<100 { cache.put("/k\(i)", body: ByteBuffer(string: "\(i)"), type: "t", generation: 1) }
        #expect(cache.get("/k99", generation: 1) != nil && cache.get("/k0", generation: 1) == nil)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
