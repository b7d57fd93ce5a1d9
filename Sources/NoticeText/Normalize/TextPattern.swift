import CICU
import Foundation
import Synchronization

/// A compiled ICU regular expression run directly over a UTF-16 copy of the text (through CICU),
/// with String-friendly results. All offsets are UTF-16 (NSRange), so a match on a folding key
/// maps onto the original text whenever the key preserves UTF-16 length
/// (see `TextFolding.simplifiedKey`).
public final class TextPattern: @unchecked Sendable {
    private let compiled: OpaquePointer
    /// Idle matchers (ICU matchers carry state: each search takes one and puts it back), behind a
    /// futex-based mutex: two uncontended locks per search, which NSLock's pthread mutex made 1%
    /// of indexing.
    private let idle = Mutex<[Matcher]>([])
    /// An ICU matcher: used by one thread at a time, handed between threads through `idle`.
    private struct Matcher: @unchecked Sendable { let pointer: OpaquePointer }
    /// The pattern's capturing groups (asked of ICU once, not at every search).
    private let groupCount: Int
    /// Named groups (?<name>…) → their group numbers, so rules read `match["lead"]`, not `group(2)`.
    let groupNumbers: [String: Int]

    /// The expression as written (named in profiles).
    let source: String
    /// UTF-16 units of which every match contains at least one (empty: no such promise). A text
    /// without any of them is answered without running the expression.
    private let needsAny: UnitSet
    /// With `needsAny`: no match is longer than this many units, so only the stretches within
    /// that reach of a needed unit are searched. Only for patterns without anchors, lookaround or
    /// word boundaries, which a stretch's edges would change (a lookahead that reads only inside
    /// the match, as `GenreVocabulary.alternation`'s first-character test does, changes nothing).
    private let maxLength: Int?
    /// With `maxLength`: the pattern opens with a lazy run of 1 to this many Han characters that
    /// must reach a needed unit (`([\p{Han}]{2,40}?)[（(]…`). ICU tried it from every start in a
    /// run, stretching each a character at a time; the one start a search would find is where the
    /// run before a needed unit begins (at most this many characters back, not before the last
    /// match), so the pattern is tried there alone.
    private let hanRunBeforeNeeded: Int?
    /// For a pattern anchored at the start (`^…`) whose every match holds at least one character:
    /// the units a match can start with. A text (or range) starting otherwise is answered without
    /// converting it or running the expression: paragraph patterns are tried on every paragraph.
    private let startUnits: UnitSet?
    /// With `maxLength`: every match ends with a needed unit (a label's colon), so a stretch
    /// reaches back from each one and not forward: half the text is searched.
    private let endsAtNeeded: Bool

    /// `startsWith`: an ICU character class holding every character a match can start with (see
    /// `startUnits`).
    public init(_ pattern: String, caseInsensitive: Bool = false, needsAny: String = "", maxLength: Int? = nil,
                hanRunBeforeNeeded: Int? = nil, startsWith: String? = nil, endsAtNeeded: Bool = false) {
        precondition(maxLength == nil || !needsAny.isEmpty, "maxLength needs needsAny")
        precondition(hanRunBeforeNeeded == nil || maxLength != nil, "hanRunBeforeNeeded needs maxLength")
        precondition(!endsAtNeeded || maxLength != nil, "endsAtNeeded needs maxLength")
        // The test reads characters from UTF-8 as single units: a needed character is one unit.
        precondition(needsAny.unicodeScalars.allSatisfy { $0.value < 0x10000 }, "needsAny holds BMP characters only")
        source = pattern
        self.needsAny = UnitSet(needsAny.utf16)
        self.maxLength = maxLength
        self.hanRunBeforeNeeded = hanRunBeforeNeeded
        startUnits = startsWith.map(Self.units(inClass:))
        self.endsAtNeeded = endsAtNeeded
        groupNumbers = Self.namedGroups(in: pattern)
        let units = Array(pattern.utf16)
        // Patterns are literals in this code base (or escaped names): a bad one is a programming error.
        guard let re = cicu_regex_open(units, Int32(units.count), caseInsensitive ? 1 : 0) else {
            preconditionFailure("invalid regular expression: \(pattern)")
        }
        compiled = re
        groupCount = Int(cicu_regex_group_count(re))
    }

