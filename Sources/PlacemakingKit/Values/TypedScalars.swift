import Foundation

/// How the parsers of typed values see digits: one Unicode scalar at a time, so that a digit followed by
/// a combining mark, a joiner or a variation selector (one `Character`, several scalars) is never taken
/// for a plain digit.
extension Unicode.Scalar {
    /// `0`–`9` only; fullwidth digits are folded to these first (`applyingFullwidthDigitFolding`).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// The value of an ASCII digit, or nil.
    var asciiDigitValue: Int? { isASCIIDigit ? Int(value - 0x30) : nil }
}

extension String {
    /// Turns fullwidth digits and punctuation that Chinese input methods produce (１１１／０６)
    /// into their ASCII forms.
    func applyingFullwidthDigitFolding() -> String {
        let fullwidth: ClosedRange<UInt32> = 0xFF01...0xFF5E
        guard unicodeScalars.contains(where: { fullwidth.contains($0.value) }) else { return self }
        var folded = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            folded.append(fullwidth.contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar)
        }
        return String(folded)
    }

    /// The text without white space and line ends around it, as `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` gives it, but without a trip through Foundation for the usual text
    /// that has none (an import trims every cell).
    var trimmingWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `other` occurs in the text, scalar for scalar. Foundation's `contains` on Linux traps
    /// ("String index is out of bounds") on a needle holding a NUL, such as an imported cell 「山\0」.
    func containsScalars(_ other: String) -> Bool {
        let text = Array(unicodeScalars), needle = Array(other.unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard needle.count <= text.count else { return false }
        return (0...(text.count - needle.count)).contains { start in text[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// The scalars of the text without the blanks (spaces, tabs, ideographic spaces) around it.
    var scalarsTrimmingBlanks: ArraySlice<Unicode.Scalar> { Array(unicodeScalars)[...].trimmingBlanks }
}

/// Spaces, tabs and ideographic spaces, made once: building `CharacterSet.whitespaces` per scalar is slow.
private let blanks = CharacterSet.whitespaces

extension ArraySlice where Element == Unicode.Scalar {
    /// The slice without blanks (spaces, tabs, ideographic spaces) at either end.
    var trimmingBlanks: ArraySlice<Unicode.Scalar> {
        guard let first = firstIndex(where: { !blanks.contains($0) }), let last = lastIndex(where: { !blanks.contains($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

    /// Whether the slice starts with the ASCII `prefix`, ignoring case (`nt$`, `NT$`).
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        let head = self.prefix(prefix.unicodeScalars.count)
        guard head.allSatisfy(\.isASCII) else { return false }
        return String(String.UnicodeScalarView(head)).uppercased() == prefix.uppercased()
    }

    /// Whether the slice starts with `prefix`, scalar for scalar.
    func hasPrefix(_ prefix: String) -> Bool { starts(with: prefix.unicodeScalars) }

    /// Whether the slice ends with `suffix`, scalar for scalar.
    func hasSuffix(_ suffix: String) -> Bool { reversed().starts(with: suffix.unicodeScalars.reversed()) }
}

extension Collection where Element == Unicode.Scalar {
    /// The value of a run of ASCII digits, or nil when the run is empty, holds anything else, or is
    /// longer than `maxDigits` (which keeps the arithmetic far from overflow).
    func asciiNumber(maxDigits: Int) -> Int? {
        guard !isEmpty, count <= maxDigits else { return nil }
        var number = 0
        for scalar in self {
            guard let digit = scalar.asciiDigitValue else { return nil }
            number = number * 10 + digit
        }
        return number
    }
}
