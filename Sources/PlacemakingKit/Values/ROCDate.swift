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

    /// The ROC years this ledger holds: 民國 1–999, the range its tables allow.
    public static let rocYears = 1...999

    /// The same years in the Gregorian calendar: 1912–2910.
    public static let gregorianYears = (rocYears.lowerBound + rocOffset)...(rocYears.upperBound + rocOffset)

    /// Creates a date from Gregorian parts, or returns nil when that day does not exist or its year is
    /// outside `gregorianYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard ROCDate.gregorianYears.contains(year), (1...12).contains(month),
              (1...ROCDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date from ROC parts (民國 111 年 6 月 30 日), or nil when that day does not exist.
    public init?(rocYear: Int, month: Int, day: Int) {
        guard ROCDate.rocYears.contains(rocYear) else { return nil }
        self.init(year: rocYear + ROCDate.rocOffset, month: month, day: day)
    }

    /// The ROC year (民國年).
    public var rocYear: Int { year - ROCDate.rocOffset }

    /// `2022-06-30`: the stored form.
    /// Padded by hand: `String(format:)` went through Foundation for every date of a long list.
    public var iso: String { Self.zeroPadded(year, 4) + "-" + Self.zeroPadded(month, 2) + "-" + Self.zeroPadded(day, 2) }

    /// `111/06/30`: the form shown by default.
    public var roc: String { String(rocYear) + "/" + Self.zeroPadded(month, 2) + "/" + Self.zeroPadded(day, 2) }

    /// `n` in at least `width` digits, zeros in front (`%0Nd` for the non-negative numbers of a date).
    static func zeroPadded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
    }

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
    ///
    /// Computed with integer calendar arithmetic rather than `Calendar`, so nothing can come back
    /// missing; a clock outside `gregorianYears` is pinned to the first or last day of that range, so
    /// every `ROCDate` stays storable.
    public init(_ date: Date) {
        let taiwanDays = ((date.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down)
        let first = Double(ROCDate.daysSince1970(year: ROCDate.gregorianYears.lowerBound, month: 1, day: 1))
        let last = Double(ROCDate.daysSince1970(year: ROCDate.gregorianYears.upperBound, month: 12, day: 31))
        let pinned = taiwanDays.isNaN ? first : min(max(taiwanDays, first), last)
        (year, month, day) = ROCDate.civilDate(daysSince1970: Int(pinned))
    }

    /// Days from 1970-01-01 to a Gregorian date (H. Hinnant's `days_from_civil`, for positive years).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`, for positive years).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Today in Taiwan.
    public static var today: ROCDate { ROCDate(Date()) }
}

// MARK: - Parsing

extension ROCDate {
    /// Parses what people type: `111/06/30`, `111-06-30`, `111.6.30`, `1110630`, `111年6月30日`,
    /// `民國111年6月30日`, and Gregorian `2022-06-30`, `20220630`, `2022年6月30日`.
    ///
    /// The form decides the calendar: 7 digits, or a year of 1–3 digits, is ROC; 8 digits, or a year of
    /// 4 digits, is Gregorian. So `01110630` is the Gregorian year 111 and refused, never ROC 111.
    ///
    /// - Throws: `PlacemakingError.invalidDate` saying which forms are accepted, that the day does not
    ///   exist, or that its year is outside ROC 1–999.
    public static func parse(_ text: String) throws -> ROCDate {
        guard let typed = TypedDate(text.applyingFullwidthDigitFolding().scalarsTrimmingBlanks) else {
            throw PlacemakingError.invalidDate(text, reason: .unreadable)
        }
        let years = typed.isROC ? rocYears : gregorianYears
        guard years.contains(typed.year) else { throw PlacemakingError.invalidDate(text, reason: .outOfRange) }
        let date = typed.isROC ? ROCDate(rocYear: typed.year, month: typed.month, day: typed.day)
            : ROCDate(year: typed.year, month: typed.month, day: typed.day)
        guard let date else { throw PlacemakingError.invalidDate(text, reason: .doesNotExist) }
        return date
    }

    /// Reads the stored ISO form; nil for anything else.
    public init?(iso: String) {
        // Read from the ten bytes `YYYY-MM-DD` directly: every date of a long list comes through here.
        var year = 0, month = 0, day = 0, offset = 0
        for byte in iso.utf8 {
            switch offset {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte &- UInt8(ascii: "0"))
                if offset < 4 { year = year * 10 + digit } else if offset < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            default:
                return nil
            }
            offset += 1
        }
        guard offset == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

/// The parts of a typed date and the calendar its form implies, before any range or calendar check.
private struct TypedDate {
    /// Whether the year is ROC (民國) rather than Gregorian.
    let isROC: Bool
    let year: Int
    let month: Int
    let day: Int

