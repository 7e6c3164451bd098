/// Spreadsheet serial dates: days since 1899-12-30 (Excel's and Calc's common epoch for dates after
/// 1900-03-01, the only ones this ledger holds).
enum SpreadsheetSerial {
    /// 1970-01-01 is serial day 25569.
    static let epochOffset = 25_569

    static func of(_ day: ROCDate) -> Int {
        ROCDate.daysSince1970(year: day.year, month: day.month, day: day.day) + epochOffset
    }

    /// The day of a serial number (its fraction, a time of day, dropped); nil outside 1 ..< 1,000,000
    /// or for a day the ledger's calendar does not hold.
    static func day(_ serial: Double) -> ROCDate? {
        guard serial >= 1, serial < 1_000_000 else { return nil }
        let civil = ROCDate.civilDate(daysSince1970: Int(serial.rounded(.down)) - epochOffset)
        return ROCDate(year: civil.year, month: civil.month, day: civil.day)
    }
}
