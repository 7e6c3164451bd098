import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// `kill -9` at random moments of real writes by the real binary: the file must pass `check` every
/// time, and every write must be there whole or not at all.
@Suite("Crash safety", .serialized)
struct CrashTests {
    @Test("kill -9 at 8 random moments of a 20,000-command script: check passes and plans equal their committed adds")
    func killDuringScript() throws {
        guard let binary = TmuxSession.binary else { return }  // no built binary beside the tests
        let program = try ProgramRun()
        FileCommandTests.admitRealLogin(program)
        let seeded = try program.json(["plan", "list"]).count
        let script = (1...20_000).map { "plan add --agency 六龜區 --title 中斷測試\($0) --budget 100萬" }.joined(separator: "\n")
        var random = FuzzRandom(seed: 0x0C2A_5419)
        var previous = seeded
        for round in 1...8 {
            let output = OutputCollector()
            let process = try FileCommandTests.start(binary, ["--db", program.path], input: script, output: output.pipe)
            // Killed a random moment after the writing has begun (start-up is slow under a loaded test run).
            let deadline = Date().addingTimeInterval(30)
            while output.text.isEmpty, process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: Double(random.next(below: 600)) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = output.finish().split(separator: "\n").filter { $0.hasPrefix("已新增") }.count

            let checked = program.run(["check"])
            #expect(checked.status == 0, "round \(round): \(checked.output)\(checked.errors)")
            let plans = try program.json(["plan", "list"]).count
            let adds = try Self.count(program, "SELECT count(*) FROM audit_log WHERE action = 'plan.submit'")
            // Each add is one transaction: its plan, history entry and audit entry exist together or not at all.
            #expect(plans == seeded + adds, "round \(round)")
            #expect(try Self.count(program, "SELECT count(*) FROM status_history WHERE entity = 'plan'") == plans)
            // What the program reported done is there; at most the one add under way when killed was not reported.
            #expect(plans - previous >= printed && plans - previous <= printed + 1, "round \(round): \(plans - previous) added, \(printed) reported")
            previous = plans
        }
        #expect(previous > seeded)
    }

