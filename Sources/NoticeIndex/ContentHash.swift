import Foundation

/// The content hash that decides whether a corpus file changed: 64-bit FNV-1a over the bytes
/// plus the byte count.
enum ContentHash {
    static func of(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for b in raw.bindMemory(to: UInt8.self) {
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            }
        }
        return String(h, radix: 16) + "-" + String(data.count)
    }
}