    /// The pattern compiled from `pattern`, compiled once for many texts that build the same
    /// expression from their own words (a notice's unit names: notices of one office name the same
    /// units, and compiling took as long as running). Holds up to 256, then starts again.
    public static func cached(_ pattern: String) -> TextPattern {
        if let known = compiledPatterns.withLock({ $0[pattern] }) { return known }
        // Compiled outside the lock: the other worker need not wait for it.
        let new = TextPattern(pattern)
        return compiledPatterns.withLock { kept in
            if let known = kept[pattern] { return known }
            if kept.count >= 256 { kept.removeAll() }
            kept[pattern] = new
            return new
        }
    }

    private static let compiledPatterns = Mutex<[String: TextPattern]>([:])

    deinit {
        cicu_regex_close(compiled)
        idle.withLock { for m in $0 { cicu_regex_close(m.pointer) } }
    }

    /// Numbers the capturing groups of an ICU pattern in order of their opening parenthesis and
    /// records the named ones; escapes and bracket expressions are skipped.
    static func namedGroups(in pattern: String) -> [String: Int] {
        let c = Array(pattern)
        var names: [String: Int] = [:]
        var n = 0, i = 0, classDepth = 0
        while i < c.count {
            let ch = c[i]
            if ch == "\\" { i += 2; continue }
            if classDepth > 0 {
                if ch == "[" { classDepth += 1 } else if ch == "]" { classDepth -= 1 }
                i += 1
                continue
            }
            if ch == "[" { classDepth = 1; i += 1; continue }
            if ch == "(" {
                if i + 1 < c.count, c[i + 1] == "?" {
                    // (?<name>…) captures; (?<= (?<! (?: (?= (?! do not.
                    if i + 2 < c.count, c[i + 2] == "<", i + 3 < c.count, c[i + 3] != "=", c[i + 3] != "!" {
                        n += 1
                        var j = i + 3, name = ""
                        while j < c.count, c[j] != ">" { name.append(c[j]); j += 1 }
                        names[name] = n
                    }
                } else {
                    n += 1
                }
            }
            i += 1
        }
        return names
    }

    public struct Match {
        public let ranges: [NSRange]
        let source: [UInt16]
        let names: [String: Int]
        /// A named group's text, nil when it did not take part (or the pattern has no such group,
        /// so one reader can serve a table of rules with different groups).
        public subscript(name: String) -> String? {
            names[name].flatMap { group($0) }
        }
        /// A named group's range (location NSNotFound when it did not take part).
        public func range(named name: String) -> NSRange {
            names[name].map { ranges[$0] } ?? NSRange(location: NSNotFound, length: 0)
        }
        /// Capture group `i` (0 = whole match), nil when it did not take part.
        public func group(_ i: Int) -> String? {
            guard i < ranges.count, ranges[i].location != NSNotFound else { return nil }
            let r = ranges[i]
            return String(utf16Units: source[r.location..<(r.location + r.length)])
        }
        public var range: NSRange { ranges[0] }
        public var text: String { group(0) ?? "" }
    }

    private func withMatcher<T>(_ body: (OpaquePointer) -> T) -> T {
        let m = idle.withLock { $0.popLast() } ?? Matcher(pointer: cicu_regex_clone(compiled)!)
        defer { idle.withLock { $0.append(m) } }
        return body(m.pointer)
    }

    /// A text's UTF-16 code units, converted once for many searches over ranges of it (a search
    /// per clause of a long paragraph must not convert the whole paragraph each time).
    /// Not Sendable: its unit presence is worked out lazily, unlocked (one is made and used by
    /// one function).
    public final class Prepared {
        let units: [UInt16]
        /// Which units the text may hold, hashed to 4,096 bits, worked out when first asked: a
        /// table of rules asks of one text whether it holds any of a rule's needed units, and each
        /// asking scanned it. "None" is exact; "maybe" is answered by a scan.
        private var presence: [UInt64] = []

        public init(_ text: String) { units = text.utf16Units }

        /// False when the text holds none of `wanted`; true when it may.
        func mayHoldAny(_ wanted: UnitSet) -> Bool {
            if presence.isEmpty {
                presence = Array(repeating: 0, count: 64)
                for u in units { presence[Int(u & 0xFFF) >> 6] |= 1 << UInt64(u & 63) }
            }
            return wanted.members.contains { presence[Int($0 & 0xFFF) >> 6] & (1 << UInt64($0 & 63)) != 0 }
        }
    }