    init?(_ scalars: ArraySlice<Unicode.Scalar>) {
        if scalars.contains("年") {
            self.init(prose: scalars)
        } else if scalars.allSatisfy(\.isASCIIDigit) {
            self.init(compact: scalars)
        } else {
            self.init(separated: scalars)
        }
    }

    private init?(isROC: Bool, year: Int?, month: Int?, day: Int?) {
        guard let year, let month, let day else { return nil }
        (self.isROC, self.year, self.month, self.day) = (isROC, year, month, day)
    }

    /// `111年6月30日`, `民國111年6月30日`, `2022年6月30日` (the 日 or 號 is optional).
    private init?(prose: ArraySlice<Unicode.Scalar>) {
        var rest = prose
        let saysROC = rest.hasPrefix("民國")
        if saysROC { rest = rest.dropFirst(2) }
        if rest.last == "日" || rest.last == "號" { rest = rest.dropLast() }
        guard let yearEnd = rest.firstIndex(of: "年"),
              let monthEnd = rest[yearEnd...].dropFirst().firstIndex(of: "月") else { return nil }
        let yearText = rest[..<yearEnd]
        self.init(isROC: saysROC || TypedDate.isROCYear(yearText), year: TypedDate.yearNumber(yearText),
                  month: rest[rest.index(after: yearEnd)..<monthEnd].asciiNumber(maxDigits: 2),
                  day: rest[rest.index(after: monthEnd)...].asciiNumber(maxDigits: 2))
    }

    /// `1110630` (7 digits, ROC) or `20220630` (8 digits, Gregorian).
    private init?(compact: ArraySlice<Unicode.Scalar>) {
        guard compact.count == 7 || compact.count == 8 else { return nil }
        let yearText = compact.dropLast(4)
        self.init(isROC: compact.count == 7, year: yearText.asciiNumber(maxDigits: 4),
                  month: compact.dropFirst(yearText.count).prefix(2).asciiNumber(maxDigits: 2),
                  day: compact.suffix(2).asciiNumber(maxDigits: 2))
    }

    /// `111/06/30`, `111-06-30`, `111.6.30`, `2022-06-30`: one separator, used twice.
    private init?(separated: ArraySlice<Unicode.Scalar>) {
        guard let separator = separated.first(where: { !$0.isASCIIDigit }), ["/", "-", "."].contains(separator) else {
            return nil
        }
        let pieces = separated.split(separator: separator, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        self.init(isROC: TypedDate.isROCYear(pieces[0]), year: TypedDate.yearNumber(pieces[0]),
                  month: pieces[1].asciiNumber(maxDigits: 2), day: pieces[2].asciiNumber(maxDigits: 2))
    }

    /// A year of 1–3 digits is ROC; one of 4 digits is Gregorian.
    private static func isROCYear(_ digits: ArraySlice<Unicode.Scalar>) -> Bool { digits.count <= 3 }

    private static func yearNumber(_ digits: ArraySlice<Unicode.Scalar>) -> Int? { digits.asciiNumber(maxDigits: 4) }
}

// MARK: - Years

extension ROCDate {
    /// Reads a year as people type it and returns the ROC year: 1–3 digits are ROC (111, 民國111年,
    /// 111年度) and must lie in 1–999; 4 digits are Gregorian (2022) and must lie in 1912–2910.
    ///
    /// - Throws: `PlacemakingError.invalidYear` saying both forms and ranges, before any table's
    ///   CHECK constraint could be reached.
    public static func parseYear(_ text: String) throws -> Int {
        var scalars = text.applyingFullwidthDigitFolding().scalarsTrimmingBlanks
        let saysROC = scalars.hasPrefix("民國")
        if saysROC { scalars = scalars.dropFirst(2) }
        if scalars.hasSuffix("年度") { scalars = scalars.dropLast(2) } else if scalars.last == "年" { scalars = scalars.dropLast() }
        guard let number = scalars.asciiNumber(maxDigits: 4) else { throw PlacemakingError.invalidYear(text) }
        if scalars.count == 4, !saysROC {
            guard gregorianYears.contains(number) else { throw PlacemakingError.invalidYear(text) }
            return number - rocOffset
        }
        guard rocYears.contains(number) else { throw PlacemakingError.invalidYear(text) }
        return number
    }

    /// The first and last day of an ROC year, ISO, for range queries.
    public static func isoBounds(ofROCYear year: Int) -> (first: String, last: String) {
        let y = year + rocOffset
        return (zeroPadded(y, 4) + "-01-01", zeroPadded(y, 4) + "-12-31")
    }
}
