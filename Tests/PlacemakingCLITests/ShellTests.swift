import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

@Suite("The shell")
struct ShellTests {
    @Test("words split like a POSIX shell, without executing anything")
    func tokenizer() throws {
        #expect(try ShellTokenizer.split("plan add --agency 六龜區 --title '山城 創生'") == ["plan", "add", "--agency", "六龜區", "--title", "山城 創生"])
        #expect(try ShellTokenizer.split(#"a "b \"c\" \n" d\ e"#) == ["a", #"b "c" \n"#, "d e"])
        #expect(try ShellTokenizer.split("  ") == [])
        #expect(try ShellTokenizer.split("a ''") == ["a", ""])
        #expect(try ShellTokenizer.split("$(rm -rf /) `x`") == ["$(rm", "-rf", "/)", "`x`"])
        #expect(throws: ShellTokenizer.Problem.unclosedQuote("'")) { try ShellTokenizer.split("a 'b") }
    }

    @Test("a script runs every line and exits non-zero when one failed; --bail stops at the first")
    func scripts() throws {
        let program = try ProgramRun()
        let script = """
            # a comment
            plan add --agency 六龜區 --title 第一案
            plan add --agency 不存在 --title 壞的

            plan add --agency 六龜區 --title 跨行的備註 --note '第一行
            第二行'
            plan add --agency 甲仙區 \\
              --title 續行
            """
        let result = program.run(["-c", script])
        #expect(result.status == 1)
        #expect(result.errors.contains("找不到機關「不存在」"))
        let titles = try program.json(["plan", "list"]).compactMap { $0["title"] as? String }
        #expect(titles == ["第一案", "跨行的備註", "續行"])

        let bailed = program.run(["--bail", "-c", "plan add --agency 不存在 --title x\nplan add --agency 六龜區 --title 不會執行"])
        #expect(bailed.status == 1)
        #expect(try program.json(["plan", "list"]).count == 9)
    }

    @Test("output is the same from the shell and as a one-shot command")
    func sameOutput() throws {
        let program = try ProgramRun()
        for command in ["plan list", "case list --year 111 --format csv", "plan show 1 --format json", "agency list"] {
            let oneShot = program.run(command.split(separator: " ").map(String.init))
            let shell = program.run(["-c", command])
            #expect(oneShot.output == shell.output)
            #expect(!oneShot.output.isEmpty)
        }
    }

    @Test("blank lines, lone semicolons, comments and help never fail")
    func harmlessLines() throws {
        let program = try ProgramRun()
        let result = program.run(["-c", "\n;\n   \n-- comment\nhelp\nhelp plan\nplan\nquit\nplan add --agency 六龜區 --title 不會執行"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("plan"))
        #expect(try program.json(["plan", "list"]).count == 6)
    }
}

@Suite("Read-only SQL")
struct SQLTests {
    @Test("sql answers questions", arguments: [
        "SELECT name FROM agency WHERE town_code = '64000320'",
        "WITH x AS (SELECT 1 AS n) SELECT n FROM x",
        "PRAGMA table_info(plan)",
    ])
    func reads(_ statement: String) throws {
        let program = try ProgramRun()
        let result = program.run(["sql", statement])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.isEmpty)
    }

    @Test("sql cannot change the database by any statement", arguments: [
        "INSERT INTO plan (agency_id, status, created_at, updated_at) VALUES (1, '構想盤點', 'x', 'x')",
        "UPDATE plan SET title = 'x'",
        "DELETE FROM plan",
        "DROP TABLE plan",
        "CREATE TABLE t (x)",
        "ATTACH DATABASE 'other.sqlite' AS other",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "SELECT 1; DELETE FROM plan",
        "SELECT 1;DROP TABLE plan;",
        "VACUUM",
        "VACUUM INTO 'copy.sqlite'",
        "REINDEX",
        "BEGIN",
        "WITH x AS (SELECT 1) DELETE FROM plan",
    ])
    func refusesWrites(_ statement: String) throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let before = program.bytes
        let result = program.run(["sql", statement])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.errors.hasPrefix("錯誤："))
        #expect(program.bytes == before)
        #expect(!FileManager.default.fileExists(atPath: program.folder.appendingPathComponent("other.sqlite").path))
        #expect(!FileManager.default.fileExists(atPath: "copy.sqlite"))
        #expect(try program.json(["plan", "list"]).count == 6)
    }

    @Test("dot commands: .tables, .schema, .mode, .headers, .once")
    func dotCommands() throws {
        let program = try ProgramRun()
        let out = program.folder.appendingPathComponent("once.csv").path
        let result = program.run(["-c", ".tables\n.schema agency\n.mode csv\n.headers off\nagency list --kind partner\n.once \(out)\nagency list --kind ministry\nagency list --kind partner\n.nope"])
        #expect(result.status == 1)  // .nope
        #expect(result.output.contains("participation_case"))
        #expect(result.output.contains("CREATE TABLE agency"))
        #expect(result.output.contains("301,南區輔導中心") || result.output.contains(",南區輔導中心,"))
        #expect(!result.output.contains("經濟部"))        // went to the file
        let file = try String(contentsOfFile: out, encoding: .utf8)
        #expect(file.contains("經濟部"))
        #expect(!file.contains("南區輔導中心"))
        #expect(result.errors.contains(".nope"))
    }
}

@Suite("Read-only SQL limits")
struct SQLLimitTests {
    @Test("a runaway query stops at PLACEMAKING_SQL_TIMEOUT with exit 1 and a Chinese message")
    func timeLimit() throws {
        let program = try ProgramRun()
        _ = program.run(["agency", "list"])
        let before = program.bytes
        let start = Date()
        let result = program.run(["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"],
                                 environment: ["PLACEMAKING_SQL_TIMEOUT": "1"])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(result.status == 1)
        #expect(result.errors == "錯誤：查詢超過 1 秒已中止；請縮小範圍（加上 WHERE 或 LIMIT）\n")
        #expect(program.bytes == before)
    }

    @Test("a refused PRAGMA says what sql can do, and the next write still obeys CHECK constraints")
    func refusedPragma() throws {
        let program = try ProgramRun()
        let result = program.run(["sql", "PRAGMA ignore_check_constraints(1)"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("錯誤：sql 只能讀取資料"), "\(result.errors)")
        #expect(!result.errors.contains("authorized"))
        let english = program.run(["--lang", "en", "sql", "SELECT load_extension('x')"])
        #expect(english.status == 1)
        #expect(english.errors.contains("does not allow the function load_extension()"), "\(english.errors)")
    }
}
