import Foundation

/// UTC timestamps as stored in `created_at`, `recorded_at` and the audit log: `2026-11-27T08:15:00Z`.
/// The calendar arithmetic is `ROCDate`'s (integer days since 1970), so nothing here can come back
/// missing.
enum Timestamp {
    static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = floorDivide(seconds, 86_400)
        let rest = seconds - days * 86_400
        let (y, m, d) = ROCDate.civilDate(daysSince1970: days)
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// `115/11/27 16:15`: a stored UTC timestamp in Taiwan's time (UTC+8, no daylight saving) and the
    /// ROC calendar, as people read the audit log; nil when `stamp` is not in the stored form.
    static func local(_ stamp: String) -> String? {
        guard let seconds = parse(stamp) else { return nil }
        let local = seconds + 8 * 3600
        let days = floorDivide(local, 86_400)
        let minuteOfDay = (local - days * 86_400) / 60
        let (y, m, d) = ROCDate.civilDate(daysSince1970: days)
        return ROCDate(year: y, month: m, day: d).map { "\($0.roc) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))" }
    }

    /// Seconds since 1970 of `YYYY-MM-DDTHH:MM:SSZ`.
    static func parse(_ stamp: String) -> Int? {
        let bytes = Array(stamp.utf8)
        guard bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58, bytes[19] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] { guard (48...57).contains(b) else { return nil }; value = value * 10 + Int(b - 48) }
            return value
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        return ROCDate.daysSince1970(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
