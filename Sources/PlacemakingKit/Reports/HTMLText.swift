import Foundation

/// Text made safe for HTML and SVG: stored names and titles may hold `<` or `&`, and must show as text,
/// never become markup.
enum HTMLText {
    static func escape(_ text: String) -> String {
        // HTML5 takes XML's escapes (&apos; included), and characters XML forbids have no place in a page.
        XMLText.escaped(text)
    }

    /// A number for an SVG attribute: at most one decimal, no exponent.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
