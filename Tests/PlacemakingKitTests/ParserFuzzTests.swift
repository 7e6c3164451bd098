import Foundation
import Testing
@testable import PlacemakingKit

/// Throws many random strings at the parsers of typed values. Each must return a value within the
/// ledger's ranges or throw a `PlacemakingError`; a trap, another error or an out-of-range value fails.
/// The generator is seeded, so a failure reproduces.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    static let iterations = 100_000

    /// Pieces the strings are made of: what people type, what input methods insert, and what breaks
    /// naive parsers (combining marks, joiners, selectors, keycaps, controls, emoji).
    static let fragments: [String] = {
        var pool = (0...9).map(String.init)
        pool += (0...9).compactMap { Unicode.Scalar(0xFF10 + $0).map { String($0) } }  // ０–９
        pool += ["萬", "億", "千", "元", ",", ".", "/", "-", "年", "月", "日", "號", "年度", "民國", "NT$", "NTD", "$",
                 "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{20E3}", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{FFFD}",
                 "😀", "👩‍👩‍👧", "1️⃣", "創", "生", "兆", " ", "\u{3000}", "\t", "\n", "，", "．", "／", "－", "٥", "e", "0x"]
        return pool
    }()

    /// Forms the parsers accept, to be mutated, so that the accepting paths are exercised too.
    static let templates = ["111/06/30", "1110630", "20220630", "2022-06-30", "111年6月30日", "民國111年6月30日", "111.6.30",
                            "5,000,000", "500萬", "37.8億", "NT$5,000,000", "12.3456萬", "３千元", "111", "2022", "民國111年度"]

    @Test("random text never crashes a parser and never yields a value out of range")
    func randomText() throws {
        var random = SplitMix64(seed: 0x5EED_2024_0630)
        var accepted = (money: 0, date: 0, year: 0)
        for _ in 0..<Self.iterations {
            let text = Self.randomText(&random)
            if let money = Self.outcome(of: text, { try Money.parse($0) }) {
                #expect((0...1_000_000_000_000).contains(money.yuan), "Money.parse(\(text.debugDescription)) = \(money.yuan)")
                accepted.money += 1
            }
            if let date = Self.outcome(of: text, { try ROCDate.parse($0) }) {
                #expect(ROCDate.rocYears.contains(date.rocYear), "ROCDate.parse(\(text.debugDescription)) = \(date.iso)")
                #expect(ROCDate(iso: date.iso) == date, "ROCDate.parse(\(text.debugDescription)) = \(date.iso)")
                accepted.date += 1
            }
            if let year = Self.outcome(of: text, { try ROCDate.parseYear($0) }) {
                #expect(ROCDate.rocYears.contains(year), "ROCDate.parseYear(\(text.debugDescription)) = \(year)")
                accepted.year += 1
            }
        }
        // The generator reaches the accepting paths, not only the refusals.
        #expect(accepted.money > Self.iterations / 100)
        #expect(accepted.date > Self.iterations / 100)
        #expect(accepted.year > Self.iterations / 100)
    }

    /// The value `parse` returns, or nil when it throws a `PlacemakingError` whose message is short and
    /// free of raw control characters; any other error is recorded as an issue.
    static func outcome<T>(of text: String, _ parse: (String) throws -> T) -> T? {
        do {
            return try parse(text)
        } catch let error as PlacemakingError {
            if text.unicodeScalars.count > 200 || text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                let message = error.message(.english)
                #expect(message.unicodeScalars.count < 400 && !message.unicodeScalars.contains(where: { $0.value < 0x20 }),
                        "message for \(text.debugDescription): \(message.debugDescription)")
            }
            return nil
        } catch {
            Issue.record("unexpected error \(error) for \(text.debugDescription)")
            return nil
        }
    }

    /// A string of random fragments, a mutated accepted form, or a very long digit run.
    static func randomText(_ random: inout SplitMix64) -> String {
        switch random.next(below: 100) {
        case 0:  // a very long run of digits, sometimes with a unit
            let digits = (0..<(20 + random.next(below: 2_000))).map { _ in UInt8(0x30 + random.next(below: 10)) }
            let run = String(decoding: digits, as: UTF8.self)
            return random.next(below: 2) == 0 ? run : run + ["萬", "億", "元", "/01/01"][random.next(below: 4)]
        case 1...45:  // an accepted form with up to three fragments inserted or characters dropped
            var scalars = Array(templates[random.next(below: templates.count)].unicodeScalars)
            for _ in 0..<random.next(below: 4) {
                let position = random.next(below: scalars.count + 1)
                if random.next(below: 3) == 0, position < scalars.count {
                    scalars.remove(at: position)
                } else {
                    scalars.insert(contentsOf: fragments[random.next(below: fragments.count)].unicodeScalars, at: position)
                }
            }
            return String(String.UnicodeScalarView(scalars))
        default:  // fragments at random
            return (0..<random.next(below: 12)).map { _ in fragments[random.next(below: fragments.count)] }.joined()
        }
    }
}

/// A small, fast, seeded pseudo-random generator (SplitMix64), so fuzzing is deterministic.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// `input` with 1 to `maxEdits` random edits: an element removed, one of `pieces` inserted, or an
    /// element replaced by one of them.
    mutating func mutated<Element>(_ input: [Element], pieces: [Element], maxEdits: Int) -> [Element] {
        var result = input
        for _ in 0..<(1 + next(below: maxEdits)) {
            switch next(below: 3) {
            case 0 where !result.isEmpty: result.remove(at: next(below: result.count))
            case 1: result.insert(pieces[next(below: pieces.count)], at: next(below: result.count + 1))
            default: if !result.isEmpty { result[next(below: result.count)] = pieces[next(below: pieces.count)] }
            }
        }
        return result
    }
}
