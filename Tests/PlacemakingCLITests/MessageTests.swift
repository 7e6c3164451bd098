import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// Only Traditional Chinese reaches a Chinese user: the parser's and SQLite's English is explained, and
/// records are named as people name them. `--lang en` gives English.
@Suite("Messages in the user's language")
struct MessageTests {
    @Test("usage errors from the parser are translated, with a suggestion", arguments: [
        (["plna", "list"], "用法錯誤：沒有「plna」這個指令；您是不是要輸入「plan list」？"),
        (["plan", "lst"], "用法錯誤：看不懂「lst」；您是不是要輸入「plan list」？"),
        (["plan", "list", "--frmat", "csv"], "用法錯誤：沒有 --frmat 這個選項；您是不是要輸入「--format」？"),
        (["plan", "add", "--agency"], "用法錯誤：--agency 後面需要一個值"),
        (["plan", "show"], "用法錯誤：缺少必填的 <id>"),
        (["plan", "show", "abc"], "用法錯誤：「abc」不是有效的 <id>（請輸入數字編號）"),
    ] as [([String], String)])
    func usage(_ arguments: [String], _ expected: String) throws {
        let result = try ProgramRun().run(arguments)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix(expected), "\(result.errors)")
        #expect(!result.errors.contains("unexpected") && !result.errors.contains("Missing"), "\(result.errors)")
    }

    @Test("SQLite's messages are explained in Chinese with the original after it")
    func sqliteMessages() throws {
        let program = try ProgramRun()
        let result = program.run(["sql", "SELEC 1"])
        #expect(result.status == 1)
        #expect(result.errors == "錯誤：查詢語法錯誤（near \"SELEC\": syntax error）\n")
    }

    @Test("records are named as people name them", arguments: [
        (["match", "show", "5"], "錯誤：找不到部會媒合 #5"), (["visit", "show", "99"], "錯誤：找不到實地輔導 #99"),
        (["plan", "show", "99"], "錯誤：找不到地方創生計畫 #99"),
    ] as [([String], String)])
    func recordNames(_ arguments: [String], _ expected: String) throws {
        let result = try ProgramRun().run(arguments)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix(expected), "\(result.errors)")
    }

    @Test("--lang en gives English, help included")
    func english() throws {
        let program = try ProgramRun()
        let usage = program.run(["--lang", "en", "plna", "list"])
        #expect(usage.errors.hasPrefix("usage error: there is no command 'plna'; did you mean 'plan list'?"))
        let missing = program.run(["--lang", "en", "match", "show", "5"])
        #expect(missing.errors.hasPrefix("error: there is no match #5"))
        let help = program.run(["--lang", "en", "help", "plan", "add"])
        #expect(help.output.contains("arguments and options:"))
        #expect(help.output.contains("--budget <budget>        total budget (NT$)"))
        // No line of English help is Chinese prose only (example values like 六龜區 are data, not prose).
        for line in help.output.split(separator: "\n") where line.hasPrefix("  --") {
            #expect(line.contains(where: { $0.isASCII && $0.isLetter && !"-<>".contains($0) }), "\(line)")
        }
    }
}
