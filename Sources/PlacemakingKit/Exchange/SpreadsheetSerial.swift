/// Spreadsheet serial dates: days since 1899-12-30 (Excel's and Calc's common epoch for dates after
/// 1900-03-01, the only ones this ledger holds).
enum SpreadsheetSerial {
    /// 1970-01-01 is serial day 25569.
    static let epochOffset = 25_569

    static func of(_ day: ROCDate) -> Int {
        ROCDate.daysSince1970(year: day.year, month: day.month, day: day.day) + epochOffset
    }
}
