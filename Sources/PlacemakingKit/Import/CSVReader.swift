import Foundation

/// Reads CSV as RFC 4180 describes it, one row at a time: quoted fields may hold the separator,
/// doubled quotes and line breaks; the separator (`,` `;` or tab) is the one the first line uses most
/// outside quotes, since agency files made with European or tab-separated settings use the others.
/// Lenient where files in the wild are (a quote inside an unquoted field is kept as text), strict only
/// where meaning would be lost: a quoted field that never closes.
///
/// It works on UTF-8 bytes (a memory-mapped file, or another encoding converted once), finding the
/// ASCII quote, separators and line ends without decoding, and makes a `String` only of each field:
/// a million-row file is read at the disk's pace and never held as text.
public struct CSVReader: Sendable {
    public let separator: UInt8
    private let bytes: Data
    /// Where the next row starts, as an offset into `bytes`.
    private var position: Int
    /// The line (from 1) the next row starts on, for messages.
    public private(set) var line = 1

    /// Text already in memory (tests, small inputs).
    public init(text: String) {
        self.init(utf8: Data(text.utf8))
    }

    /// UTF-8 bytes, already checked to be valid; a byte-order mark at the start is skipped.
    public init(utf8 bytes: Data) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        separator = bytes.withUnsafeBytes { Self.detectSeparator($0, from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) }
    }

    /// How far the reader is through its bytes, from 0 to 1 (for progress).
    public var fractionRead: Double {
        bytes.isEmpty ? 1 : Double(position) / Double(bytes.count)
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// The next row's fields, or nil at the end of the text.
    /// - Throws: `PlacemakingError.csvUnclosedQuote` when a quoted field runs to the end of the file.
    public mutating func next() throws -> [String]? {
        let separator = separator
        var position = position, line = line
        defer { self.position = position; self.line = line }
        return try bytes.withUnsafeBytes { raw -> [String]? in
            let count = raw.count
            guard position < count else { return nil }
            var fields: [String] = []
            var i = position
            while true {
                if i < count, raw[i] == Self.quote {
                    let quoteLine = line
                    var field: [UInt8] = []
                    i += 1
                    var run = i
                    while true {
                        guard i < count else { throw PlacemakingError.csvUnclosedQuote(line: quoteLine) }
                        let b = raw[i]
                        if b == Self.quote {
                            field.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[run..<i]))
                            if i + 1 < count, raw[i + 1] == Self.quote {
                                field.append(Self.quote)
                                i += 2
                                run = i
                                continue
                            }
                            i += 1
                            break
                        }
                        if b == Self.lf { line += 1 }
                        i += 1
                    }
                    // Text after the closing quote belongs to the field, as a spreadsheet would keep it.
                    let rest = i
                    while i < count, raw[i] != separator, raw[i] != Self.cr, raw[i] != Self.lf { i += 1 }
                    field.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[rest..<i]))
                    fields.append(String(decoding: field, as: UTF8.self))
                } else {
                    let start = i
                    while i < count, raw[i] != separator, raw[i] != Self.cr, raw[i] != Self.lf { i += 1 }
                    fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<i]), as: UTF8.self))
                }
                guard i < count else {
                    position = count
                    return fields
                }
                if raw[i] == separator {
                    i += 1
                    continue
                }
                // A line end: \r\n, \n or a lone \r.
                if raw[i] == Self.cr, i + 1 < count, raw[i + 1] == Self.lf { i += 1 }
                i += 1
                line += 1
                position = i
                return fields
            }
        }
    }

    static func detectSeparator(_ raw: UnsafeRawBufferPointer, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var i = start
        while i < raw.count {
            let c = raw[i]
            i += 1
            if c == quote { quoted.toggle(); continue }
            if !quoted, c == lf || c == cr { break }
            if !quoted, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : order(a.key) > order(b.key) }
        guard let best, best.value > 0 else { return UInt8(ascii: ",") }
        return best.key
    }

    /// Ties go to the comma, then the semicolon.
    private static func order(_ c: UInt8) -> Int { c == UInt8(ascii: ",") ? 0 : c == UInt8(ascii: ";") ? 1 : 2 }
}
