/// A time limit attached to a task (see ../shared/eval/SCHEMA.md, "Deadlines").
public struct Deadline: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case date, range, recurring, within, ongoing
    }

    /// Repetition period of a recurring deadline or of a metric.
    public enum Period: String, Codable, Sendable, Hashable, CaseIterable {
        case day, week, month, quarter
        case halfYear = "half-year"
        case year
    }

    /// The characters of the expression, whitespace removed.
    public var text: String
    public var kind: Kind
    /// ISO day (yyyy-MM-dd); ranges only.
    public var start: String?
    /// ISO day: the last day a `date` or `range` allows.
    public var end: String?
    public var every: Period?
    public var byDay: Int?
    /// ISO-8601 duration of a `within` deadline (PT30M, PT4H, P3D).
    public var duration: String?

    public init(text: String, kind: Kind, start: String? = nil, end: String? = nil,
                every: Period? = nil, byDay: Int? = nil, duration: String? = nil) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.every = every
        self.byDay = byDay
        self.duration = duration
    }

    enum CodingKeys: String, CodingKey {
        case text, kind, start, end, every, duration
        case byDay = "by_day"
    }

    // Explicit nulls: the export contract shows every key on every deadline.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(every, forKey: .every)
        try c.encode(byDay, forKey: .byDay)
        try c.encode(duration, forKey: .duration)
    }

    /// What makes two deadlines the same obligation (the text aside).
    public var key: String {
        switch kind {
        case .date: return "date:\(end ?? "")"
        case .range: return "range:\(start ?? "")..\(end ?? "")"
        case .recurring: return "recurring:\(every?.rawValue ?? ""):\(byDay.map(String.init) ?? "")"
        case .within: return "within:\(duration ?? "")"
        case .ongoing: return "ongoing"
        }
    }
}
