import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Read-only SQL connection")
struct ReadOnlySQLTests {
    /// What a refused statement must leave as it was: every table's rows, the file's integrity, and the
    /// writing connection's settings.
    struct State: Equatable {
        var counts: [String: Int]
        var integrity: [String]
        var userVersion: Int
        var writerPragmas: [Int]
    }

    func state(_ test: TestDatabase) throws -> State {
        try State(
            counts: test.tableCounts(),
            integrity: test.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") },
            userVersion: test.count("PRAGMA user_version"),
            writerPragmas: test.read { db in
                try ["ignore_check_constraints", "query_only", "writable_schema", "trusted_schema", "foreign_keys"].map {
                    try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1
                }
            })
    }

    /// Runs `sql` expecting it refused with `refusal`, and checks that nothing changed.
    func expectRefused(_ sql: String, _ refusal: PlacemakingError.SQLRefusal, in test: TestDatabase,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try state(test)
        #expect(throws: PlacemakingError.sqlRefused(refusal), sourceLocation: sourceLocation) {
            try test.database.query(sql)
        }
        #expect(try state(test) == before, sourceLocation: sourceLocation)
    }

    @Test("PRAGMAs that change settings or values are refused, whichever way they are written", arguments: [
        ("PRAGMA ignore_check_constraints(1)", "ignore_check_constraints"),
        ("PRAGMA ignore_check_constraints = 1", "ignore_check_constraints"),
        ("PRAGMA query_only(0)", "query_only"),
        ("PRAGMA writable_schema(1)", "writable_schema"),
        ("PRAGMA user_version = 5", "user_version"),
        ("pragma main.schema_version = 1", "schema_version"),
        ("PRAGMA journal_mode", "journal_mode"),
        ("SELECT * FROM pragma_journal_mode", "journal_mode"),
    ])
    func pragmas(_ sql: String, _ name: String) throws {
        let test = try TestDatabase()
        try expectRefused(sql, .pragma(name), in: test)
        #expect(PlacemakingError.sqlRefused(.pragma(name)).message().hasPrefix("sql 只能讀取資料"))
    }

    @Test("after a refused ignore_check_constraints, the writer still enforces CHECK constraints")
    func checksStillEnforced() throws {
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.self) { try test.database.query("PRAGMA ignore_check_constraints(1)") }
        #expect(try test.count("PRAGMA ignore_check_constraints") == 0)
        let before = try test.tableCounts()
        #expect(throws: (any Error).self) { _ = try test.database.addCase(year: 5000, title: "不合法的年度") }
        #expect(throws: DatabaseError.self) {
            try test.database.writer.write { try $0.execute(sql: "UPDATE plan SET budget = -1 WHERE id = 1") }
        }
        #expect(try test.tableCounts() == before)
    }

    @Test("ATTACH is refused, even behind a comment, and creates no file")
    func attach() throws {
        let test = try TestDatabase()
        let other = test.folder.appendingPathComponent("other.db").path
        try expectRefused("/* x */ ATTACH '\(other)' AS o", .attach, in: test)
        try expectRefused("attach database '\(other)' as o", .attach, in: test)
        try expectRefused("DETACH o", .attach, in: test)
        #expect(!FileManager.default.fileExists(atPath: other))
    }

    @Test("functions that load code, read files or show memory are refused", arguments: [
        ("SELECT load_extension('x')", "load_extension"),
        ("SELECT fts3_tokenizer('simple')", "fts3_tokenizer"),
        ("SELECT readfile('/etc/passwd')", "readfile"),
        ("SELECT writefile('/tmp/x', 'y')", "writefile"),
        ("SELECT name FROM agency WHERE Load_Extension(name) IS NULL", "load_extension"),
    ])
    func functions(_ sql: String, _ name: String) throws {
        let test = try TestDatabase()
        let before = try state(test)
        // readfile, writefile and edit exist only in the sqlite3 shell: SQLite says there is no such
        // function before asking the authorizer. Either way the statement does not run.
        #expect(throws: (any Error).self) { try test.database.query(sql) }
        if ["load_extension", "fts3_tokenizer"].contains(name.lowercased()) {
            #expect(throws: PlacemakingError.sqlRefused(.function(name))) { try test.database.query(sql) }
        }
        #expect(try state(test) == before)
    }

    @Test("writes, schema changes, transactions and maintenance are refused", arguments: [
        ("INSERT INTO plan (agency_id, status, created_at, updated_at) VALUES (1, '構想盤點', 'x', 'x')", PlacemakingError.SQLRefusal.writes),
        ("UPDATE plan SET title = 'x'", .writes),
        ("DELETE FROM plan", .writes),
        ("WITH x AS (SELECT 1) DELETE FROM plan", .writes),
        ("CREATE TEMP TABLE t(x)", .writes),
        ("CREATE TABLE t(x)", .writes),
        ("CREATE TEMP VIEW v AS SELECT 1", .writes),
        ("DROP TABLE plan", .writes),
        ("ALTER TABLE plan ADD COLUMN x", .writes),
        ("UPDATE sqlite_master SET type = 'x'", .writes),
        ("REPLACE INTO agency (id) VALUES (1)", .writes),
        ("BEGIN", .transaction),
        ("COMMIT", .transaction),
        ("SAVEPOINT s", .transaction),
        ("VACUUM", .maintenance("VACUUM")),
        ("/* c */ VACUUM INTO 'copy.sqlite'", .maintenance("VACUUM")),
        ("ANALYZE", .maintenance("ANALYZE")),
        ("REINDEX", .maintenance("REINDEX")),
        ("SELECT 1; DELETE FROM plan", .multipleStatements),
        ("SELECT 1;DROP TABLE plan;", .multipleStatements),
        ("SELECT 1; SELECT 2", .multipleStatements),
    ])
    func writes(_ sql: String, _ refusal: PlacemakingError.SQLRefusal) throws {
        let test = try TestDatabase()
        try expectRefused(sql, refusal, in: test)
        #expect(!FileManager.default.fileExists(atPath: "copy.sqlite"))
    }

    @Test("refusals explain in Chinese and in English, never with SQLite's words")
    func messages() throws {
        let test = try TestDatabase()
        do {
            _ = try test.database.query("PRAGMA ignore_check_constraints(1)")
            Issue.record("not refused")
        } catch let error as PlacemakingError {
            #expect(error.message().contains("sql 只能讀取資料"))
            #expect(error.message().contains("table_info"))
            #expect(error.message(.english).contains("sql can only read"))
            #expect(!error.message().contains("authorized"))
        }
        #expect(PlacemakingError.sqlRefused(.writes).message().contains("plan、case"))
        #expect(PlacemakingError.queryTimedOut(seconds: 10).message() == "查詢超過 10 秒已中止；請縮小範圍（加上 WHERE 或 LIMIT）")
        #expect(PlacemakingError.queryInterrupted.message() == "查詢已中斷")
        #expect(PlacemakingError.queryInterrupted.message(.english) == "query interrupted")
    }

    @Test("a typo is explained as a syntax error with SQLite's own words kept, not a refusal")
    func typo() throws {
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.storage(.syntax, detail: "near \"SELEC\": syntax error")) { try test.database.query("SELEC 1") }
        #expect(throws: PlacemakingError.storage(.syntax, detail: "no such column: nosuchcolumn")) {
            try test.database.query("SELECT nosuchcolumn FROM plan")
        }
    }

    @Test("reads answer correctly", arguments: [
        "SELECT count(*) FROM plan",
        "  SELECT count(*) FROM plan ; -- trailing comment\n  ",
        "/* leading */ SELECT count(*) FROM plan /* trailing */",
    ])
    func reads(_ sql: String) throws {
        let test = try TestDatabase()
        let table = try test.database.query(sql)
        #expect(table.rows == [[.integer(Int64(try test.count("SELECT count(*) FROM plan")))]])
    }

    @Test("read-only PRAGMAs, recursive CTEs and plain functions work")
    func allowed() throws {
        let test = try TestDatabase()
        #expect(try test.database.query("PRAGMA table_info(plan)").strings("name").contains("budget"))
        #expect(try test.database.query("SELECT value FROM json_each('[1,2]')").rows == [[.integer(1)], [.integer(2)]])
        #expect(try test.database.query("SELECT name FROM pragma_table_info('plan')").strings("name").contains("budget"))
        #expect(try test.database.query("PRAGMA integrity_check").strings("integrity_check") == ["ok"])
        #expect(try test.database.query("PRAGMA quick_check").strings("quick_check") == ["ok"])
        #expect(try test.database.query("PRAGMA foreign_key_check").rows.isEmpty)
        #expect(try test.database.query("PRAGMA index_list(plan)").columns.count > 0)
        #expect(try test.database.query("PRAGMA user_version").rows.count == 1)
        let counted = try test.database.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100) SELECT count(*), sum(x) FROM c")
        #expect(counted.rows == [[.integer(100), .integer(5050)]])
        let functions = try test.database.query("""
            SELECT upper('a'), length('六龜'), printf('%05d', 7), date('2022-06-30', '+1 day'), json_extract('{"a":1}', '$.a'),
                   '{"a":2}' ->> '$.a', coalesce(NULL, 3), group_concat(x) OVER () FROM (SELECT 1 AS x)
            """)
        #expect(functions.rows == [[.text("A"), .integer(2), .text("00007"), .text("2022-07-01"), .integer(1), .integer(2), .integer(3), .text("1")]])
    }

    @Test("the reader sees what the writer has committed")
    func seesCommittedWrites() throws {
        let test = try TestDatabase()
        let before = try test.database.query("SELECT count(*) FROM participation_case").rows
        _ = try test.database.addCase(year: 112, title: "新的案件")
        let after = try test.database.query("SELECT count(*) FROM participation_case").rows
        guard case .integer(let b) = before.first?.first, case .integer(let a) = after.first?.first else {
            Issue.record("no count")
            return
        }
        #expect(a == b + 1)
        #expect(try test.database.query("SELECT title FROM participation_case ORDER BY id DESC LIMIT 1").strings("title") == ["新的案件"])
    }

    @Test("a runaway recursive query stops at the time limit")
    func timeLimit() throws {
        let test = try TestDatabase()
        let start = Date()
        #expect(throws: PlacemakingError.queryTimedOut(seconds: 0.5)) {
            try test.database.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c", timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(PlacemakingError.queryTimedOut(seconds: 0.5).message().hasPrefix("查詢超過 0.5 秒已中止"))
        // The next query is not affected.
        #expect(try test.database.query("SELECT 1").rows == [[.integer(1)]])
    }

    @Test("an interrupt stops a running query, and an interrupt before it started does not")
    func interrupt() throws {
        let test = try TestDatabase()
        let database = test.database
        let flag = Flag()
        // A thread of its own sets the flag: the test pool's threads may all be busy with other tests.
        let setter = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            flag.set()
        }
        setter.start()
        let start = Date()
        #expect(throws: PlacemakingError.queryInterrupted) {
            try database.query("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c",
                               timeout: 30, isInterrupted: { flag.isSet })
        }
        #expect(Date().timeIntervalSince(start) < 5.3)
        // The process-wide check notes the count at the start: nothing has been interrupted yet.
        #expect(ReadOnlyConnection.interruptedFromNow()() == false)
    }

    @Test("the timeout comes from PLACEMAKING_SQL_TIMEOUT when it is a positive number")
    func timeoutSetting() {
        #expect(AppDatabase.queryTimeout(in: [:]) == 10)
        #expect(AppDatabase.queryTimeout(in: ["PLACEMAKING_SQL_TIMEOUT": "1"]) == 1)
        #expect(AppDatabase.queryTimeout(in: ["PLACEMAKING_SQL_TIMEOUT": "0.25"]) == 0.25)
        #expect(AppDatabase.queryTimeout(in: ["PLACEMAKING_SQL_TIMEOUT": "0"]) == 10)
        #expect(AppDatabase.queryTimeout(in: ["PLACEMAKING_SQL_TIMEOUT": "abc"]) == 10)
    }

    @Test("an in-memory database refuses sql rather than run it on the writing connection")
    func inMemory() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: PlacemakingError.sqlRefused(.inMemory)) { try database.query("SELECT 1") }
    }
}

/// A flag one task sets and a query's progress handler reads on another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
