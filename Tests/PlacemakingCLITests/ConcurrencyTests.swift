import Foundation
import GRDB
import Testing
import PlacemakingKit

/// The real binary, several copies at once on one file, as 38 offices meet it before a deadline.
@Suite("Concurrent writers", .enabled(if: TmuxSession.binary != nil, "needs the placemaking binary built beside the tests"))
struct ConcurrencyTests {
    struct Output {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs the binary on `database` with `arguments`, in an environment that tries to forge the login.
    static func run(_ database: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary ?? "/nonexistent")
        process.arguments = ["--db", database] + arguments
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "USER": "forged",
                               "LOGNAME": "forged", "PLACEMAKING_USER": "局長（海洋局）"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: String(decoding: err, as: UTF8.self))
    }

    static func newLedger() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ledger.sqlite").path
        #expect(try run(path, ["plan", "list"]).status == 0)
        return (folder, path)
    }

    /// Counts of what the workers saw, shared between their threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var applied = 0, refused = 0
        private(set) var unexpected: [String] = []
        func add(applied a: Int = 0, refused r: Int = 0, unexpected u: String? = nil) {
            lock.lock(); defer { lock.unlock() }
            applied += a
            refused += r
            if let u { unexpected.append(u) }
        }
    }

    @Test("4 processes editing one plan from what they read: each edit applied or refused with who changed it, none lost, no 'locked'")
    func conflictingEdits() throws {
        let (folder, path) = try Self.newLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The issue's full size is 4 × 250 (PLACEMAKING_STRESS_EDITS=250): 2,000 runs of the debug binary,
        // measured at 57 s alone on the 2 shared cores and 88 s beside other work, too long for every CI
        // run; 4 × 50 (about 12 s) meets the same conflicts.
        let perWorker = ProcessInfo.processInfo.environment["PLACEMAKING_STRESS_EDITS"].flatMap(Int.init) ?? 50
        let tally = Tally()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for edit in 0..<perWorker {
                do {
                    let shown = try Self.run(path, ["plan", "show", "1", "--format", "json"])
                    guard shown.status == 0,
                          let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any],
                          let version = object["version"] as? Int else {
                        tally.add(unexpected: "show: \(shown.status) \(shown.errors)")
                        continue
                    }
                    let result = try Self.run(path, ["plan", "edit", "1", "--if-version", String(version), "--note", "w\(worker)-\(edit)"])
                    let said = result.output + result.errors
                    if said.lowercased().contains("locked") { tally.add(unexpected: "locked: \(said)") }
                    if result.status == 0, result.output.contains("已修改") {
                        tally.add(applied: 1)
                    } else if result.status == 1, result.errors.contains("在您讀取（版本 \(version)）之後"), result.errors.contains("修改") {
                        tally.add(refused: 1)
                    } else {
                        tally.add(unexpected: "edit: \(result.status) \(said)")
                    }
                } catch {
                    tally.add(unexpected: "\(error)")
                }
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(tally.unexpected.isEmpty, "\(tally.unexpected.prefix(5))")
        #expect(tally.applied + tally.refused == 4 * perWorker)
        #expect(tally.applied > 0)
        let (version, entries, note) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT version FROM plan WHERE id = 1"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE entity = 'plan' AND entity_id = 1 AND action = 'plan.edit'"),
             try String.fetchOne(db, sql: "SELECT note FROM plan WHERE id = 1"))
        }
        #expect(version == 1 + tally.applied)
        #expect(entries == tally.applied)
        // The last audit entry's row after is the plan as it stands.
        let last = try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT json_extract(after, '$.note') FROM audit_log WHERE entity = 'plan' AND entity_id = 1 ORDER BY id DESC LIMIT 1")
        }
        #expect(last == note)
        print("conflicting edits: 4 × \(perWorker): applied \(tally.applied), refused \(tally.refused), \(String(format: "%.1f", elapsed)) s")
    }

    @Test("a write waits unseen behind a short lock; a long one ends with a Chinese message, never 'database is locked'")
    func waitingForTheLock() throws {
        let (folder, path) = try Self.newLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (seconds, succeeds) in [(1.0, true), (Double(AppDatabase.busyTimeoutSeconds) + 2, false)] {
            let holder = try DatabaseQueue(path: path)
            let locked = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                try? holder.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    locked.signal()
                    Thread.sleep(forTimeInterval: seconds)
                    try db.execute(sql: "ROLLBACK")
                }
                done.signal()
            }
            locked.wait()
            let result = try Self.run(path, ["plan", "edit", "1", "--note", "等候 \(seconds)"])
            done.wait()
            #expect((result.status == 0) == succeeds, "\(result.errors)")
            #expect(!(result.output + result.errors).lowercased().contains("locked"))
            if succeeds {
                #expect(result.errors.isEmpty)
            } else {
                #expect(result.errors.contains("其他人正在寫入資料庫") && result.errors.contains("沒有寫入"), "\(result.errors)")
            }
        }
    }

    @Test("the binary logs the real login, whatever USER, LOGNAME and PLACEMAKING_USER say")
    func realLogin() throws {
        let (folder, path) = try Self.newLedger()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(path, ["plan", "edit", "1", "--note", "誰改的"]).status == 0)
        let actor = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1") }
        #expect(actor == SystemIdentity.currentLogin)
        let operators = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT login || ':' || role FROM operator") }
        #expect(operators == ["\(SystemIdentity.currentLogin):staff"])
    }
}
