import Foundation

/// A calendar day, stored as ISO 8601 (`2022-06-30`) and shown in the ROC calendar (`111/06/30`).
///
/// The ROC year (民國年) is the Gregorian year minus 1911. Only real calendar days exist: 111/02/29
/// does not (2022 is not a leap year), 113/02/29 does.
public struct ROCDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Gregorian year, month (1–12) and day (1–31).
    public let year: Int
    public let month: Int
    public let day: Int

    /// The offset between the Gregorian and the ROC calendar.
    public static let rocOffset = 1911

    /// Creates a date from Gregorian parts, or returns nil when that day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1912...9999).contains(year), (1...12).contains(month),
              (1...ROCDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from ROC parts (民國 111 年 6 月 30 日), or nil when that day does not exist.
    public init?(rocYear: Int, month: Int, day: Int) {
        guard rocYear >= 1 else { return nil }
        self.init(year: rocYear + ROCDate.rocOffset, month: month, day: day)
    }

    /// The ROC year (民國年).
    public var rocYear: Int { year - ROCDate.rocOffset }

    /// `2022-06-30`: the stored form.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// `111/06/30`: the form shown by default.
    public var roc: String { String(format: "%d/%02d/%02d", rocYear, month, day) }

    /// `111年6月30日`: the form of official prose.
    public var rocLong: String { "\(rocYear)年\(month)月\(day)日" }

    public var description: String { roc }

    public static func < (a: ROCDate, b: ROCDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whether a Gregorian year has 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day `date` falls on in Taiwan (UTC+8), whatever the machine's time zone.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Today in Taiwan.
    public static var today: ROCDate { ROCDate(Date()) }
}

// MARK: - Parsing

extension ROCDate {
    /// Parses what people type: `111/06/30`, `111-06-30`, `111.6.30`, `1110630`, `111年6月30日`
    /// (ROC years have 2 or 3 digits) and ISO `2022-06-30` (4-digit years).
    ///
    /// - Throws: `PlacemakingError.invalidDate` saying which forms are accepted, or that the day does
    ///   not exist.
    public static func parse(_ text: String) throws -> ROCDate {
        let input = text.trimmingCharacters(in: .whitespaces).applyingFullwidthDigitFolding()
        guard let (y, m, d) = splitParts(input) else {
            throw PlacemakingError.invalidDate(text, reason: .unreadable)
        }
        let date = y >= 1000 ? ROCDate(year: y, month: m, day: d) : ROCDate(rocYear: y, month: m, day: d)
        guard let date else { throw PlacemakingError.invalidDate(text, reason: .doesNotExist) }
        return date
    }

    /// Reads the stored ISO form; nil for anything else.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    private static func splitParts(_ s: String) -> (Int, Int, Int)? {
        // 111年6月30日 (the 日 is optional)
        if s.contains("年") {
            var rest = s.hasPrefix("民國") ? String(s.dropFirst(2)) : s
            if rest.hasSuffix("日") || rest.hasSuffix("號") { rest.removeLast() }
            let pieces = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "年" || $0 == "月" })
            guard pieces.count == 3 else { return nil }
            return numbers(pieces.map(String.init))
        }
        // 1110630 (7 digits, ROC) or 20220630 (8 digits, Gregorian)
        if s.allSatisfy(\.isASCIIDigit) {
            guard s.count == 7 || s.count == 8 else { return nil }
            let yearLength = s.count - 4
            let y = String(s.prefix(yearLength))
            let m = String(s.dropFirst(yearLength).prefix(2))
            let d = String(s.suffix(2))
            return numbers([y, m, d])
        }
        for separator in ["/", "-", "."] where s.contains(separator) {
            let pieces = s.components(separatedBy: separator)
            guard pieces.count == 3 else { return nil }
            return numbers(pieces)
        }
        return nil
    }

    private static func numbers(_ pieces: [String]) -> (Int, Int, Int)? {
        guard pieces.count == 3, pieces.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(pieces[0]), let m = Int(pieces[1]), let d = Int(pieces[2]) else { return nil }
        return (y, m, d)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

// MARK: - Years

extension ROCDate {
    /// Reads a year as people type it: ROC (111, 民國111年) or Gregorian (2022). Returns the ROC year.
    public static func parseYear(_ text: String) throws -> Int {
        var s = text.trimmingCharacters(in: .whitespaces).applyingFullwidthDigitFolding()
        if s.hasPrefix("民國") { s.removeFirst(2) }
        if s.hasSuffix("年度") { s.removeLast(2) } else if s.hasSuffix("年") { s.removeLast() }
        guard !s.isEmpty, s.count <= 4, s.allSatisfy(\.isASCIIDigit), let n = Int(s), n >= 1 else {
            throw PlacemakingError.invalidYear(text)
        }
        if n >= 1912 { return n - rocOffset }
        guard n < 1000 else { throw PlacemakingError.invalidYear(text) }
        return n
    }

    /// The first and last day of an ROC year, ISO, for range queries.
    public static func isoBounds(ofROCYear year: Int) -> (first: String, last: String) {
        let y = year + rocOffset
        return (String(format: "%04d-01-01", y), String(format: "%04d-12-31", y))
    }
}
