import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("The summary command")
struct SummaryCommandTests {
    func object(_ program: ProgramRun, _ arguments: [String]) throws -> [String: Any] {
        let result = program.run(["summary"] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test("summary --year 111 --as-of 111/06/30 gives the source's figures, before and after later changes")
    func figuresStay() throws {
        let program = try ProgramRun()
        let before = try object(program, ["--year", "111", "--as-of", "111/06/30"])
        for command in [["plan", "status", "1", "執行中", "--on", "111/07/01"],
                        ["plan", "add", "--agency", "旗山區", "--title", "旗山老街", "--submitted", "111/08/01"],
                        ["case", "add", "--year", "111", "--title", "新案", "--status", "審查", "--on", "111/08/01"],
                        ["case", "status", "31", "核定補助", "--on", "111/09/01"]] {
            let result = program.run(command)
            #expect(result.status == 0, "\(command): \(result.errors)")
        }
        let after = try object(program, ["--year", "111", "--as-of", "111/06/30"])
        #expect(NSDictionary(dictionary: before).isEqual(to: after))
        #expect((after["plans"] as? [String: Any])?["matchedAgencies"] as? [String] == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect((after["participationCases"] as? [String: Any])?["subsidized"] as? Int == 13)
        let yearEnd = try object(program, ["--year", "111"])
        #expect(yearEnd["asOf"] as? String == "2022-12-31")
        #expect((yearEnd["participationCases"] as? [String: Any])?["subsidized"] as? Int == 14)
        #expect(((yearEnd["plans"] as? [String: Any])?["byPhase"] as? [String: Int])?["executing"] == 1)
    }

    @Test("--format report prints the council report's paragraphs")
    func report() throws {
        let program = try ProgramRun()
        let result = program.run(["summary", "--year", "111", "--as-of", "111/06/30", "--format", "report"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("1. 截至111年6月底，本市六龜區、那瑪夏區、阿蓮區、鳳山區、甲仙區、海洋局等6個機關之創生計畫已由國發會媒合部會資源成功。"))
        #expect(result.output.contains("   111年度共有六龜區及海洋局兩項計畫提報新增事業提案。"))
        #expect(result.output.contains("本府111年度公民參與計畫推動件數共30件，其中本府核定補助經費共計13件。"))
    }

    @Test("the table format fits 80 columns and names each table")
    func table() throws {
        let program = try ProgramRun()
        let result = program.run(["summary", "--year", "111", "--as-of", "111/06/30"])
        #expect(result.status == 0, "\(result.errors)")
        for heading in ["【摘要】", "【計畫階段】", "【媒合機關】", "【補助申請】", "【公民參與】"] { #expect(result.output.contains(heading)) }
        let widths = result.output.split(separator: "\n").map { DisplayWidth().of(String($0)) }
        #expect(widths.allSatisfy { $0 <= 80 }, "widest line: \(widths.max() ?? 0)")
        let markdown = program.run(["summary", "--year", "111", "--as-of", "111/06/30", "--format", "markdown"])
        #expect(markdown.output.hasPrefix("# 111年度辦理情形（截至 111/06/30）"))
        #expect(markdown.output.contains("## 計畫階段\n\n| 機關"))
    }

    @Test("--out writes the HTML page to a file and says where")
    func htmlFile() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("111上半年.html").path
        let result = program.run(["summary", "--year", "111", "--as-of", "111/06/30", "--format", "html", "--out", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("已寫入"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!html.contains("http"))
        let missing = program.run(["summary", "--year", "111", "--format", "json", "--out", "/nonexistent-folder/x.json"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("無法寫入檔案"))
    }

    @Test("refusals: a workbook without --out, a day after today, a day before the year", arguments: [
        (["--year", "111", "--format", "ods"], "ODS 需要 --out 檔名"),
        (["--year", "111", "--format", "xlsx"], "XLSX 需要 --out 檔名"),
        (["--year", "111", "--as-of", "999/01/01"], "晚於今天"),
        (["--year", "111", "--as-of", "110/12/31"], "早於 111 年度開始"),
        (["--year", "999"], "尚未開始"),
    ])
    func refusals(_ arguments: [String], _ message: String) throws {
        let program = try ProgramRun()
        let result = program.run(["summary"] + arguments)
        #expect(result.status == 1)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.output.isEmpty)
    }

    @Test("help is in Chinese with examples")
    func help() throws {
        let program = try ProgramRun()
        let result = program.run(["summary", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("例："))
        #expect(result.output.contains("summary --year 111 --as-of 111/06/30 --format report"))
    }

    @Test("Tab offers the summary's own formats after --format, and file names after --out")
    func completion() throws {
        let test = try ProgramRun()
        let database = try AppDatabase.open(path: test.path, login: "tester")
        let completer = Completer(vocabulary: try database.vocabulary())
        #expect(completer.complete(before: "summary --year 111 --format ", word: "") == .words(SummaryFormat.allCases.map(\.rawValue)))
        #expect(completer.complete(before: "plan list --format ", word: "") == .words(OutputFormat.Style.allCases.map(\.rawValue)))
        #expect(completer.complete(before: "summary --year 111 --out ", word: "") == .fileName)
    }
}
