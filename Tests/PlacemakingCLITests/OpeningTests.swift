import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// What happens before a command runs: help and the version need no database, and a file that is not
/// a ledger is refused in one line without being created or changed.
@Suite("Opening a ledger")
struct OpeningTests {
    var fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }

    @Test("help, --help, help plan add and --version never create a database file",
          arguments: [["help"], ["--help"], ["help", "plan", "add"], ["plan", "add", "--help"], ["--version"], ["?", "plan"]])
    func helpCreatesNothing(_ arguments: [String]) throws {
        let program = try ProgramRun()
        let result = program.run(arguments)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.isEmpty)
        #expect(!fileExists(program.path), "help created \(program.path)")
    }

    @Test("--version prints the program and schema versions")
    func version() throws {
        let result = try ProgramRun().run(["--version"])
        #expect(result.output.hasPrefix("placemaking \(PlacemakingVersion.current)"))
        #expect(result.output.contains("schema \(AppDatabase.schemaVersion)"))
    }

    @Test("help for a command that does not exist says so and suggests the nearest")
    func helpUnknown() throws {
        let program = try ProgramRun()
        let result = program.run(["help", "plan", "ad"])
        #expect(result.status == 2)
        #expect(result.errors.contains("沒有「plan ad」這個指令"))
        #expect(result.errors.contains("help plan add"))
        let export = program.run(["help", "exprt"])
        #expect(export.status == 2)
        #expect(export.errors.contains("沒有「exprt」這個指令"))
        #expect(export.errors.contains("help export"))
    }

    @Test("a text file is refused as not a ledger, in one line, byte for byte unchanged")
    func notSQLite() throws {
        let program = try ProgramRun()
        let original = Data("名單\n六龜區,1\n".utf8)
        try original.write(to: URL(fileURLWithPath: program.path))
        let result = program.run(["plan", "list"])
        #expect(result.status == 1)
        #expect(result.errors == "錯誤：「\(program.path)」不是 placemaking 資料庫（不是 SQLite 檔案）；請用 --db 指定正確的檔案，或指定新檔名以建立新資料庫\n")
        #expect(program.bytes == original)
        #expect(!fileExists(program.path + "-wal"))
    }

    @Test("another program's SQLite file is refused and left unchanged (no migration table, no WAL)")
    func foreignSQLite() throws {
        let program = try ProgramRun()
        let foreign = try DatabaseFixture.create(at: program.path, sql: "CREATE TABLE plan (x TEXT); INSERT INTO plan VALUES ('theirs');")
        let before = program.bytes
        let result = program.run(["plan", "list"])
        #expect(result.status == 1)
        #expect(result.errors.contains("不是 placemaking 資料庫（是其他程式的 SQLite 檔案），未做任何變更"))
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(program.bytes == before, "\(foreign)")
        #expect(!fileExists(program.path + "-wal"))
    }

    @Test("an empty file becomes a new ledger")
    func emptyFile() throws {
        let program = try ProgramRun()
        try Data().write(to: URL(fileURLWithPath: program.path))
        let result = program.run(["plan", "list", "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("六龜區"))
    }

    @Test("-c A -c B runs both; a # after a command is a comment")
    func severalCommands() throws {
        let program = try ProgramRun()
        let result = program.run(["-c", "agency list --kind partner --format csv  # 合作單位", "-c", "statuses event --format csv"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("南區輔導中心"))
        #expect(result.output.contains("延期"))
    }
}

/// Makes an SQLite file with the `sqlite3` shell's format but not ours, without going through the program.
enum DatabaseFixture {
    static func create(at path: String, sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()", path, sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }
}
