import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// What a Chinese input method types, and mistakes that must not leave files behind.
@Suite("Typing as a Chinese input method does")
struct InputMethodTests {
    @Test("curly quotes quote a title with spaces, as ASCII quotes do")
    func curlyQuotes() throws {
        #expect(try ShellTokenizer.split("plan add --title “全形引號 測試” --agency 六龜區") == ["plan", "add", "--title", "全形引號 測試", "--agency", "六龜區"])
        #expect(try ShellTokenizer.split("--note ‘甲 乙’") == ["--note", "甲 乙"])
        #expect(throws: ShellTokenizer.Problem.unclosedQuote("“")) { try ShellTokenizer.split("--title “未完") }
    }

    @Test("full-width and em-dash option names are read as --options; values are left alone")
    func optionNames() {
        #expect(CommandRunner.foldedOptionNames(["plan", "list", "－－ａｇｅｎｃｙ", "六龜區", "—format", "csv", "－5"])
                == ["plan", "list", "--agency", "六龜區", "--format", "csv", "－5"])
    }

    @Test("a mistyped one-shot command creates no database file")
    func usageErrorCreatesNothing() throws {
        let program = try ProgramRun()
        let result = program.run(["plna", "list"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: program.path))
    }

    @Test("agency show takes a name as well as an id")
    func agencyShowByName() throws {
        let program = try ProgramRun()
        let result = program.run(["agency", "show", "農委會", "--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\"name\": \"農業部\""))
    }

    @Test("invisible format characters that can disguise a name are refused", arguments: ["六龜\u{202E}區計畫", "六龜\u{200B}計畫", "甲\u{2066}乙"])
    func invisibleCharacters(_ title: String) throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let before = program.bytes
        let result = program.run(["plan", "add", "--agency", "六龜區", "--title", title])
        #expect(result.status == 1)
        #expect(result.errors.contains("控制字元"), "\(result.errors)")
        #expect(program.bytes == before)
    }
}
