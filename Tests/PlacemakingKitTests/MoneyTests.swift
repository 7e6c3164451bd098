import Testing
@testable import PlacemakingKit

@Suite("Money")
struct MoneyTests {
    @Test("amounts as people type them", arguments: [
        ("5,000,000", 5_000_000), ("5000000", 5_000_000), ("500萬", 5_000_000), ("500萬元", 5_000_000),
        ("NT$5,000,000", 5_000_000), ("37.8億", 3_780_000_000), ("1,245萬", 12_450_000), ("0", 0), ("1.5萬", 15_000),
        ("5000000元", 5_000_000), ("12.3456萬", 123_456), ("５００萬", 5_000_000),
    ] as [(String, Int64)])
    func parses(_ text: String, _ yuan: Int64) throws {
        #expect(try Money.parse(text).yuan == yuan)
    }

    @Test("negative amounts are refused", arguments: ["-5", "-500萬", "-0"])
    func negative(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .negative)) { try Money.parse(text) }
    }

    @Test("malformed amounts are refused", arguments: ["", "abc", "5,00", "5,0000", "1.2.3", "萬", "5 000", "1e6", "99999999999999999999", "12,34萬"])
    func malformed(_ text: String) {
        #expect(throws: PlacemakingError.invalidMoney(text, reason: .unreadable)) { try Money.parse(text) }
    }

    @Test("fractions of a 元 are refused", arguments: ["0.5", "12.345678901萬", "1.00001萬"])
    func fractions(_ text: String) {
        #expect(throws: PlacemakingError.self) { try Money.parse(text) }
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
