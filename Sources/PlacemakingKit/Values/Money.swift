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
    /// Parses an amount as people type it. Negative amounts, fractions of a 元 and text that is not an
    /// amount are refused.
    ///
    /// - Throws: `PlacemakingError.invalidMoney` saying which forms are accepted.
    public static func parse(_ text: String) throws -> Money {
        var s = text.trimmingCharacters(in: .whitespaces).applyingFullwidthDigitFolding()
        for prefix in ["NT$", "NTD", "$"] where s.uppercased().hasPrefix(prefix) { s.removeFirst(prefix.count) }
        if s.hasSuffix("元") { s.removeLast() }
        if s.hasPrefix("-") { throw PlacemakingError.invalidMoney(text, reason: .negative) }
        var multiplier: Int64 = 1
        if s.hasSuffix("億") { multiplier = 100_000_000; s.removeLast() }
        else if s.hasSuffix("萬") { multiplier = 10_000; s.removeLast() }
        else if s.hasSuffix("千") { multiplier = 1_000; s.removeLast() }
        s = s.trimmingCharacters(in: .whitespaces)
        guard isWellGrouped(s) else { throw PlacemakingError.invalidMoney(text, reason: .unreadable) }
        s.removeAll { $0 == "," }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts[0].count <= 15,
              let whole = Int64(parts[0]) else {
            throw PlacemakingError.invalidMoney(text, reason: .unreadable)
        }
        var yuan = whole.multipliedReportingOverflow(by: multiplier)
        guard !yuan.overflow else { throw PlacemakingError.invalidMoney(text, reason: .unreadable) }
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 8 else { throw PlacemakingError.invalidMoney(text, reason: .unreadable) }
            var scale: Int64 = 1
            for _ in 0..<digits.count { scale *= 10 }
            let numerator = Int64(digits)! * multiplier
            guard numerator % scale == 0 else { throw PlacemakingError.invalidMoney(text, reason: .fractionOfYuan) }
            yuan = yuan.partialValue.addingReportingOverflow(numerator / scale)
            guard !yuan.overflow else { throw PlacemakingError.invalidMoney(text, reason: .unreadable) }
        }
        return Money(yuan: yuan.partialValue)
    }

    /// Commas, when present, must separate groups of three digits (`5,000,000`, not `5,00`).
    private static func isWellGrouped(_ s: String) -> Bool {
        guard s.contains(",") else { return true }
        let whole = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
