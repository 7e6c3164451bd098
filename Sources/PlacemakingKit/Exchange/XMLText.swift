/// Text made safe for XML 1.0: markup characters escaped, and the characters XML 1.0 forbids (C0
/// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) dropped, since no escape
/// can carry them and one would make the whole workbook unreadable.
enum XMLText {
    /// Whether XML 1.0 allows `scalar` at all. (Swift strings hold no lone surrogates.)
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// For element content and attribute values alike: `&`, `<`, `>`, `"`, `'` as entities; tab, line
    /// feed and carriage return as character references (kept through attribute normalisation, and a
    /// carriage return through line-end normalisation) when `references` is set.
    static func escaped(_ text: String, lineBreaks references: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where references: out += "&#10;"
            case "\t" where references: out += "&#9;"
            case _ where !allowed(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// For attribute values.
    static func attribute(_ text: String) -> String { escaped(text, lineBreaks: true) }
}
