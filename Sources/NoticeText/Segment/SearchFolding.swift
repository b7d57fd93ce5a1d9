/// The folding search compares text in: full-width ASCII forms (ＡＢＣ１２３，（）) to ASCII,
/// ideographic and no-break spaces to " ", Traditional to Simplified (TextFolding's table) and
/// ASCII letters to lower case. Every UTF-16 unit maps to one unit, so offsets carry over.
public enum SearchFolding {
    /// Folds `units` in place.
    public static func fold(_ units: inout [UInt16]) {
        var hasHan = false
        for i in units.indices {
            let u = units[i]
            switch u {
            case 0x41...0x5A: units[i] = u + 0x20
            case 0xFF21...0xFF3A: units[i] = u - 0xFEE0 + 0x20
            case 0xFF01...0xFF5E: units[i] = u - 0xFEE0
            case 0x3000, 0xA0: units[i] = 0x20
            case 0x3400..<0xA000: hasHan = true
            default: break
            }
        }
        if hasHan, let mapped = TraditionalTable.shared.map(units) { units = mapped }
    }

    /// The folded form of `s` (same UTF-16 length as `s`).
    public static func key(_ s: String) -> String {
        var units = s.utf16Units
        fold(&units)
        return String(utf16Units: units)
    }
}
