import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("README")
struct ReadmeTourTests {
    /// The commands of the ```sh block under "## A short tour" in README.md, without `placemaking `,
    /// split into words as a shell would (the tokenizer also drops the trailing `# comments`).
    static func tourCommands() throws -> [[String]] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasPrefix("## A short tour") })
        let open = try #require(lines[heading...].firstIndex { $0.hasPrefix("```sh") })
        let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        return try lines[(open + 1)..<close].compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("placemaking ") else { return nil }
            return try ShellTokenizer.split(String(trimmed.dropFirst("placemaking ".count)))
        }
    }

    @Test("every command of the tour runs, in order, on one new database, and exits 0")
    func tour() throws {
        let commands = try Self.tourCommands()
        #expect(commands.count >= 15)
        #expect(commands.contains(["subsidy", "award", "2", "--amount", "500萬", "--on", "112/06/15"]))
        let program = try ProgramRun()
        for command in commands {
            #expect(!command.contains { $0.hasPrefix("#") }, "\(command)")
            let result = program.run(command)
            #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.errors)")
        }
    }
}

@Suite("Back-dating and corrections on the command line")
struct CorrectionCommandTests {
    @Test("history numbers its entries; history fix re-dates one; --on and --status-on date the first status")
    func historyFix() throws {
        let program = try ProgramRun()
        #expect(program.run(["plan", "add", "--agency", "六龜區", "--title", "x", "--on", "112/03/01"]).status == 0)
        #expect(program.run(["plan", "add", "--agency", "六龜區", "--title", "y", "--status-on", "112/03/02"]).status == 0)
        #expect(try program.json(["history", "plan", "8"]).first?["effectiveOn"] as? String == "2023-03-02")
        #expect(program.run(["plan", "status", "7", "輔導中", "--on", "112/04/01"]).status == 0)
        #expect(try program.json(["history", "show", "plan", "7"]).map { $0["entry"] as? Int } == [1, 2])
        #expect(program.run(["history", "plan", "7"]).output.hasPrefix("序"))
        let fixed = program.run(["history", "fix", "plan", "7", "2", "--on", "112/03/20"])
        #expect(fixed.status == 0, "\(fixed.errors)")
        #expect(fixed.output.contains("112/04/01 → 112/03/20"))
        let refused = program.run(["history", "fix", "plan", "7", "2", "--on", "112/02/01"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("不可早於前一個狀態的日期 112/03/01"))
        #expect(try program.json(["audit", "--table", "status_history", "--limit", "1"]).first?["action"] as? String == "history.fix")
    }

    @Test("subsidy award on the seeded award sets its date; acting agencies may not award")
    func awardCorrection() throws {
        let program = try ProgramRun()
        let corrected = program.run(["subsidy", "award", "1", "--on", "111/06/30"])
        #expect(corrected.status == 0, "\(corrected.errors)")
        #expect(corrected.output.contains("已更正核定：500萬元（111/06/30）"))
        #expect(try program.json(["subsidy", "list"]).first?["awardedOn"] as? String == "2022-06-30")
        let acting = program.run(["--as", "都發局", "subsidy", "award", "1", "--amount", "490萬"])
        #expect(acting.status == 1)
        #expect(acting.errors.contains("由研考會登錄"))
        let selfFunded = program.run(["case", "status", "14", "辦理中", "--amount", "30萬"])
        #expect(selfFunded.status == 1)
        #expect(selfFunded.errors.contains("不核定金額"))
    }
}
