import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Schema and migrations")
struct SchemaTests {
    /// schema.sql at the project root.
    static let schemaFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema.sql")

    /// Every object of the main schema, as (type, name, normalized SQL), without GRDB's bookkeeping.
    static func objects(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY type, name
            """).map { row in
            let sql: String = row["sql"] ?? ""
            let normalized = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return "\(row["type"] as String) \(row["name"] as String): \(normalized)"
        }
    }

    @Test("a freshly migrated database has exactly the schema of schema.sql")
    func migratedMatchesSchemaFile() throws {
        let test = try TestDatabase()
        let migrated = try test.read(Self.objects)

        let reference = try DatabaseQueue(path: test.folder.appendingPathComponent("reference.sqlite").path)
        try reference.write { db in try db.execute(sql: String(contentsOf: Self.schemaFile, encoding: .utf8)) }
        let documented = try reference.read(Self.objects)

        #expect(migrated.count == documented.count)
        #expect(migrated == documented)
        #expect(migrated.count > 20)
    }

    @Test("column names and record properties convert both ways for every column of every table")
    func columnNaming() throws {
        #expect(ColumnNaming.column(forProperty: "agencyId") == "agency_id")
        #expect(ColumnNaming.column(forProperty: "isPlaceholder") == "is_placeholder")
        #expect(ColumnNaming.property(forColumn: "requested_amount") == "requestedAmount")
        #expect(ColumnNaming.property(forColumn: "id") == "id")
        let test = try TestDatabase()
        let columns = try test.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT c.name FROM sqlite_master t, pragma_table_info(t.name) c
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%'
                """)
        }
        #expect(columns.count > 40)
        for column in columns {
            #expect(ColumnNaming.column(forProperty: ColumnNaming.property(forColumn: column)) == column)
        }
    }

    @Test("a plan's hand-written columns are its properties, and it reads back as written")
    func planColumns() throws {
        let plan = Plan(agencyId: 1, title: "t", status: "構想盤點", submittedOn: "2022-06-30", budget: 5, note: "n",
                        sourceId: nil, sourceSection: nil, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z")
        let properties = Set(Mirror(reflecting: plan).children.compactMap(\.label).map(ColumnNaming.column(forProperty:)))
        #expect(try Set(plan.databaseDictionary.keys) == properties)
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "美濃區", title: "菸樓再生", budget: Money(yuan: 7))
        let stored = try test.read { db in try Plan.fetchOne(db, key: id) }
        #expect(stored?.title == "菸樓再生" && stored?.budget == 7 && stored?.agencyId != nil)
    }

    @Test("every table is STRICT and every table has a comment in schema.sql")
    func strictAndDocumented() throws {
        let text = try String(contentsOf: Self.schemaFile, encoding: .utf8)
        let test = try TestDatabase()
        let tables = try test.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'")
        }
        for table in tables {
            let strict = try test.read { db in try Bool.fetchOne(db, sql: "SELECT strict FROM pragma_table_list WHERE name = ?", arguments: [table]) }
            #expect(strict == true, "\(table) is not STRICT")
            let lines = text.components(separatedBy: "\n")
            let index = try #require(lines.firstIndex(of: "CREATE TABLE \(table) ("))
            #expect(lines[index - 1].hasPrefix("--"), "\(table) has no comment above it")
        }
    }

    @Test("opening an existing database again migrates nothing and keeps the data")
    func reopen() throws {
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "美濃區", title: "美濃菸樓再生")
        let again = try AppDatabase.open(path: test.path, login: "second")
        #expect(try again.plans().strings("title").contains("美濃菸樓再生"))
        #expect(try again.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM plan WHERE id = ?", arguments: [id]) } == 1)
        #expect(try again.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM participation_case") } == 30)
    }

    @Test("the database is in WAL mode with foreign keys on")
    func connectionSettings() throws {
        let test = try TestDatabase()
        #expect(try test.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try test.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
    }

    @Test("the audit log refuses updates and deletes")
    func auditAppendOnly() throws {
        let test = try TestDatabase()
        #expect(throws: DatabaseError.self) { try test.database.writer.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(throws: DatabaseError.self) { try test.database.writer.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
    }

    @Test("a status outside the vocabulary is refused by the schema itself")
    func statusTrigger() throws {
        let test = try TestDatabase()
        #expect(throws: DatabaseError.self) {
            try test.database.writer.write { try $0.execute(sql: "UPDATE plan SET status = '亂寫' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try test.database.writer.write { try $0.execute(sql: "UPDATE plan SET budget = -1 WHERE id = 1") }
        }
    }
}
