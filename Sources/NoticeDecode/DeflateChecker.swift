/// Walks a raw DEFLATE stream (RFC 1951) without producing its output, to learn whether it ends
/// cleanly before the input does. ZIPFoundation's inflate loop never returns on a stream that runs
/// into the end of the file, so damaged .docx entries are checked with this first.
struct DeflateChecker {
    enum Outcome: Equatable {
        /// The final block ended; the stream inflates to `size` bytes.
        case complete(size: Int)
        /// The input ran out before the final block ended.
        case truncated
        /// Not valid DEFLATE.
        case invalid
        /// It would inflate to more than the limit.
        case tooLarge
    }

    private enum Stop: Error { case truncated, invalid, tooLarge }

    private struct Huffman {
        var count = [Int](repeating: 0, count: 16)
        var symbol: [Int]
        /// 0 for a complete code, > 0 for an incomplete one, < 0 for an over-subscribed one.
        var left = 0

        init(lengths: ArraySlice<Int>) {
            symbol = [Int](repeating: 0, count: lengths.count)
            for length in lengths { count[length] += 1 }
            if count[0] == lengths.count { left = 0; return }
            var remaining = 1
            for length in 1..<16 {
                remaining <<= 1
                remaining -= count[length]
                if remaining < 0 { left = remaining; return }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + count[length] }
            for (index, length) in lengths.enumerated() where length != 0 {
                symbol[offsets[length]] = index
                offsets[length] += 1
            }
            left = remaining
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static let fixed: (Huffman, Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return (Huffman(lengths: lengths[...]), Huffman(lengths: [Int](repeating: 5, count: 30)[...]))
    }()

    private let input: [UInt8]
    private var position: Int
    private var bitBuffer = 0
    private var bitCount = 0
    private var output = 0
    private let limit: Int

    /// Checks the stream that starts at `offset` in `input`; `limit` caps the inflated size.
    static func check(_ input: [UInt8], from offset: Int, limit: Int) -> Outcome {
        var checker = DeflateChecker(input: input, position: offset, limit: limit)
        do {
            try checker.run()
            return .complete(size: checker.output)
        } catch Stop.truncated {
            return .truncated
        } catch Stop.tooLarge {
            return .tooLarge
        } catch {
            return .invalid
        }
    }

    private init(input: [UInt8], position: Int, limit: Int) {
        self.input = input
        self.position = position
        self.limit = limit
    }

    private mutating func run() throws {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Self.fixed.0, Self.fixed.1)
            case 2: try dynamic()
            default: throw Stop.invalid
            }
        }
    }

    private mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard position < input.count else { throw Stop.truncated }
            bitBuffer |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        let value = bitBuffer & ((1 << n) - 1)
        bitBuffer >>= n
        bitCount -= n
        return value
    }

    private mutating func grow(_ n: Int) throws {
        output += n
        if output > limit { throw Stop.tooLarge }
    }

    private mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw Stop.truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == (~complement & 0xFFFF) else { throw Stop.invalid }
        position += 4
        guard position + length <= input.count else { throw Stop.truncated }
        position += length
        try grow(length)
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = h.count[length]
            if code - count < first { return h.symbol[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw Stop.invalid
    }

    private mutating func codes(_ lengthCode: Huffman, _ distanceCode: Huffman) throws {
        while true {
            var symbol = try decode(lengthCode)
            if symbol < 256 {
                try grow(1)
                continue
            }
            if symbol == 256 { return }
            symbol -= 257
            guard symbol < 29 else { throw Stop.invalid }
            let length = Self.lengthBase[symbol] + (try bits(Self.lengthExtra[symbol]))
            let distanceSymbol = try decode(distanceCode)
            guard distanceSymbol < 30 else { throw Stop.invalid }
            let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= output else { throw Stop.invalid }
            try grow(length)
        }
    }

    private mutating func dynamic() throws {
        let lengthCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeCount = try bits(4) + 4
        guard lengthCount <= 286, distanceCount <= 30 else { throw Stop.invalid }
        var lengths = [Int](repeating: 0, count: 320)
        for index in 0..<codeCount { lengths[Self.codeLengthOrder[index]] = try bits(3) }
        let lengthLengths = Huffman(lengths: lengths[0..<19])
        guard lengthLengths.left == 0 else { throw Stop.invalid }
        var index = 0
        while index < lengthCount + distanceCount {
            let symbol = try decode(lengthLengths)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
                continue
            }
            var value = 0
            let repeatCount: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw Stop.invalid }
                value = lengths[index - 1]
                repeatCount = 3 + (try bits(2))
            case 17: repeatCount = 3 + (try bits(3))
            default: repeatCount = 11 + (try bits(7))
            }
            guard index + repeatCount <= lengthCount + distanceCount else { throw Stop.invalid }
            for _ in 0..<repeatCount {
                lengths[index] = value
                index += 1
            }
        }
        guard lengths[256] != 0 else { throw Stop.invalid }
        let lengthCode = Huffman(lengths: lengths[0..<lengthCount])
        guard lengthCode.left >= 0, lengthCode.left == 0 || lengthCount - lengthCode.count[0] == 1 else { throw Stop.invalid }
        let distanceCode = Huffman(lengths: lengths[lengthCount..<(lengthCount + distanceCount)])
        guard distanceCode.left >= 0, distanceCode.left == 0 || distanceCount - distanceCode.count[0] == 1 else {
            throw Stop.invalid
        }
        try codes(lengthCode, distanceCode)
    }
}
