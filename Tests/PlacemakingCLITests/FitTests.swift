import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// Every table fits an 80-column terminal in every style, measured with the program's own display
/// width (CJK two columns) one-shot with COLUMNS=80, and under a real pseudo-terminal.
@Suite("Output fits 80 columns")
struct FitTests {
    static let commands: [[String]] = [
        ["plan", "list"], ["plan", "list", "--wide"], ["-c", ".mode box", "-c", "plan list --wide"],
        ["-c", ".mode markdown", "-c", "case list --wide"], ["audit"], ["audit", "--limit", "200"],
        ["case", "list"], ["case", "list", "--wide"], ["match", "list", "--wide"], ["plan", "show", "1"],
        ["history", "plan", "1"], ["help"], ["help", "plan", "add"], ["agency", "list", "--wide"],
        ["-c", ".mode box", "-c", "audit --limit 20"], ["subsidy", "list", "--wide"], ["visit", "list", "--wide"],
        ["event", "list", "--wide"], ["proposal", "list", "--wide"], ["statuses", "plan"],
    ]

    @Test("no line is wider than 80 display columns", arguments: commands)
    func fits(_ command: [String]) throws {
        let program = try ProgramRun()
        // A plan with long text in every field, and a match, so wrapping is exercised.
        let setup = program.run(["-c", "plan edit 1 --title \"A(山城創生旅宿整備計畫與地方產業鏈結之山林共生六龜創生計畫\" --budget 19,680,000 --note \"\(String(repeating: "經多次輔導修正後提報國發會，", count: 12))\"",
                                 "-c", "match add --plan 1 --ministry 經濟部 --subsidy 1,245萬 --investment 723萬 --meeting 行政院地方創生會報第46次工作會議 --on 111/05/20"])
        #expect(setup.status == 0, "\(setup.errors)")
        let result = program.run(command, environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.errors)")
        let measure = DisplayWidth()
        for line in result.output.split(separator: "\n") {
            #expect(measure.of(String(line)) <= 80, "\(measure.of(String(line))) columns: \(line)")
        }
    }

    @Test("numbers and dates are never split across lines in a narrow table")
    func atomicCells() throws {
        let program = try ProgramRun()
        _ = program.run(["plan", "edit", "1", "--budget", "19,680,000"])
        let result = program.run(["-c", ".mode box", "-c", "plan list --wide"], environment: ["COLUMNS": "80"])
        #expect(!result.output.contains("19,680,0\n") && !result.output.contains("19,68\n"))
        // Either the whole amount is on one line or the column was left out with a note saying so.
        #expect(result.output.contains("19,680,000") || result.output.contains("未顯示"))
    }
}

@Suite("Acting for an agency in one-shot commands")
struct ActingTests {
    @Test("--as is the default --agency of an add; another agency is refused and nothing written")
    func actingDefault() throws {
        let program = try ProgramRun()
        let added = program.run(["--as", "六龜區", "plan", "add", "--title", "山城創生"])
        #expect(added.status == 0, "\(added.errors)")
        let plans = try program.json(["plan", "list", "--agency", "六龜區"])
        #expect(plans.contains { $0["title"] as? String == "山城創生" })
        let before = program.bytes
        let refused = program.run(["--as", "六龜區", "plan", "add", "--title", "別人的", "--agency", "海洋局"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("只能新增、修改或連結「六龜區」自己的資料，不能處理涉及「海洋局」的資料"))
        #expect(program.bytes == before)
    }

    @Test("a form asks the dates before the year that defaults from them")
    func formOrder() throws {
        let add = CommandGrammar.root.resolve(["visit", "add"]).command
        let order = Form.ordered(add.options.filter(\.takesValue)).map(\.spelled)
        let year = try #require(order.firstIndex(of: "--year"))
        let on = try #require(order.firstIndex(of: "--on"))
        #expect(on < year, "\(order)")
    }
}
