import Foundation

/// What a message shows of a value the user typed: at most `limit` scalars, cut with `…`, with control
/// characters drawn as visible symbols (`␀`, `␛`, `⏎`, `\u{85}`). A megabyte of bad input thus yields a
/// one-line message, and an escape sequence in it never reaches the terminal raw.
public enum EchoedText {
    /// How many scalars of a value a message quotes.
    public static let limit = 40

    /// `text` as a message may quote it.
    public static func shown(_ text: String, limit: Int = EchoedText.limit) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { return shown + "…" }
            shown += visible(scalar)
            count += 1
        }
        return shown
    }

    /// One scalar as it may be printed: itself, or a visible stand-in for a control character.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "⏎"
        case 0x00...0x1F:  // C0 controls have Control Pictures at U+2400 + value (␀ ␉ ␛ …)
            return Unicode.Scalar(0x2400 + scalar.value).map { String($0) } ?? codePoint(scalar)
        case 0x7F: return "␡"
        case 0x80...0x9F: return String(format: "\\u{%X}", scalar.value)  // C1 controls have no pictures
        default: return String(scalar)
        }
    }

    /// `U+001B`: how messages name a character.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String { String(format: "U+%04X", scalar.value) }
}