    /// Whether this search may skip texts without a needed unit.
    private var usesNeeds: Bool { !needsAny.isEmpty && !Self.ignoringNeeds }

    /// The UTF-16 units that start a character of an ICU character class: each BMP character the
    /// class holds, and every lead surrogate (the class may hold characters beyond the BMP).
    static func units(inClass characterClass: String) -> UnitSet {
        let cls = TextPattern(characterClass)
        let all = (0..<0x10000).compactMap { u in (0xD800..<0xE000).contains(u) ? nil : UInt16(u) }
        let held = cls.run(all, regions: [NSRange(location: 0, length: all.count)], anchored: false, limit: .max)
            .map { all[$0.range.location] }
        return UnitSet(held + (0xD800..<0xDC00).map { UInt16($0) })
    }

    /// Whether the start promise (`startUnits`) rules out a match at `unit`, the first of the text searched.
    private func cannotStart(with unit: UInt16?) -> Bool {
        guard let startUnits, !Self.ignoringNeeds else { return false }
        return unit.map { !startUnits.contains($0) } ?? true
    }

    private func scan(_ text: String, range: NSRange?, anchored: Bool, limit: Int) -> [Match] {
        if range == nil, cannotStart(with: text.utf16.first) { return [] }
        guard usesNeeds, range == nil else { return scan(text.utf16Units, range: range, anchored: anchored, limit: limit) }
        // A whole text without a needed unit is answered before it is copied to UTF-16.
        guard text.containsUTF16(anyOf: needsAny) else { return [] }
        return scan(text.utf16Units, range: nil, anchored: anchored, limit: limit, holdsNeeded: true)
    }

    /// `holdsNeeded`: the caller has seen a needed unit in the whole text.
    /// `prepared`: the prepared text, when the units are one.
    private func scan(_ units: [UInt16], range: NSRange?, anchored: Bool, limit: Int, holdsNeeded: Bool = false,
                      prepared: Prepared? = nil) -> [Match] {
        let r = range ?? NSRange(location: 0, length: units.count)
        if cannotStart(with: r.length > 0 ? units[r.location] : nil) { return [] }
        // None in the whole text is none in any range of it.
        if !holdsNeeded, usesNeeds, let prepared, !prepared.mayHoldAny(needsAny) { return [] }
        if usesNeeds, let run = hanRunBeforeNeeded, let reach = maxLength, !anchored {
            return scanFromHanRuns(units, r, longest: run, reach: reach, limit: limit)
        }
        var regions = [r]
        if usesNeeds {
            if let reach = maxLength, !anchored {
                regions = stretches(units, r, reach: reach)   // none when no needed unit is there
            } else if !holdsNeeded, !Self.contains(any: needsAny, in: units, range: r) {
                regions = []
            }
            if regions.isEmpty { return [] }
        }
        return run(units, regions: regions, anchored: anchored, limit: limit)
    }

    /// The expression run over each region in turn.
    private func run(_ units: [UInt16], regions: [NSRange], anchored: Bool, limit: Int) -> [Match] {
        let started = PatternProfile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer {
            if PatternProfile.enabled {
                PatternProfile.record(source, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                                     units: regions.reduce(0) { $0 + $1.length })
            }
        }
        return units.withUnsafeBufferPointer { buf -> [Match] in
            withMatcher { m in
                let groups = groupCount
                var out: [Match] = []
                for region in regions where out.count < limit {
                    guard cicu_regex_set_text(m, buf.baseAddress, Int32(buf.count), Int32(region.location),
                                              Int32(region.location + region.length)) == 0 else { return out }
                    while out.count < limit {
                        let found = anchored ? cicu_regex_looking_at(m) : cicu_regex_find_next(m)
                        guard found == 1 else { break }
                        var ranges: [NSRange] = []
                        ranges.reserveCapacity(groups + 1)
                        for g in 0...groups {
                            var s: Int32 = -1, e: Int32 = -1
                            cicu_regex_group(m, Int32(g), &s, &e)
                            ranges.append(s < 0 ? NSRange(location: NSNotFound, length: 0)
                                                : NSRange(location: Int(s), length: Int(e - s)))
                        }
                        out.append(Match(ranges: ranges, source: units, names: groupNumbers))
                        if anchored { break }
                    }
                }
                return out
            }
        }
    }

