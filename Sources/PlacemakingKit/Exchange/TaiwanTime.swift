/// A stored UTC timestamp (`2026-11-27T07:24:44Z`) as a wall-clock moment in Taiwan (UTC+8, no
/// daylight saving): spreadsheets have no time zones, so exports write the time people lived.
struct TaiwanTime {
    let day: ROCDate
    let secondOfDay: Int

    /// Nil when `stamp` is not in the stored form or falls outside the years a `ROCDate` holds.
    init?(_ stamp: String) {
        guard let utc = Timestamp.parse(stamp) else { return nil }
        let local = Int(utc) + 8 * 3600
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        let civil = ROCDate.civilDate(daysSince1970: days)
        guard let day = ROCDate(year: civil.year, month: civil.month, day: civil.day) else { return nil }
        self.day = day
        secondOfDay = local - days * 86_400
    }

    private var clock: (hour: Int, minute: Int, second: Int) {
        (secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    /// `2026-11-27 15:24`: what a spreadsheet reads as a date and time in any locale.
    var isoMinutes: String {
        "\(day.iso) \(Self.two(clock.hour)):\(Self.two(clock.minute))"
    }

    /// `2026-11-27T15:24:44`: ODF's `office:date-value`.
    var isoSeconds: String {
        "\(day.iso)T\(Self.two(clock.hour)):\(Self.two(clock.minute)):\(Self.two(clock.second))"
    }

    /// Days since 1899-12-30 with the time as a fraction: a spreadsheet's serial date.
    var serial: Double {
        Double(ROCDate.daysSince1970(year: day.year, month: day.month, day: day.day) + SpreadsheetSerial.epochOffset)
            + Double(secondOfDay) / 86_400
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
