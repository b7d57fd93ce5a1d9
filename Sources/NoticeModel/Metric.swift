/// A quantitative target stated in a task (see ../shared/eval/SCHEMA.md, "Metrics").
public struct Metric: Codable, Sendable, Hashable {
    public enum Comparator: String, Codable, Sendable, Hashable {
        case atLeast = ">="
        case atMost = "<="
        case equal = "="
        case range
        case increase
        case decrease
    }

    /// A number, a [low, high] range, or nothing (directional targets).
    public enum Value: Codable, Sendable, Hashable {
        case number(Double)
        case range(Double, Double)

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else {
                let pair = try c.decode([Double].self)
                guard pair.count == 2 else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "a range needs two numbers")
                }
                self = .range(pair[0], pair[1])
            }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(Metric.Value.compact(n))
            case .range(let lo, let hi): try c.encode([Metric.Value.compact(lo), Metric.Value.compact(hi)])
            }
        }

        /// Whole numbers as integers in JSON (2, not 2.0).
        static func compact(_ n: Double) -> JSONNumber { JSONNumber(n) }
    }

    public var text: String
    public var comparator: Comparator
    public var value: Value?
    public var unit: String?
    public var period: Deadline.Period?

    public init(text: String, comparator: Comparator, value: Value?, unit: String?, period: Deadline.Period?) {
        self.text = text
        self.comparator = comparator
        self.value = value
        self.unit = unit
        self.period = period
    }

    enum CodingKeys: String, CodingKey { case text, comparator, value, unit, period }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(period, forKey: .period)
    }
}

/// A number that encodes as an integer when it is whole.
struct JSONNumber: Encodable {
    let value: Double
    init(_ value: Double) { self.value = value }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if value.rounded() == value, abs(value) < 1e15 {
            try c.encode(Int64(value))
        } else {
            try c.encode(value)
        }
    }
}
