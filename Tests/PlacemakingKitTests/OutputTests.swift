import Foundation
import Testing
@testable import PlacemakingKit

@Suite("Display width and output formats")
struct OutputTests {
    let width = DisplayWidth()

    @Test("reference widths", arguments: [
        ("六龜區", 6), ("abc", 3), ("那瑪夏區 A1", 11), ("ｶﾀｶﾅ", 4), ("ひらがな", 8), ("한국", 4), ("ㄅㄆㄇ", 6),
        ("ＡＢＣ", 6), ("e\u{301}", 1), ("👩‍👩‍👧", 2), ("🇹🇼", 2), ("🌊", 2), ("a\u{200B}b", 2), ("「」", 4), ("，。", 4),
        ("─", 1), ("①", 1), ("", 0),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(width.of(text) == expected)
    }

    @Test func ambiguousOption() {
        let wide = DisplayWidth(ambiguousIsWide: true)
        #expect(wide.of("─①") == 4)
        #expect(wide.of("abc") == 3)
        #expect(wide.of("°") == 2)
    }

    static let sample = ResultTable(columns: [.init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("title", "名稱", "title")],
                                    rows: [[.integer(1), .text("六龜區"), .text("六龜山城創生與地方產業整合推動計畫，包含旅宿、農產與生態導覽")],
                                           [.integer(22), .text("Fengshan"), .text("mixed 中英 text with a long English tail to wrap nicely")],
                                           [.integer(333), .text("那瑪夏區"), .null]])

    @Test("every line of a table has the same display width, also when wrapped to 80 and 40 columns", arguments: [nil, 80, 40] as [Int?])
    func aligned(_ maxWidth: Int?) {
        for style in [OutputFormat.Style.table, .box] {
            var out = ""
            OutputFormat(style: style, maxWidth: maxWidth).write(Self.sample, to: &out)
            let lines = out.split(separator: "\n").map(String.init)
            let widths = Set(lines.map { width.of($0.padding(toLength: $0.count, withPad: " ", startingAt: 0)) })
            if style == .box { #expect(widths.count == 1, "\(out)") }
            if let maxWidth { #expect(lines.allSatisfy { width.of($0) <= maxWidth }, "\(out)") }
            // Columns start at the same display column on every line: the dashed rule gives the starts, and
            // every line has blanks in the gaps and no wide character across a boundary.
            if style == .table {
                let rule = lines[lines.firstIndex { $0.hasPrefix("-") }!]
                let starts = Self.columnStarts(rule)
                #expect(starts.count == 3)
                for line in lines {
                    let cells = Self.columnsOf(line, width: width)
                    for start in starts.dropFirst() {
                        #expect(cells.count <= start || cells[start - 1] == " ", "line \(line) has no gap before column \(start)")
                        #expect(cells.count <= start || cells[start] != "\u{0}", "a wide character crosses column \(start) in \(line)")
                    }
                }
            }
        }
    }

    /// The display columns where runs of `-` begin.
    static func columnStarts(_ rule: String) -> [Int] {
        var starts: [Int] = []
        for (i, c) in rule.enumerated() where c == "-" && (i == 0 || Array(rule)[i - 1] == " ") { starts.append(i) }
        return starts
    }

    /// One entry per display column: the character that begins there, or NUL for the second half of a
    /// wide character.
    static func columnsOf(_ line: String, width: DisplayWidth) -> [Character] {
        var columns: [Character] = []
        for character in line {
            columns.append(character)
            if width.of(character) == 2 { columns.append("\u{0}") }
        }
        return columns
    }

    @Test("wrapping never splits a wide character and keeps every character")
    func wrapping() {
        let writer = TextTableWriter(format: OutputFormat(maxWidth: 20))
        let text = "六龜山城創生與地方產業整合推動計畫"
        for limit in 2...9 {
            let lines = writer.wrap(text, to: limit)
            #expect(lines.joined() == text)
            #expect(lines.allSatisfy { width.of($0) <= limit })
        }
    }

    @Test("control characters cannot reach the terminal")
    func controlCharacters() {
        var out = ""
        OutputFormat().write(ResultTable(columns: [.init("t", "t", "t")], rows: [[.text("a\u{1B}[31mb")]]), to: &out)
        #expect(!out.contains("\u{1B}"))
        #expect(out.contains("a^[[31mb"))
    }

    @Test("CSV: quoting, and for people a BOM, CRLF and the formula guard")
    func csv() {
        let table = ResultTable(columns: [.init("a", "名稱", "name"), .init("b", "金額(元)", "amount")],
                                rows: [[.text("=1+1"), .money(Money(yuan: 5_000_000))], [.text("a,\"b\"\nc"), .null]])
        var machine = ""
        OutputFormat(style: .csv).write(table, to: &machine)
        #expect(machine == "名稱,金額(元)\n=1+1,5000000\n\"a,\"\"b\"\"\nc\",\n")
        var people = ""
        OutputFormat(style: .csv, csvForPeople: true).write(table, to: &people)
        #expect(people.hasPrefix("\u{FEFF}名稱"))
        #expect(people.contains("'=1+1,5000000\r\n"))
    }

    @Test("JSON: camelCase keys in column order, ISO dates (an upper bound flagged), integer money, null for unknown")
    func json() throws {
        let table = ResultTable(columns: [.init("id", "編號", "id"), .init("statusOn", "日期", "date"), .init("budget", "預算", "budget"),
                                          .init("title", "名稱", "title"), .init("subsidized", "補助", "subsidized")],
                                rows: [[.integer(1), .dateOnOrBefore(try ROCDate.parse("111/06/30")), .money(Money(yuan: 5)), .text("a\"\n"), .bool(true)],
                                       [.integer(2), .null, .null, .null, .bool(false)]])
        var out = ""
        OutputFormat(style: .json).write(table, to: &out)
        #expect(out == """
            [
              {"id": 1, "statusOn": "2022-06-30", "statusOnOrBefore": true, "budget": 5, "title": "a\\"\\n", "subsidized": true},
              {"id": 2, "statusOn": null, "budget": null, "title": null, "subsidized": false}
            ]

            """)
    }
}

@Suite("Display width against an independent reference")
struct WidthReferenceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/width-reference.tsv")

    @Test("DisplayWidth agrees with wcwidth on the reference sample")
    func matchesReference() throws {
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 1000)
        var mismatches: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t")
            let scalars = parts[0].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            let text = String(String.UnicodeScalarView(scalars))
            let expected = Int(parts[1])!
            let actual = DisplayWidth().of(text)
            if actual != expected { mismatches.append("\(parts[0]) \(text): \(actual), reference \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }

    @Test("the fast path for ASCII and Chinese text counts as character-by-character counting does, on 20,000 mixed strings")
    func fastPathAgrees() {
        var random = SplitMix64(seed: 0xD15B_1A7E)
        // Scalars the fast path takes, and ones that join their neighbours (marks, joiners, selectors, flags).
        let pieces: [Unicode.Scalar] = ["a", " ", "~", "六", "龜", "㐀", "　", "、", "ア", "ぁ", "Ａ", "｡", "\u{301}", "\u{200D}",
                                        "\u{FE0F}", "\u{E0100}", "\u{302A}", "\u{3099}", "👩", "🇹", "🇼", "─", "한", "\u{1160}", "é"]
        for ambiguousIsWide in [false, true] {
            let width = DisplayWidth(ambiguousIsWide: ambiguousIsWide)
            for _ in 0..<10_000 {
                var text = String.UnicodeScalarView()
                for _ in 0..<random.next(below: 8) { text.append(pieces[random.next(below: pieces.count)]) }
                let string = String(text)
                #expect(width.of(string) == string.reduce(0) { $0 + width.of($1) }, "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}

@Suite("Box style where ambiguous characters are wide")
struct AmbiguousBoxTests {
    @Test("the box falls back to ASCII and stays aligned when ambiguous characters count two columns")
    func asciiBox() {
        let wide = DisplayWidth(ambiguousIsWide: true)
        var out = ""
        OutputFormat(style: .box, ambiguousIsWide: true).write(OutputTests.sample, to: &out)
        #expect(!out.contains("─"))
        let widths = Set(out.split(separator: "\n").map { wide.of(String($0)) })
        #expect(widths.count == 1, "\(out)")
    }
}
