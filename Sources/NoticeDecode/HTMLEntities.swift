/// Decodes HTML character references: numeric (`&#12345;`, `&#x4e00;`) and the common named ones.
enum HTMLEntities {
    static let named: [String: String] = [
        "nbsp": "\u{A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "ideographicspace": "\u{3000}",
        "zwsp": "\u{200B}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "middot": "·", "bull": "•", "hellip": "…", "mdash": "—", "ndash": "–", "horbar": "―",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "prime": "′", "Prime": "″",
        "sect": "§", "para": "¶", "permil": "‰", "dagger": "†", "Dagger": "‡",
        "cent": "¢", "pound": "£", "yen": "¥", "euro": "€", "curren": "¤",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞", "minus": "−",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³",
        "micro": "µ", "ordm": "º", "ordf": "ª", "iexcl": "¡", "iquest": "¿", "brvbar": "¦",
        "uml": "¨", "macr": "¯", "acute": "´", "cedil": "¸", "not": "¬",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "pi": "π", "mu": "μ", "sigma": "σ", "Omega": "Ω",
        "star": "☆", "starf": "★", "check": "✓", "cross": "✗", "squ": "□", "square": "□",
    ]

    /// Entities that old pages write without the closing semicolon.
    private static let legacyWithoutSemicolon: Set<String> = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "&", let (replacement, length) = reference(in: scalars, at: i) else {
                out.append(c)
                i += 1
                continue
            }
            out.append(contentsOf: replacement.unicodeScalars)
            i += length
        }
        return String(out)
    }

    /// The replacement for the reference starting at `start` ("&") and how many scalars it spans.
    private static func reference(in s: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var i = start + 1
        guard i < s.count else { return nil }
        if s[i] == "#" {
            i += 1
            var hex = false
            if i < s.count, s[i] == "x" || s[i] == "X" { hex = true; i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < s.count, let d = digit(s[i], hex: hex) {
                value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + d
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < s.count, s[i] == ";" { i += 1 }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(windows1252(scalar)), i - start)
        }
        var name = ""
        while i < s.count, s[i].isASCII, s[i].properties.isAlphabetic || (0x30...0x39).contains(s[i].value), name.count < 32 {
            name.unicodeScalars.append(s[i])
            i += 1
        }
        guard !name.isEmpty else { return nil }
        if i < s.count, s[i] == ";" {
            if let value = named[name] ?? named[name.lowercased()] { return (value, i + 1 - start) }
            return nil
        }
        if legacyWithoutSemicolon.contains(name.lowercased()), let value = named[name.lowercased()] {
            return (value, i - start)
        }
        return nil
    }

    private static func digit(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        default: return nil
        }
    }

    /// Numeric references in 0x80-0x9F mean Windows-1252 characters, as browsers read them.
    private static func windows1252(_ scalar: Unicode.Scalar) -> Character {
        let table: [UInt32: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x84: 0x201E, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019,
            0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x99: 0x2122,
        ]
        if let mapped = table[scalar.value], let s = Unicode.Scalar(mapped) { return Character(s) }
        return Character(scalar)
    }
}
