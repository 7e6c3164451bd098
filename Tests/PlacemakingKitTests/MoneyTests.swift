import Testing
@testable import PlacemakingKit

@Suite("Money")
struct MoneyTests {
    @Test("amounts as people type them", arguments: [
        ("5,000,000", 5_000_000), ("5000000", 5_000_000), ("500萬", 5_000_000), ("500萬元", 5_000_000),
        ("NT$5,000,000", 5_000_000), ("37.8億", 3_780_000_000), ("1,245萬", 12_450_000), ("0", 0), ("1.5萬", 15_000),
        ("5000000元", 5_000_000), ("12.3456萬", 123_456), ("５００萬", 5_000_000),
        ("ＮＴ＄５，０００", 5_000), ("nt$500萬", 5_000_000), ("NTD 500萬元", 5_000_000), ("$1,000", 1_000), ("500 萬", 5_000_000),
        ("1.50萬", 15_000), ("1,234.5萬", 12_345_000), ("000005", 5), ("3千", 3_000), ("\u{3000}500萬\u{3000}", 5_000_000),
        ("10000億", 1_000_000_000_000), ("1,000,000,000,000", 1_000_000_000_000), ("9999.99999999億", 999_999_999_999),
    ] as [(String, Int64)])
    func parses(_ text: String, _ yuan: Int64) throws {
        #expect(try Money.parse(text).yuan == yuan)
    }

    @Test("negative amounts are refused", arguments: ["-5", "-500萬", "-0"])
    func negative(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .negative)) { try Money.parse(text) }
    }

    @Test("malformed amounts are refused", arguments: [
        "", "abc", "5,00", "5,0000", "1.2.3", "萬", "5 000", "1e6", "12,34萬", ".5", "5.", "1.2,34", "1,", ",100",
        "٥", "5元元", "500萬萬", "1兆",
    ])
    func malformed(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .unreadable)) { try Money.parse(text) }
    }

    /// A `Character` that is a digit plus a combining mark, joiner, variation selector or keycap once
    /// passed as a digit and then crashed the parser.
    @Test("digits carrying combining marks, joiners or selectors are unreadable, not a crash", arguments: [
        "1.5\u{0301}萬", "1\u{0301}", "1.5\u{200D}萬", "1\u{200D}5", "5\u{FE0F}", "1.5\u{FE0F}億", "5\u{20E3}", "1.5\u{20E3}萬",
        "5\u{0}", "\u{1B}[31m5", "5\u{1B}", "1️⃣", "５\u{0301}",
    ])
    func combiningMarks(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .unreadable)) { try Money.parse(text) }
    }

    @Test("fractions of a 元 are refused", arguments: ["0.5", "12.345678901萬", "1.00001萬", "1.0001千", "0.000000001億"])
    func fractions(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .fractionOfYuan)) { try Money.parse(text) }
    }

    @Test("amounts above 1 兆元 are refused: the unit is probably wrong", arguments: [
        "99999999999999999999", "1,000,000,000,001", "10000.00000001億", "10001億", "100000001萬", "1000000001千",
        "1" + String(repeating: "0", count: 10_000), "9223372036854775807", "9223372036854775808億",
    ])
    func tooLarge(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .tooLarge)) { try Money.parse(text) }
    }

    @Test func tooLargeMessageNamesTheLimitAndTheUnits() {
        let message = PlacemakingError.invalidMoney("10001億", reason: .tooLarge).message()
        #expect(message == "金額「10001億」超過 1 兆元上限；請確認單位（萬、億），例如 500萬 或 37.8億")
        #expect(PlacemakingError.invalidMoney("10001億", reason: .tooLarge).message(.english).contains("check the unit"))
    }

    @Test func formatting() {
        #expect(Money(yuan: 5_000_000).formatted == "5,000,000")
        #expect(Money(yuan: 5_000_000).inWords == "500萬元")
        #expect(Money(yuan: 3_780_000_000).inWords == "37.8億元")
        #expect(Money(yuan: 19_680_000).inWan == "1,968")
        #expect(Money(yuan: 12_345).inWan == "1.2345")
        #expect(Money(yuan: 1_234).inWords == "1,234元")
        #expect(Money(yuan: 999).formatted == "999")
        #expect(Money(yuan: 1_000).formatted == "1,000")
    }
}
