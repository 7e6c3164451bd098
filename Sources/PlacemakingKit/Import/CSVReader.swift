import Foundation

/// Reads CSV text as RFC 4180 describes it, one row at a time: quoted fields may hold the separator,
/// doubled quotes and line breaks; the separator (`,` `;` or tab) is the one the first line uses most
/// outside quotes, since agency files made with European or tab-separated settings use the others.
/// Lenient where files in the wild are (a quote inside an unquoted field is kept as text), strict only
/// where meaning would be lost: a quoted field that never closes.
public struct CSVReader: Sendable {
    public let separator: Unicode.Scalar
    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// The line (from 1) the next row starts on, for messages.
    public private(set) var line = 1

    public init(text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        separator = Self.detectSeparator(scalars)
    }

    /// The next row's fields, or nil at the end of the text.
    /// - Throws: `PlacemakingError.csvUnclosedQuote` when a quoted field runs to the end of the file.
    public mutating func next() throws -> [String]? {
        guard position < scalars.count else { return nil }
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var quoteLine = line
        while position < scalars.count {
            let c = scalars[position]
            position += 1
            if quoted {
                if c == "\"" {
                    if position < scalars.count, scalars[position] == "\"" {
                        field.append("\"")
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r", "\n":
                if c == "\r", position < scalars.count, scalars[position] == "\n" { position += 1 }
                line += 1
                fields.append(String(field))
                return fields
            default:
                field.append(c)
            }
        }
        if quoted { throw PlacemakingError.csvUnclosedQuote(line: quoteLine) }
        fields.append(String(field))
        return fields
    }

    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in scalars {
            if c == "\"" { quoted.toggle(); continue }
            if !quoted, c == "\n" || c == "\r" { break }
            if !quoted, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : order(a.key) > order(b.key) }
        guard let best, best.value > 0 else { return "," }
        return best.key
    }

    /// Ties go to the comma, then the semicolon.
    private static func order(_ c: Unicode.Scalar) -> Int { c == "," ? 0 : c == ";" ? 1 : 2 }
}
