import Foundation

/// UTC timestamps as stored in `created_at`, `recorded_at` and the audit log: `2026-11-27T08:15:00Z`.
enum Timestamp {
    static func string(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return format(seconds)
    }

    /// `115/11/27 16:15`: a stored UTC timestamp in Taiwan's time (UTC+8, no daylight saving) and the
    /// ROC calendar, as people read the audit log; nil when `stamp` is not in the stored form.
    static func local(_ stamp: String) -> String? {
        guard let seconds = parse(stamp) else { return nil }
        let local = seconds + 8 * 3600
        let (days, secondOfDay) = (floorDivide(local, 86_400), local - floorDivide(local, 86_400) * 86_400)
        let (y, m, d) = civil(fromDays: days)
        let clock = [secondOfDay / 3600, secondOfDay % 3600 / 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        let day = ROCDate(year: Int(y), month: Int(m), day: Int(d))
        return day.map { "\($0.roc) \(clock.joined(separator: ":"))" }
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ`.
    static func parse(_ stamp: String) -> Int64? {
        let bytes = Array(stamp.utf8)
        guard bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for b in bytes[range] { guard (48...57).contains(b) else { return nil }; value = value * 10 + Int64(b - 48) }
            return value
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        return days(fromCivil: y, mo, d) * 86_400 + h * 3600 + mi * 60 + s
    }

    private static func format(_ seconds: Int64) -> String {
        let days = floorDivide(seconds, 86_400)
        let rest = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    // Howard Hinnant's days-from-civil algorithms: exact for the proleptic Gregorian calendar.
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
