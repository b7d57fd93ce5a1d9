import Foundation
import NIOCore

/// Recent API answers by request URI, valid for one index generation (`IndexStore.generation`):
/// the same question asked again is answered from memory until an `index` or `import` commits.
/// Bounded by entries and bytes; the oldest entries go first.
final class AnswerCache: @unchecked Sendable {
    struct Entry {
        var body: ByteBuffer
        var type: String
        var order: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Answers being computed, so that many clients asking the same new question (after an
    /// index commit empties the cache) wait for one computation instead of each doing it.
    private var inFlight: [String: Task<API.Answer, Error>] = [:]
    private var generation = -1
    private var bytes = 0
    private var counter = 0
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int = 4096, maxBytes: Int = 64 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func get(_ key: String, generation g: Int) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        guard g == generation else { return nil }
        return entries[key]
    }

    func put(_ key: String, body: ByteBuffer, type: String, generation g: Int) {
        guard body.readableBytes <= maxBytes / 16 else { return }
        lock.lock()
        defer { lock.unlock() }
        if g != generation {
            guard g > generation else { return }   // an answer from an older snapshot
            entries.removeAll(keepingCapacity: true)
            bytes = 0
            generation = g
        }
        counter += 1
        if let old = entries.updateValue(Entry(body: body, type: type, order: counter), forKey: key) { bytes -= old.body.readableBytes }
        bytes += body.readableBytes
        if entries.count > maxEntries || bytes > maxBytes {
            // Drop the oldest half: cheaper than a linked list for a cache this size.
            let keep = entries.sorted { $0.value.order > $1.value.order }.prefix(maxEntries / 2)
            entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            bytes = entries.values.reduce(0) { $0 + $1.body.readableBytes }
        }
    }

    /// The answer to `key` at generation `g`: from memory, else from the one computation of it
    /// already running, else from `compute` (and remembered).
    func answer(_ key: String, generation g: Int, compute: @escaping @Sendable () async throws -> API.Answer) async throws -> API.Answer {
        if let hit = get(key, generation: g) { return API.Answer(body: hit.body, type: hit.type) }
        let flightKey = "\(g) \(key)"
        let task: Task<API.Answer, Error> = lock.withLock {
            if let running = inFlight[flightKey] { return running }
            let t = Task { try await compute() }
            inFlight[flightKey] = t
            return t
        }
        defer { lock.withLock { inFlight[flightKey] = nil } }
        let answer = try await task.value
        put(key, body: answer.body, type: answer.type, generation: g)
        return answer
    }
}
