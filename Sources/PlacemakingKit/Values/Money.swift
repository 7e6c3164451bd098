import Foundation

/// An amount of New Taiwan dollars, in whole 元 (the currency has no subunits in use).
///
/// Reports speak 萬元 (10⁴) and 億元 (10⁸); input accepts `5,000,000`, `5000000元`, `500萬`,
/// `500萬元`, `37.8億` and `NT$5,000,000`.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in 元.
    public let yuan: Int64

    public init(yuan: Int64) { self.yuan = yuan }

    public static func < (a: Money, b: Money) -> Bool { a.yuan < b.yuan }

    /// `5,000,000`: 元 with thousands separators.
    public var formatted: String { Money.groupThousands(yuan) }

    /// `500萬元`, `37.8億元`, `1,234元`: the way report prose states an amount.
    public var inWords: String {
        if yuan != 0, yuan % 10_000 != 0 { return "\(formatted)元" }
        if yuan >= 100_000_000 {
            return "\(Money.decimal(yuan, unit: 100_000_000))億元"
        }
        return yuan == 0 ? "0元" : "\(Money.groupThousands(yuan / 10_000))萬元"
    }

    /// The amount in 萬元 with up to 4 decimals, for tables labelled (萬元): `500`, `1,245.5`.
    public var inWan: String { Money.decimal(yuan, unit: 10_000, grouping: true) }

    public var description: String { formatted }

    static func groupThousands(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return value < 0 ? "-" + out : out
    }

    private static func decimal(_ value: Int64, unit: Int64, grouping: Bool = false) -> String {
        let whole = value / unit
        var fraction = String(value % unit)
        let width = String(unit).count - 1
        fraction = String(repeating: "0", count: width - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let wholeText = grouping ? groupThousands(whole) : String(whole)
        return fraction.isEmpty ? wholeText : "\(wholeText).\(fraction)"
    }
}

// MARK: - Parsing

extension Money {
    /// The largest amount accepted: 1 兆元 (10¹² 元). Far above any placemaking budget, so a larger
    /// number is almost always a wrong unit (萬 typed for 元, 億 for 萬).
    public static let largest = Money(yuan: 1_000_000_000_000)

    /// Parses an amount as people type it. Negative amounts, fractions of a 元, amounts above
    /// `largest` and text that is not an amount are refused.
    ///
    /// The text is read one Unicode scalar at a time after folding fullwidth digits, so only ASCII
    /// `0`–`9` count as digits: `1.5\u{301}萬` (a digit carrying a combining mark) is unreadable, not a
    /// crash. All arithmetic is checked.
    ///
    /// - Throws: `PlacemakingError.invalidMoney` saying which forms are accepted.
    public static func parse(_ text: String) throws -> Money {
        func refuse(_ reason: PlacemakingError.MoneyProblem) -> PlacemakingError {
            .invalidMoney(text, reason: reason)
        }
        var scalars = text.applyingFullwidthDigitFolding().scalarsTrimmingBlanks
        for prefix in ["NT$", "NTD"] where scalars.hasPrefixIgnoringCase(prefix) {
            scalars = scalars.dropFirst(prefix.unicodeScalars.count).trimmingBlanks
        }
        if scalars.first == "$" { scalars = scalars.dropFirst().trimmingBlanks }
        if scalars.last == "元" { scalars = scalars.dropLast().trimmingBlanks }
        if let sign = scalars.first, sign == "-" || sign == "\u{2212}" { throw refuse(.negative) }
        var unitExponent = 0
        switch scalars.last {
        case "億": unitExponent = 8
        case "萬": unitExponent = 4
        case "千": unitExponent = 3
        default: break
        }
        if unitExponent > 0 { scalars = scalars.dropLast().trimmingBlanks }
        guard let number = TypedNumber(scalars) else { throw refuse(.unreadable) }
        guard let yuan = number.yuan(unitExponent: unitExponent, limit: largest.yuan) else {
            throw refuse(number.isWhole(unitExponent: unitExponent) ? .tooLarge : .fractionOfYuan)
        }
        return Money(yuan: yuan)
    }
}

/// The digits of a typed amount before its unit: `5,000,000`, `37.8`, `12.3456`.
///
/// Commas, when present, separate groups of three digits (`5,000,000`, not `5,00`); the fraction after
/// one `.` has no commas. Leading zeros of the whole part and trailing zeros of the fraction are
/// dropped, so the value is exact without arithmetic on long numbers.
private struct TypedNumber {
    /// Significant digits of the whole part, most significant first.
    let whole: [Int]
    /// Significant digits of the fraction (no trailing zeros).
    let fraction: [Int]

    init?(_ scalars: ArraySlice<Unicode.Scalar>) {
        var whole: [Int] = []
        var fraction: [Int] = []
        var groupLengths = [0]  // digits in each comma-separated group of the whole part
        var inFraction = false
        for scalar in scalars {
            switch scalar {
            case ".":
                guard !inFraction else { return nil }
                inFraction = true
            case ",":
                guard !inFraction else { return nil }
                groupLengths.append(0)
            default:
                guard let digit = scalar.asciiDigitValue else { return nil }
                if inFraction {
                    fraction.append(digit)
                } else {
                    groupLengths[groupLengths.count - 1] += 1
                    if !whole.isEmpty || digit != 0 { whole.append(digit) }
                }
            }
        }
        guard groupLengths[0] > 0, !inFraction || !fraction.isEmpty else { return nil }
        if groupLengths.count > 1 {
            guard groupLengths[0] <= 3, groupLengths.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        while fraction.last == 0 { fraction.removeLast() }
        self.whole = whole
        self.fraction = fraction
    }

    /// Whether the number times 10^`unitExponent` is a whole number of 元.
    func isWhole(unitExponent: Int) -> Bool { fraction.count <= unitExponent }

    /// The number times 10^`unitExponent`, or nil when that is not whole or is above `limit`.
    func yuan(unitExponent: Int, limit: Int64) -> Int64? {
        guard isWhole(unitExponent: unitExponent) else { return nil }
        // Every digit of the result, before the padding zeros of the unit.
        let digits = whole + fraction + Array(repeating: 0, count: unitExponent - fraction.count)
        guard digits.count <= 18 else { return nil }  // at most 10¹⁸ − 1: no Int64 overflow
        var value: Int64 = 0
        for digit in digits {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = shifted.addingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        return value <= limit ? value : nil
    }
}
