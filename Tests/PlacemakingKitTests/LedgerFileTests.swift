import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

/// How a ledger file is created and opened: its application id, its mode, the names that are not files,
/// and read-only files. Root may write any file, so the read-only decision is tested as a function and
/// the read-only open by choosing the mode; `chmod` alone proves nothing when the tests run as root.
@Suite("Ledger files")
struct LedgerFileTests {
    @Test("a new ledger carries the application id PLMK and is created 0600, its -wal and -shm too")
    func applicationIDAndMode() throws {
        let test = try TestDatabase()
        #expect(try test.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0x504C_4D4B)
        _ = try test.database.submitPlan(agency: "美濃區", title: "美濃菸樓再生")
        for file in [test.path, test.path + "-wal", test.path + "-shm"] {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o777 == 0o600, "\(file) is \(String(mode.intValue, radix: 8))")
        }
    }

    @Test("'', :memory: and a folder are refused; a file: name is a file, not a URI", arguments: ["", ":memory:", "FOLDER"])
    func notFiles(_ given: String) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let path = given == "FOLDER" ? folder : given
        #expect(throws: PlacemakingError.self) { try AppDatabase.open(path: path, login: "tester") }
        #expect(try LedgerPath.checked("file:x.sqlite?mode=memory") == "./file:x.sqlite?mode=memory")
    }

    @Test("a file made before application ids (migration table only) opens and gets the id")
    func olderFile() throws {
        let test = try TestDatabase()
        try test.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 0; DELETE FROM grdb_migrations WHERE identifier = '0005 application id'")
        }
        let again = try AppDatabase.open(path: test.path, login: "tester")
        #expect(try again.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == LedgerFileCheck.applicationID)
    }

    @Test("a file with another application id, or from a newer version, is refused with one line and left unchanged")
    func refused() throws {
        let test = try TestDatabase()
        try test.database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let other = test.folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 42; CREATE TABLE t (x)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: PlacemakingError.notALedger(path: other, reason: .foreignTables)) { try AppDatabase.open(path: other, login: "tester") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)

        try test.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('0099 from the future')")
        }
        do {
            _ = try AppDatabase.open(path: test.path, login: "tester")
            Issue.record("a newer ledger was opened")
        } catch let error as PlacemakingError {
            let known = try AppDatabase.migrator(clock: Date.init).migrations.count
            #expect(error == .notALedger(path: test.path, reason: .newerVersion(found: "\(known + 1) (0099 from the future)")))
            #expect(error.message().contains("資料庫結構版本 \(known + 1) (0099 from the future)"))
        }
    }

    @Test("the read-only decision: a file or folder this user may not write opens for reading",
          arguments: [
            (true, true, true, false, OpenMode.readWrite), (false, false, false, false, .readWrite),
            (true, false, true, false, .readOnly), (true, true, false, true, .readOnly),
            (true, true, false, false, .immutable), (true, false, false, false, .immutable),
          ])
    func decision(exists: Bool, file: Bool, folder: Bool, companions: Bool, expected: OpenMode) {
        #expect(OpenMode.decide(exists: exists, fileWritable: file, folderWritable: folder, companionsPresent: companions) == expected)
    }

    @Test("a ledger opened read-only (with locks, or immutable) reads, and refuses writes with 資料庫是唯讀的", arguments: [OpenMode.readOnly, .immutable])
    func readOnly(_ mode: OpenMode) throws {
        let test = try TestDatabase()
        _ = try test.database.submitPlan(agency: "美濃區", title: "美濃菸樓再生")
        try test.database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try test.database.writer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: test.path))
        let database = try AppDatabase.open(path: test.path, mode: mode, login: "t", clock: Date.init)
        #expect(try database.plans().strings("title").contains("美濃菸樓再生"))
        #expect(try database.check().isEmpty)
        do {
            _ = try database.submitPlan(agency: "美濃區", title: "不會寫入")
            Issue.record("a read-only ledger took a write")
        } catch let error as PlacemakingError {
            #expect(error == .ledgerReadOnly(path: test.path))
            #expect(error.message().hasPrefix("資料庫是唯讀的"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: test.path)) == bytes)
    }

    @Test("the immutable URI escapes what SQLite would read as URI syntax")
    func immutableURI() {
        #expect(OpenMode.immutable.sqlitePath("/srv/a b?#%.sqlite") == "file:/srv/a%20b%3F%23%25.sqlite?immutable=1")
        #expect(OpenMode.readOnly.sqlitePath("x.sqlite") == "x.sqlite")
    }
}
