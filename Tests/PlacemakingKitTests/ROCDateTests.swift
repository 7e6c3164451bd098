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

    @Test("text that is not a date says which forms to type", arguments: ["", "abc", "111/06", "111//30", "11106300", "111年6月", "0/01/01"])
    func unreadable(_ text: String) {
        #expect(throws: PlacemakingError.self) { try ROCDate.parse(text) }
        let message = PlacemakingError.invalidDate(text, reason: .unreadable).message()
        #expect(message.contains("111/06/30"))
    }

    @Test func ordering() throws {
        #expect(try ROCDate.parse("111/06/30") < ROCDate.parse("111/07/01"))
        #expect(try ROCDate.parse("110/12/31") < ROCDate.parse("111/01/01"))
    }

    @Test("years read as ROC or Gregorian", arguments: [("111", 111), ("2022", 111), ("民國111年", 111), ("111年度", 111), ("89", 89)])
    func years(_ text: String, _ roc: Int) throws {
        #expect(try ROCDate.parseYear(text) == roc)
    }

    @Test(arguments: ["", "x", "-1", "1500", "11a"])
    func badYears(_ text: String) {
        #expect(throws: PlacemakingError.invalidYear(text)) { try ROCDate.parseYear(text) }
    }
}
