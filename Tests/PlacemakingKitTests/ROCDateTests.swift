import Foundation
import Testing
@testable import PlacemakingKit

@Suite("ROC dates")
struct ROCDateTests {
    @Test("every accepted form reads as 2022-06-30", arguments: [
        "111/06/30", "111-06-30", "111.6.30", "1110630", "111年6月30日", "民國111年6月30日", "111年06月30日", "2022-06-30",
        "20220630", " 111/6/30 ", "１１１／０６／３０",
    ])
    func acceptedForms(_ text: String) throws {
        let date = try ROCDate.parse(text)
        #expect(date.iso == "2022-06-30")
        #expect(date.roc == "111/06/30")
        #expect(date.rocLong == "111年6月30日")
        #expect(date.rocYear == 111)
    }

    @Test("the stored form reads back exactly, and nothing else reads as one")
    func storedForm() {
        #expect(ROCDate(iso: "2022-06-30") == ROCDate(year: 2022, month: 6, day: 30))
        #expect(ROCDate(iso: "1912-01-01")?.roc == "1/01/01")
        #expect(ROCDate(iso: "2024-02-29")?.iso == "2024-02-29")
        for bad in ["", "2022-6-30", "2022-06-3", "2022-06-300", "2022/06/30", "2022-02-30", "20220-6-30", "２０２２-06-30",
                    "2022-06-3\u{301}", "-2022-06-3", "2022-13-01", "abcd-ef-gh"] {
            #expect(ROCDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test("days that do not exist are refused, leap years included", arguments: [
        "111/02/29",    // 2022: not a leap year
        "189/02/29",    // 2100: divisible by 100, not by 400
        "111/04/31", "111/13/01", "111/00/10", "111/01/00", "1110231", "2023-02-29",
    ])
    func nonexistentDays(_ text: String) {
        #expect(throws: PlacemakingError.invalidDate(text, reason: .doesNotExist)) { try ROCDate.parse(text) }
    }

    @Test("leap days that exist are accepted", arguments: [("113/02/29", "2024-02-29"), ("89/02/29", "2000-02-29"), ("109-02-29", "2020-02-29")])
    func leapDays(_ text: String, _ iso: String) throws {
        #expect(try ROCDate.parse(text).iso == iso)
    }

    @Test("text that is not a date says which forms to type", arguments: [
        "", "abc", "111/06", "111//30", "111年6月", "111/06-30", "111月6年30日", "111/06/030", "111/006/30", "990630",
        "11106300000000000000000", "12345/06/30", "111 /06/30", "111年6月30日日",
    ])
    func unreadable(_ text: String) {
        #expect(throws: PlacemakingError.invalidDate(text, reason: .unreadable)) { try ROCDate.parse(text) }
        let message = PlacemakingError.invalidDate(text, reason: .unreadable).message()
        #expect(message.contains("111/06/30"))
    }

    /// A `Character` that is a digit plus a combining mark, joiner, variation selector or keycap once
    /// passed as a digit.
    @Test("digits carrying combining marks, joiners or selectors are unreadable", arguments: [
        "111/06/3\u{0301}0", "1\u{0301}110630", "111\u{200D}/06/30", "111/06/30\u{FE0F}", "1110630\u{20E3}",
        "111年6月30日\u{0301}", "111/06/30\u{0}", "\u{1B}111/06/30", "１\u{0301}１１／０６／３０",
    ])
    func combiningMarks(_ text: String) {
        #expect(throws: PlacemakingError.invalidDate(text, reason: .unreadable)) { try ROCDate.parse(text) }
    }

    @Test("the form decides the calendar: 8 digits or a 4-digit year is Gregorian", arguments: [
        "01110630",       // Gregorian 0111, not ROC 111
        "11106300",       // Gregorian 1110
        "0111-06-30", "1000/01/01", "1911-12-31", "2911-01-01", "0/01/01", "000/01/01", "19111231", "29110101",
        "民國1000年1月1日", "9999年1月1日",
    ])
    func outOfRange(_ text: String) {
        #expect(throws: PlacemakingError.invalidDate(text, reason: .outOfRange)) { try ROCDate.parse(text) }
    }

    @Test("the ends of the range are accepted", arguments: [
        ("1/1/1", "1912-01-01"), ("001/01/01", "1912-01-01"), ("1912-01-01", "1912-01-01"), ("999/12/31", "2910-12-31"),
        ("29101231", "2910-12-31"), ("9991231", "2910-12-31"), ("2022年6月30日", "2022-06-30"), ("111年6月30號", "2022-06-30"),
    ])
    func rangeEnds(_ text: String, _ iso: String) throws {
        #expect(try ROCDate.parse(text).iso == iso)
    }

    @Test func outOfRangeMessageSaysWhichFormIsWhichCalendar() {
        let message = PlacemakingError.invalidDate("01110630", reason: .outOfRange).message()
        #expect(message.contains("1–999"))
        #expect(message.contains("8 位數字"))
    }

    @Test("a clock's date is Taiwan's day, pinned to the storable range")
    func fromDate() throws {
        #expect(ROCDate(Date(timeIntervalSince1970: 0)).iso == "1970-01-01")
        #expect(ROCDate(Date(timeIntervalSince1970: 1_656_518_400)).iso == "2022-06-30")  // 2022-06-29 16:00 UTC
        #expect(ROCDate(Date(timeIntervalSince1970: 1_656_518_399)).iso == "2022-06-29")
        #expect(ROCDate(Date.distantFuture).iso == "2910-12-31")
        #expect(ROCDate(Date.distantPast).iso == "1912-01-01")
        #expect(ROCDate(Date(timeIntervalSince1970: .infinity)).iso == "2910-12-31")
        #expect(ROCDate(Date(timeIntervalSince1970: -.infinity)).iso == "1912-01-01")
        #expect(ROCDate(Date(timeIntervalSince1970: .nan)).iso == "1912-01-01")
        // Agrees with Foundation's calendar across the range, leap days included.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        var seconds = -1_830_000_000.0
        while seconds < 29_000_000_000 {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = ROCDate(date)
            #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day])
            seconds += 7_777_777
        }
    }

    @Test func ordering() throws {
        #expect(try ROCDate.parse("111/06/30") < ROCDate.parse("111/07/01"))
        #expect(try ROCDate.parse("110/12/31") < ROCDate.parse("111/01/01"))
    }

    @Test("years read as ROC or Gregorian", arguments: [
        ("111", 111), ("2022", 111), ("民國111年", 111), ("111年度", 111), ("89", 89), ("1", 1), ("999", 999), ("1912", 1),
        ("2910", 999), ("１１１", 111), (" 111 ", 111), ("民國0111年", 111),
    ])
    func years(_ text: String, _ roc: Int) throws {
        #expect(try ROCDate.parseYear(text) == roc)
    }

    @Test(arguments: [
        "", "x", "-1", "1500", "11a", "2911", "1911", "0", "000", "1000", "0111", "12345", "1\u{0301}11", "111\u{FE0F}",
        "民國1000年", "年", "99999999999999999999999",
    ])
    func badYears(_ text: String) {
        #expect(throws: PlacemakingError.invalidYear(text)) { try ROCDate.parseYear(text) }
    }
}