    @Test("kill -9 during restore, the program's one large transaction: the ledger is the old one or the backup, whole")
    func killDuringRestore() throws {
        guard let binary = TmuxSession.binary else { return }
        let program = try ProgramRun()
        let script = (1...300).map { "plan add --agency 六龜區 --title 備份內容\($0) --note \(String(repeating: "說明", count: 500))" }
        _ = program.run(["-c", script.joined(separator: "\n")])
        let backup = program.folder.appendingPathComponent("large.sqlite").path
        #expect(program.run(["backup", backup]).status == 0)
        let large = try program.json(["plan", "list"]).count
        let empty = program.folder.appendingPathComponent("empty.sqlite").path
        let small = ProgramRun(existing: empty)
        FileCommandTests.admitRealLogin(small)
        let smallCount = try small.json(["plan", "list"]).count
        var random = FuzzRandom(seed: 0x4E57_02E)
        var outcomes: Set<Int> = []
        for round in 1...6 {
            let process = try FileCommandTests.start(binary, ["--db", empty, "restore", backup], input: "")
            Thread.sleep(forTimeInterval: Double(random.next(below: 400)) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let checked = small.run(["check"])
            #expect(checked.status == 0, "round \(round): \(checked.output)\(checked.errors)")
            let plans = try small.json(["plan", "list"]).count
            #expect(plans == smallCount || plans == large, "round \(round): \(plans) plans")
            // The restore's audit entry goes in with the restored content, in the same copy.
            let restores = try Self.count(small, "SELECT count(*) FROM audit_log WHERE action = 'ledger.restore'")
            #expect(restores == (plans == large ? 1 : 0), "round \(round): \(restores) restore entries")
            outcomes.insert(plans)
            if plans == large { _ = small.run(["restore", program.path]) }
        }
        // A kill while the replaced ledger is being kept may leave its `.NAME.partial-…` file (nothing can
        // clean up after SIGKILL); it never takes a real name, so it is never mistaken for a backup.
        #expect(!outcomes.isEmpty)
    }

    /// A 100,000-row CSV of plans for seeded agencies, with titles no ledger has.
    static func hundredThousandPlans(in folder: URL) throws -> URL {
        let agencies = ["六龜區", "美濃區", "旗山區", "甲仙區", "茂林區"]
        var text = "機關,計畫名稱,提報日期\n"
        text.reserveCapacity(4_000_000)
        for row in 0..<100_000 {
            text += "\(agencies[row % agencies.count]),中斷匯入\(row + 1),112/03/\(String(format: "%02d", row % 28 + 1))\n"
        }
        let file = folder.appendingPathComponent("plans-100000.csv")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test("kill -9 at 20 random moments of a 100,000-row import: check passes and the import is there whole or not at all")
    func killDuringImport() throws {
        guard let binary = TmuxSession.binary else { return }
        let program = try ProgramRun()
        let csv = try Self.hundredThousandPlans(in: program.folder)
        // A ledger made by the binary, so the real login is its staff; each round imports into a fresh copy.
        let pristine = program.folder.appendingPathComponent("pristine.sqlite").path
        let made = try FileCommandTests.start(binary, ["--db", pristine, "plan", "list"], input: "")
        made.waitUntilExit()
        #expect(made.terminationStatus == 0)
        let ledger = program.folder.appendingPathComponent("ledger.sqlite").path
        func fresh() throws -> ProgramRun {
            for file in [ledger] + ["-wal", "-shm"].map({ ledger + $0 }) { try? FileManager.default.removeItem(atPath: file) }
            try FileManager.default.copyItem(atPath: pristine, toPath: ledger)
            return ProgramRun(existing: ledger)
        }
        func startImport() throws -> Process {
            try FileCommandTests.start(binary, ["--db", ledger, "import", "plans", csv.path], input: "")
        }
        /// Sound, and the 100,000 plans there whole (with their history and one import entry) or not at all.
        func verify(_ copy: ProgramRun, _ round: String) throws -> Bool {
            let checked = copy.run(["check"])
            #expect(checked.status == 0, "\(round): \(checked.output)\(checked.errors)")
            let plans = try Self.count(copy, "SELECT count(*) FROM plan")
            #expect(plans == before || plans == before + 100_000, "\(round): \(plans - before) plans added")
            #expect(try Self.count(copy, "SELECT count(*) FROM status_history WHERE entity = 'plan'") == plans, "\(round)")
            #expect(try Self.count(copy, "SELECT count(*) FROM audit_log WHERE action = 'plan.import' AND entity = 'plan'")
                    == plans - before, "\(round)")
            #expect(try Self.count(copy, "SELECT count(*) FROM audit_log WHERE action = 'plan.import' AND entity = 'source_document'")
                    == (plans == before ? 0 : 1), "\(round)")
            return plans == before + 100_000
        }
        let before = try Self.count(try fresh(), "SELECT count(*) FROM plan")

        // Uninterrupted first: the whole case, and how long one import takes here.
        var started = Date()
        let whole = try startImport()
        let deadline = Date().addingTimeInterval(600)
        while whole.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if whole.isRunning { kill(whole.processIdentifier, SIGKILL) }
        whole.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(whole.terminationStatus == 0)
        #expect(try verify(ProgramRun(existing: ledger), "uninterrupted"))

        // Kill moments uniform over the whole import (and a little after) with PLACEMAKING_STRESS_KILLS=full,
        // about ten imports' time. By default, so that the test stays near two minutes: 19 over the first
        // 5 s (start-up, reading the file, the first rows of the one transaction) and the last one around
        // the end (the last rows and the commit), within ±10 % of the measured duration.
        let full = ProcessInfo.processInfo.environment["PLACEMAKING_STRESS_KILLS"] == "full"
        var random = FuzzRandom(seed: 0x1_0000_0C2A)
        var outcomes = (whole: 0, nothing: 0)
        started = Date()
        for round in 1...20 {
            let window = full ? 0...(duration * 1.1) : round == 20 ? (duration * 0.9)...(duration * 1.1) : 0...min(duration, 5)
            let copy = try fresh()
            let process = try startImport()
            let moment = window.lowerBound + (window.upperBound - window.lowerBound) * Double(random.next(below: 10_000)) / 10_000
            let end = Date().addingTimeInterval(moment)
            while process.isRunning, Date() < end { Thread.sleep(forTimeInterval: 0.005) }
            // One that finished before its moment is the whole case.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if try verify(copy, "round \(round) (\(String(format: "%.2f", moment)) s)") { outcomes.whole += 1 } else { outcomes.nothing += 1 }
        }
        print("kill during a 100,000-row import: one import \(String(format: "%.1f", duration)) s; 20 kills\(full ? " over all of it" : ""): "
              + "\(outcomes.whole) whole, \(outcomes.nothing) nothing, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    static func count(_ program: ProgramRun, _ sql: String) throws -> Int {
        let result = program.run(["sql", sql, "--format", "csv"])
        let last = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(Int(last), "\(result.output)\(result.errors)")
    }
}

/// Reads a child's standard output as it comes, so a test can wait for its first line.
final class OutputCollector: @unchecked Sendable {
    let pipe = Pipe()
    private let lock = NSLock()
    private var data = Data()

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.data.append(chunk) }
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Everything the child wrote, once it has ended.
    func finish() -> String {
        pipe.fileHandleForReading.readabilityHandler = nil
        let rest = pipe.fileHandleForReading.readDataToEndOfFile()
        return lock.withLock { data.append(rest); return String(decoding: data, as: UTF8.self) }
    }
}
