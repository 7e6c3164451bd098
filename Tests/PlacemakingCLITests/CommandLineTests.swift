import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// Runs the program's entry point as the binary does, on a database file in a temporary folder.
final class ProgramRun {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("ledger.sqlite").path
    }

    /// Runs the program on an existing file, left in place when the value goes away.
    init(existing path: String) {
        folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        self.path = path
        ownsFolder = false
    }

    private var ownsFolder = true

    deinit { if ownsFolder { try? FileManager.default.removeItem(at: folder) } }

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs as the login `as` (the real login is never read in process: tests name who acts).
    func run(_ arguments: [String], environment: [String: String] = [:], as login: String = "tester") -> Result {
        let console = Console.capturing()
        let status = PlacemakingMain.run(arguments: ["--db", path] + arguments, environment: environment,
                                         console: console, login: login)
        return Result(status: status, output: console.output, errors: console.errors)
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    var bytes: Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }
}

@Suite("The command line")
struct CommandLineTests {
    @Test("the words that name a command without subcommands are parsed by it alone; groups and unknown words take the full grammar")
    func leafCommands() {
        #expect(CommandRunner.leafCommand(["plan", "add", "--title", "x"]).map { "\($0.type)/\($0.depth)" } == "Add/2")
        #expect(CommandRunner.leafCommand(["check"]).map { "\($0.type)/\($0.depth)" } == "CheckCommand/1")
        for words in [["plan"], ["history", "plan", "1"], ["nosuch", "add"], [], ["--help"]] {
            #expect(CommandRunner.leafCommand(words) == nil, "\(words)")
        }
        // A leaf that refuses its words hands them to the full grammar, whose message names the whole command.
        guard case .usageError(let text) = CommandRunner.parse(["plan", "add", "--bogus"], acting: nil, language: .chinese) else {
            Issue.record("--bogus parsed")
            return
        }
        #expect(text.contains("plan add"), "\(text)")
    }

