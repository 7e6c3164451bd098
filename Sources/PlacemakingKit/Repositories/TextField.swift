import Foundation

/// What a text field may hold. Short fields (titles, names, methods, kinds) are one line of at most 200
/// characters; notes (notes, purposes and other free text) may run over lines and hold tabs, up to
/// 4,000 characters. Lengths count Unicode scalars, so combining marks cannot hide a long text.
enum TextField {
    case short
    case note

    /// The most Unicode scalars the field holds.
    var limit: Int {
        switch self {
        case .short: 200
        case .note: 4_000
        }
    }

    /// Refuses what no stored text may hold: control characters (a newline, CRLF or tab is allowed in
    /// notes only), U+FFFD (the mark of input that was not valid UTF-8), and more than `limit` scalars.
    func check(_ text: String, field: String) throws {
        var length = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            length += 1
            if scalar == "\u{FFFD}" { throw PlacemakingError.replacementCharacter(field: field, value: text) }
            if previous == "\r", scalar != "\n" { throw PlacemakingError.controlCharacter(field: field, value: text, character: "\r") }
            if TextField.isControl(scalar), !isAllowedLayout(scalar) {
                throw PlacemakingError.controlCharacter(field: field, value: text, character: scalar)
            }
            previous = scalar
        }
        if previous == "\r" { throw PlacemakingError.controlCharacter(field: field, value: text, character: "\r") }
        guard length <= limit else { throw PlacemakingError.textTooLong(field: field, length: length, limit: limit) }
    }

    /// Newlines and tabs lay out a note; a carriage return only as part of CRLF (checked by the caller).
    private func isAllowedLayout(_ scalar: Unicode.Scalar) -> Bool {
        self == .note && (scalar == "\n" || scalar == "\t" || scalar == "\r")
    }

    /// C0 controls, DEL, C1 controls, and the invisible format characters that can make a stored name
    /// look like another: bidirectional overrides and isolates (U+202A–202E, U+2066–2069), marks
    /// (U+200E/200F), the zero-width space (U+200B) and the word joiner (U+2060). ZWJ stays: emoji need it.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200B || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x2060
    }
}
