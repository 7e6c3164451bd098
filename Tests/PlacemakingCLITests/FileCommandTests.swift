import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// `backup`, `restore` and `check` through the command line, and the `--db` values that are no file.
@Suite("Backup, restore and check")
struct FileCommandTests {
    @Test("--db '', --db :memory: and a folder get one Chinese line and exit 1", arguments: ["", ":memory:", "FOLDER"])
    func notAFile(_ given: String) throws {
        let program = try ProgramRun()
        let path = given == "FOLDER" ? program.folder.path : given
        let console = Console.capturing()
        let status = PlacemakingMain.run(arguments: ["--db", path, "plan", "add", "--agency", "六龜區", "--title", "x"],
                                         environment: ["PLACEMAKING_USER": "tester"], console: console)
        #expect(status == 1)
        #expect(console.output.isEmpty)
        #expect(console.errors.split(separator: "\n").count == 1, "\(console.errors)")
        #expect(console.errors.hasPrefix("錯誤："))
        #expect(console.errors.contains(given == "FOLDER" ? "是資料夾" : "--db"))
    }

    @Test("check on a sound ledger says so in one line and exits 0")
    func checkSound() throws {
        let program = try ProgramRun()
        _ = program.run(["plan", "add", "--agency", "六龜區", "--title", "六龜山城"])
        _ = program.run(["plan", "status", "1", "執行中", "--on", "111/07/01"])
        _ = program.run(["case", "status", "1", "撤案"])
        _ = program.run(["agency", "add", "--name", "測試局", "--kind", "bureau"])
        let result = program.run(["check"])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output == "檢查完成：沒有發現問題\n")
        #expect(program.run(["--lang", "en", "check"]).output == "check complete: no problems found\n")
    }

    @Test("check lists each problem on its own line and exits 1")
    func checkProblems() throws {
        let program = try ProgramRun()
        _ = program.run(["plan", "add", "--agency", "六龜區", "--title", "六龜山城"])
        _ = try DatabaseFixture.create(at: program.path, sql: """
            UPDATE plan SET status = '輔導中' WHERE id = 2;
            UPDATE plan SET budget = 2000000000000 WHERE id = 7;
            UPDATE participation_case SET subsidized = 0, subsidy_amount = NULL WHERE id = 2;
            INSERT INTO plan (agency_id, title, status, created_at, updated_at) VALUES (1, 'ghost', '構想盤點', 'x', 'x');
            INSERT INTO status_history (entity, entity_id, status, effective_on, recorded_at, recorded_by)
                VALUES ('plan', 7, '撤案', '2020-01-01', 'x', 'x'), ('plan', 8, '構想盤點', '2020-01-01', 'x', 'x'),
                       ('plan', 8, '媒合成功', '2020-01-02', 'x', 'x'), ('plan', 8, '構想盤點', '2020-01-03', 'x', 'x');
            """)
        let result = program.run(["check"])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        for expected in ["地方創生計畫 #2 目前狀態「輔導中」與狀態歷程最後一筆「媒合成功」不同",
                         "地方創生計畫 #7 的狀態歷程「撤案」109/01/01 早於前一筆的日期",
                         "地方創生計畫 #8 的狀態歷程由「構想盤點」改為「媒合成功」（109/01/02）不是允許的狀態變更",
                         "地方創生計畫 #7 的金額 budget = 2000000000000 元超出 0 至 1 兆元的範圍",
                         "公民參與案件 #2 狀態為「核定補助」，市府補助卻記為「否」",
                         "地方創生計畫 #8 沒有新增時的異動紀錄",
                         "種子資料 plan #2 的 status 被改為"] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing: \(expected)\n\(result.output)")
        }
        #expect(result.errors.hasPrefix("錯誤：檢查發現 \(lines.count) 個問題"))
    }

    @Test("backup writes a checked 0600 copy, refuses to replace a file unless --force, and never the ledger itself")
    func backup() throws {
        let program = try ProgramRun()
        let added = program.run(["plan", "add", "--agency", "六龜區", "--title", "六龜山城"])
        #expect(added.status == 0, "\(added.errors)")
        let target = program.folder.appendingPathComponent("backup.sqlite").path
        let made = program.run(["backup", target])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.hasPrefix("已備份到「\(target)」"))
        #expect(made.output.contains("地方創生計畫 7"))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue & 0o777 == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: program.folder.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)

        let again = program.run(["backup", target])
        #expect(again.status == 1)
        #expect(again.errors.contains("已存在，未覆寫"))
        #expect(program.run(["backup", target, "--force"]).status == 0)
        #expect(program.run(["backup", program.path, "--force"]).status == 1)

        let copy = ProgramRun(existing: target)
        #expect(copy.run(["check"]).status == 0)
        #expect(try copy.json(["plan", "list"]).count == 7)
    }

    @Test("restore checks the backup, keeps the replaced ledger, and is refused while acting for an agency")
    func restore() throws {
        let program = try ProgramRun()
        let target = program.folder.appendingPathComponent("backup.sqlite").path
        #expect(program.run(["backup", target]).status == 0)
        _ = program.run(["plan", "add", "--agency", "六龜區", "--title", "備份後新增"])
        #expect(try program.json(["plan", "list"]).count == 7)

        let refused = program.run(["--as", "六龜區", "restore", target])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("還原資料庫由研考會執行"))

        let text = program.folder.appendingPathComponent("notes.txt")
        try Data("不是資料庫".utf8).write(to: text)
        let bad = program.run(["restore", text.path])
        #expect(bad.status == 1)
        #expect(bad.errors.contains("不是 placemaking 資料庫"))

        let restored = program.run(["restore", target])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("原資料庫保留為「\(program.path).before-restore-"))
        #expect(try program.json(["plan", "list"]).count == 6)
        #expect(program.run(["check"]).status == 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: program.folder.path).filter { $0.contains("before-restore") }
        #expect(kept.count == 1)
        let previous = ProgramRun(existing: program.folder.appendingPathComponent(kept[0]).path)
        #expect(try previous.json(["plan", "list"]).count == 7)

        // The restored ledger says who restored it, when, from which file (its SHA-256 and size) and
        // where the replaced one is kept; the backup's own entries come before it.
        let entries = try program.json(["audit", "--table", "ledger"])
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["action"] as? String == "ledger.restore")
        #expect(entry["actor"] as? String == "tester")
        let digest = SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: target)))
        let size = try #require(FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)
        let changes = try #require(entry["changes"] as? String)
        for expected in ["備份檔：\(target)", "SHA-256：\(digest)", "大小（位元組）：\(size.intValue)", "原資料庫保留為：\(program.path).before-restore-"] {
            #expect(changes.contains(expected), "\(changes)")
        }
        let newest = try program.json(["audit", "--limit", "1"])
        #expect(newest.first?["action"] as? String == "ledger.restore")
        #expect(program.run(["--lang", "en", "audit", "--table", "ledger"]).output.contains("backup file：\(target)"))
    }

    @Test("a backup taken while another process writes passes check and restores to a ledger that passes check")
    func backupWhileWriting() throws {
        guard let binary = TmuxSession.binary else { return }
        let program = try ProgramRun()
        Self.admitRealLogin(program)
        let script = (1...400).map { "plan add --agency 六龜區 --title 並行寫入\($0)" }.joined(separator: "\n")
        let writer = try Self.start(binary, ["--db", program.path], input: script)
        defer { if writer.isRunning { writer.terminate() } ; writer.waitUntilExit() }
        var backups: [String] = []
        for index in 1...3 {
            Thread.sleep(forTimeInterval: 0.4)
            let target = program.folder.appendingPathComponent("during-\(index).sqlite").path
            let made = program.run(["backup", target])
            #expect(made.status == 0, "\(made.errors)")
            backups.append(target)
        }
        writer.waitUntilExit()
        var counts: [Int] = []
        for target in backups {
            let copy = ProgramRun(existing: target)
            let checked = copy.run(["check"])
            #expect(checked.status == 0, "\(checked.output)")
            counts.append(try copy.json(["plan", "list"]).count)
        }
        #expect(counts == counts.sorted())
        #expect(program.run(["restore", backups[1]]).status == 0)
        #expect(program.run(["check"]).status == 0)
        #expect(try program.json(["plan", "list"]).count == counts[1])
    }

    /// Starts the program with `input` on its standard input.
    /// The real binary runs as the process's real login, not the tests' `tester`: make that login
    /// staff of `program`'s ledger (created by `tester`), as an administrator would.
    static func admitRealLogin(_ program: ProgramRun) {
        _ = program.run(["agency", "list"])
        _ = program.run(["operator", "add", SystemIdentity.currentLogin, "--role", "staff"])
    }

    static func start(_ binary: String, _ arguments: [String], input: String, output: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["PLACEMAKING_USER": "tester", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = Data(input.utf8)
        DispatchQueue.global().async {
            try? pipe.fileHandleForWriting.write(contentsOf: data)
            try? pipe.fileHandleForWriting.close()
        }
        return process
    }
}