    /// The matches of a pattern that opens with a Han run reaching a needed unit
    /// (`hanRunBeforeNeeded`), in `range`: at each needed unit, the pattern anchored where the
    /// run before it begins. A match starting earlier would need a longer run or a character that
    /// is not Han; one starting later holds the same unit after a shorter run, and the rest of the
    /// pattern fails there as it failed after the longer one. So these are a search's matches.
    private func scanFromHanRuns(_ units: [UInt16], _ range: NSRange, longest: Int, reach: Int, limit: Int) -> [Match] {
        var out: [Match] = []
        let end = range.location + range.length
        var floor = range.location   // a match starts no earlier than the last one ended
        var p = range.location
        while p < end, out.count < limit {
            guard needsAny.contains(units[p]) else { p += 1; continue }
            var start = p, characters = 0
            while characters < longest, start > floor {
                var c = UInt32(units[start - 1]), width = 1
                if UTF16.isTrailSurrogate(units[start - 1]), start - 2 >= floor, UTF16.isLeadSurrogate(units[start - 2]) {
                    c = 0x10000 + (UInt32(units[start - 2]) - 0xD800) << 10 + (c - 0xDC00)
                    width = 2
                }
                guard cicu_is_han(c) == 1 else { break }
                start -= width
                characters += 1
            }
            if start < p, let m = run(units, regions: [NSRange(location: start, length: min(end, p + reach) - start)],
                                      anchored: true, limit: 1).first {
                out.append(m)
                floor = m.range.location + m.range.length
                p = max(p + 1, floor)
            } else {
                p += 1
            }
        }
        return out
    }

    /// The parts of `range` a match can lie in: each needed unit with `reach` units on either
    /// side (before it only, with `endsAtNeeded`), overlapping stretches joined. Every match holds a needed unit and is at most `reach`
    /// long, so it lies inside one stretch; searched in order, they give the matches a search of
    /// the whole range gives.
    private func stretches(_ units: [UInt16], _ range: NSRange, reach: Int) -> [NSRange] {
        var out: [NSRange] = []
        let end = range.location + range.length
        units.withUnsafeBufferPointer { buf in
            var i = range.location
            while i < end {
                guard needsAny.contains(buf[i]) else { i += 1; continue }
                let start = max(range.location, i - reach + 1)
                let stop = min(end, endsAtNeeded ? i + 1 : i + reach)
                if let last = out.last, start <= last.location + last.length {
                    out[out.count - 1].length = stop - last.location
                } else {
                    out.append(NSRange(location: start, length: stop - start))
                }
                i += 1
            }
        }
        return out
    }

    /// Runs every expression even where its `needsAny` units are absent: a test builds catalogs
    /// both ways to check that each promise holds on real notices.
    @TaskLocal public static var ignoringNeeds = false

    private static func contains(any wanted: UnitSet, in units: [UInt16], range: NSRange) -> Bool {
        units.withUnsafeBufferPointer { buf in
            for i in range.location..<(range.location + range.length) where wanted.contains(buf[i]) { return true }
            return false
        }
    }

    public func matches(in text: String, range: NSRange? = nil) -> [Match] {
        scan(text, range: range, anchored: false, limit: .max)
    }

    /// The first match in `range`; `anchored` requires it to start at the range's start (and
    /// keeps a failed search from scanning the rest of the text).
    public func firstMatch(in text: String, range: NSRange? = nil, anchored: Bool = false) -> Match? {
        scan(text, range: range, anchored: anchored, limit: 1).first
    }

    /// Every match in `range` of a prepared text (one conversion for a table of rules).
    public func matches(in text: Prepared, range: NSRange? = nil) -> [Match] {
        scan(text.units, range: range, anchored: false, limit: .max, prepared: text)
    }

    /// The first match in `range` of a prepared text.
    public func firstMatch(in text: Prepared, range: NSRange? = nil, anchored: Bool = false) -> Match? {
        scan(text.units, range: range, anchored: anchored, limit: 1, prepared: text).first
    }

    public func matchesWhole(_ text: String) -> Bool {
        guard let m = firstMatch(in: text) else { return false }
        return m.range.location == 0 && m.range.length == text.utf16.count
    }

    public func contains(in text: String) -> Bool {
        firstMatch(in: text) != nil
    }
}