    @Test("plan list --phase approved lists exactly the six agencies of the report")
    func approvedPlans() throws {
        let program = try ProgramRun()
        let plans = try program.json(["plan", "list", "--phase", "approved"])
        #expect(Set(plans.compactMap { $0["agency"] as? String }) == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect(plans.count == 6)
        for plan in plans {
            for key in ["id", "agency", "title", "status", "phase"] { #expect(plan.keys.contains(key), "missing \(key)") }
            #expect(plan["phase"] as? String == "approved")
        }
    }

    @Test("case list --year 111 lists 30 cases, 13 subsidized")
    func cases() throws {
        let program = try ProgramRun()
        let cases = try program.json(["case", "list", "--year", "111"])
        #expect(cases.count == 30)
        #expect(cases.filter { $0["subsidized"] as? Bool == true }.count == 13)
        for item in cases {
            for key in ["id", "year", "agency", "title", "subsidized", "subsidyAmount"] { #expect(item.keys.contains(key), "missing \(key)") }
            #expect(item["subsidyAmount"] is NSNull)
        }
    }

    @Test("bad input gives one Traditional Chinese line, exit 1, and leaves the file byte-for-byte unchanged", arguments: [
        ["plan", "add", "--agency", "六龜區", "--title", "x", "--submitted", "111/02/29"],
        ["plan", "add", "--agency", "六龜區", "--title", "x", "--budget", "-5"],
        ["plan", "add", "--agency", "六龜區", "--title", "x", "--budget", "5,00"],
        ["plan", "add", "--agency", "臺北區", "--title", "x"],
        ["plan", "status", "1", "不存在"],
        ["plan", "status", "1", "構想盤點"],
        ["plan", "status", "1", "執行中", "--on", "111/13/01"],
        ["case", "add", "--year", "111", "--title", "x", "--subsidy", "abc"],
        ["subsidy", "award", "1", "--amount", "-1"],
        ["plan", "edit", "99", "--title", "x"],
        ["case", "list", "--year", "abc"],
    ])
    func badInput(_ arguments: [String]) throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])  // create and seed the file first
        let before = program.bytes
        let result = program.run(arguments)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("錯誤："))
        #expect(result.errors.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(program.bytes == before)
    }

    @Test("usage errors exit 2 and write nothing", arguments: [["plan", "lst"], ["plan", "add", "--title", "x"], ["plan", "show", "abc"], ["nosuch"]])
    func usageErrors(_ arguments: [String]) throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let before = program.bytes
        let result = program.run(arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains("用法錯誤"))
        #expect(program.bytes == before)
    }

    @Test("titles with SQL and emoji are stored and shown verbatim")
    func verbatimTitles() throws {
        let program = try ProgramRun()
        for title in ["'; DROP TABLE plan; --", "創生🌱計畫 第二行 👩‍👩‍👧"] {
            let added = program.run(["plan", "add", "--agency", "海洋局", "--title", title])
            #expect(added.status == 0, "\(added.errors)")
            let id = try #require(added.output.split(separator: "#").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
            let shown = program.run(["plan", "show", String(id), "--format", "json"])
            let object = try #require(JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
            #expect(object["title"] as? String == title)
            #expect(program.run(["plan", "show", String(id)]).output.contains(title.components(separatedBy: "\n")[0]))
        }
        #expect(try program.json(["plan", "list"]).count == 8)
    }

    @Test("a status change is dated and appears in history")
    func statusAndHistory() throws {
        let program = try ProgramRun()
        let changed = program.run(["plan", "status", "1", "執行中", "--on", "111/07/01", "--note", "開始執行"])
        #expect(changed.status == 0, "\(changed.errors)")
        #expect(changed.output.contains("媒合成功 → 執行中（111/07/01）"))
        let history = try program.json(["history", "plan", "1"])
        #expect(history.map { $0["status"] as? String } == ["媒合成功", "執行中"])
        #expect(history.last?["effectiveOn"] as? String == "2022-07-01")
    }

    @Test("every noun adds, lists and shows through the same grammar")
    func everyNoun() throws {
        let program = try ProgramRun()
        let commands: [[String]] = [
            ["match", "add", "--plan", "1", "--ministry", "經濟部", "--subsidy", "1,245萬", "--investment", "723萬", "--on", "111/05/20"],
            ["proposal", "add", "--plan", "1", "--title", "山城旅宿", "--submitted", "112/05/02"],
            ["visit", "add", "--agency", "燕巢區", "--partner", "南區輔導中心", "--on", "112/08/10"],
            ["subsidy", "add", "--agency", "都發局", "--title", "第二案", "--year", "111", "--round", "2"],
            ["case", "add", "--year", "112", "--title", "參與式預算", "--agency", "文化局", "--status", "核定補助", "--on", "112/03/01", "--subsidy", "30萬"],
            ["event", "add", "--title", "工作坊", "--organiser", "研考會", "--from", "112/09/01", "--to", "112/09/02"],
        ]
        for command in commands {
            let result = program.run(command)
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(result.output.hasPrefix("已新增"))
        }
        #expect(try program.json(["match", "list", "--plan", "1"]).first?["total"] as? Int == 19_680_000)
        #expect(try program.json(["proposal", "list", "--year", "112"]).count == 1)
        #expect(try program.json(["visit", "list", "--year", "112"]).count == 1)
        #expect(try program.json(["subsidy", "list", "--year", "111"]).count == 2)
        #expect(try program.json(["case", "list", "--year", "112"]).first?["subsidyAmount"] as? Int == 300_000)
        #expect(try program.json(["event", "list", "--year", "112"]).count == 1)
        #expect(try program.json(["agency", "list", "--kind", "district"]).count == 38)
        #expect(program.run(["statuses", "plan"]).output.contains("媒合成功"))
        #expect(try program.json(["audit", "--table", "plan_match"]).count == 1)
    }

    @Test("English on request")
    func english() throws {
        let program = try ProgramRun()
        let result = program.run(["--lang", "en", "plan", "status", "1", "nope"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("error: a plan has no status 'nope'"))
        #expect(program.run(["plan", "list"], environment: ["PLACEMAKING_LANG": "en"]).output.hasPrefix("id"))
    }
}

@Suite("--as")
struct ActingAgencyTests {
    @Test("--as limits writes to that agency's records and names it in the audit log")
    func actingAgency() throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let before = program.bytes
        let refused = program.run(["--as", "六龜區", "plan", "status", "2", "執行中", "--on", "111/07/01"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("不能處理涉及「那瑪夏區」的資料"))
        #expect(program.bytes == before)
        #expect(program.run(["--as", "六龜區", "plan", "status", "1", "執行中", "--on", "111/07/01"]).status == 0)
        #expect(try program.json(["audit", "--table", "plan", "--id", "1", "--limit", "1"]).first?["actor"] as? String == "tester（六龜區）")
        #expect(program.run(["--as", "不存在", "plan", "list"]).status == 1)
    }
}
