import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

/// Titles and notes written through the real repositories on a real SQLite file: what no stored text
/// may hold is refused with its own message, and a refused write changes nothing.
@Suite("Text rules")
struct TextRulesTests {
    @Test("a title with a control character is refused and nothing is written", arguments: [
        ("六龜\u{0}山城", "\u{0}" as Unicode.Scalar), ("\u{1B}[31m六龜山城", "\u{1B}"), ("六龜\n山城", "\n"), ("六龜\t山城", "\t"),
        ("六龜\r\n山城", "\r"), ("六龜\u{7F}", "\u{7F}"), ("六龜\u{85}山城", "\u{85}"), ("六龜\u{9B}31m", "\u{9B}"),
    ])
    func controlInTitle(_ title: String, _ character: Unicode.Scalar) throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.controlCharacter(field: "計畫名稱", value: title, character: character)) {
            try test.database.submitPlan(agency: "六龜區", title: title)
        }
        #expect(try test.tableCounts() == counts)
    }

    @Test("U+FFFD, the mark of invalid UTF-8, is refused in titles and notes")
    func replacementCharacter() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        let garbled = "六龜\u{FFFD}\u{FFFD}山城"
        #expect(throws: PlacemakingError.replacementCharacter(field: "計畫名稱", value: garbled)) {
            try test.database.submitPlan(agency: "六龜區", title: garbled)
        }
        #expect(throws: PlacemakingError.replacementCharacter(field: "備註", value: garbled)) {
            try test.database.submitPlan(agency: "六龜區", title: "六龜山城", note: garbled)
        }
        #expect(try test.tableCounts() == counts)
        #expect(PlacemakingError.replacementCharacter(field: "備註", value: garbled).message().contains("UTF-8"))
    }

    @Test("a title may have 200 characters, not 201")
    func titleLength() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        let tooLong = String(repeating: "創", count: 201)
        #expect(throws: PlacemakingError.textTooLong(field: "計畫名稱", length: 201, limit: 200)) {
            try test.database.submitPlan(agency: "六龜區", title: tooLong)
        }
        #expect(try test.tableCounts() == counts)
        let id = try test.database.submitPlan(agency: "六龜區", title: String(tooLong.dropLast()))
        #expect(try test.read { try Plan.fetchOne($0, key: id) }?.title?.count == 200)
    }

    @Test("combining marks count towards the length")
    func combiningMarksCount() throws {
        let test = try TestDatabase()
        let title = "e" + String(repeating: "\u{0301}", count: 250)  // one Character, 251 scalars
        #expect(throws: PlacemakingError.textTooLong(field: "計畫名稱", length: 251, limit: 200)) {
            try test.database.submitPlan(agency: "六龜區", title: title)
        }
    }

    @Test("a note may have 4,000 characters, not 4,001")
    func noteLength() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        let tooLong = String(repeating: "記", count: 4_001)
        #expect(throws: PlacemakingError.textTooLong(field: "備註", length: 4_001, limit: 4_000)) {
            try test.database.submitPlan(agency: "六龜區", title: "六龜山城", note: tooLong)
        }
        #expect(try test.tableCounts() == counts)
        try test.database.submitPlan(agency: "六龜區", title: "六龜山城", note: String(tooLong.dropLast()))
    }

    @Test("a note keeps its newlines, CRLFs and tabs")
    func noteLayout() throws {
        let test = try TestDatabase()
        let note = "第一行\n\t縮排的第二行\r\n第三行"
        let id = try test.database.submitPlan(agency: "六龜區", title: "六龜山城", note: note)
        #expect(try test.read { try Plan.fetchOne($0, key: id) }?.note == note)
    }

    @Test("a note refuses other control characters and a lone carriage return", arguments: [
        ("第一行\u{0}", "\u{0}" as Unicode.Scalar), ("\u{1B}]0;title\u{7}", "\u{1B}"), ("第一行\r第二行", "\r"), ("結尾\r", "\r"),
        ("\u{8}\u{8}覆寫", "\u{8}"),
    ])
    func controlInNote(_ note: String, _ character: Unicode.Scalar) throws {
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "六龜區", title: "六龜山城", note: "原本的備註")
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.controlCharacter(field: "備註", value: note, character: character)) {
            try test.database.editPlan(id: id, note: note)
        }
        #expect(try test.tableCounts() == counts)
        #expect(try test.read { try Plan.fetchOne($0, key: id) }?.note == "原本的備註")
    }

    @Test("short fields other than titles refuse newlines; free text such as a visit's purpose allows them")
    func otherFields() throws {
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.controlCharacter(field: "會議", value: "第46次\n工作會議", character: "\n")) {
            try test.database.recordMatch(plan: 1, ministry: "經濟部", meeting: "第46次\n工作會議")
        }
        let id = try test.database.recordVisit(agency: "燕巢區", purpose: "計畫提報\n及修正")
        let visit = try test.read { try CounselingVisit.fetchOne($0, key: id) }
        #expect(visit?.purpose == "計畫提報\n及修正")
    }

    @Test("messages quote at most 40 characters, with control characters made visible")
    func messagesAreShortAndInert() {
        let huge = "\u{1B}[2J" + String(repeating: "x", count: 1_000_000)
        for error in [
            PlacemakingError.controlCharacter(field: "計畫名稱", value: huge, character: "\u{1B}"),
            .invalidMoney(huge, reason: .unreadable), .invalidDate(huge, reason: .unreadable), .invalidYear(huge),
            .unknownAgency(huge, suggestions: []), .unknownStatus(.plan, huge, known: ["構想盤點"]),
            .invalidValue(field: "--kind", value: huge, hint: "請輸入 district"),
        ] {
            for language in [Language.chinese, .english] {
                let message = error.message(language)
                #expect(message.count < 300)
                #expect(!message.unicodeScalars.contains("\u{1B}"))
                #expect(message.contains("␛[2J"))
                #expect(message.contains("…"))
            }
        }
        #expect(EchoedText.shown("a\u{0}b\nc\td\u{7F}\u{9B}") == "a␀b⏎c␉d␡\\u{9B}")
        #expect(EchoedText.shown(String(repeating: "字", count: 40)) == String(repeating: "字", count: 40))
        #expect(EchoedText.shown(String(repeating: "字", count: 41)) == String(repeating: "字", count: 40) + "…")
    }
}
