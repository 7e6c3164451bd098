import Foundation
import GRDB

extension AppDatabase {
    /// The versioned migrations. Each runs once, in its own transaction; released ones never change.
    static func migrator(clock: @escaping @Sendable () -> Date) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001 ledger") { db in
            try db.execute(sql: try migrationSQL("0001_ledger"))
        }
        // Seeding is a migration so that a new database gets it exactly once.
        migrator.registerMigration("0001 seed reference data and 111 facts") { db in
            try seed(db, at: clock())
        }
        migrator.registerMigration("0002 agency names") { db in try db.execute(sql: try migrationSQL("0002_agency_names")) }
        migrator.registerMigration("0003 operators") { db in try db.execute(sql: try migrationSQL("0003_operators")) }
        migrator.registerMigration("0004 record versions") { db in try db.execute(sql: try migrationSQL("0004_record_versions")) }
        // Marks the file as a ledger in its header, so that it is known before any table is read.
        migrator.registerMigration("0005 application id") { db in
            try db.execute(sql: "PRAGMA application_id = \(LedgerFileCheck.applicationID)")
        }
        migrator.registerMigration("0006 import look-ups") { db in try db.execute(sql: try migrationSQL("0006_import_lookups")) }
        return migrator
    }

    /// The schema version of this program: how many migrations it knows (the last one's name after it).
    public static var schemaVersion: String {
        let migrations = (try? migrator(clock: Date.init).migrations) ?? []
        return "\(migrations.count) (\(migrations.last ?? "?"))"
    }

    /// The SQL of a migration file (compiled in from `Database/Migrations/NAME.sql`).
    static func migrationSQL(_ name: String) throws -> String {
        guard let sql = EmbeddedSQL.migrations.first(where: { $0.name == name })?.sql else {
            throw PlacemakingError.programDefect("migration \(name).sql is not compiled into the program")
        }
        return sql
    }

    /// Runs the seed scripts (`seeds/sql/*.sql`, in name order) and writes one audit entry for every
    /// record they created.
    static func seed(_ db: Database, at now: Date) throws {
        let stamp = Timestamp.string(now)
        for script in EmbeddedSQL.seeds {
            try db.execute(sql: script.sql, arguments: ["now": stamp])
        }
        for table in ["plan", "business_proposal", "counseling_visit", "subsidy_application", "participation_case", "event"] {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY id")
            for id in ids {
                try db.writeAudit(action: "seed", table: table, id: id, before: nil, actor: "seed", at: stamp)
            }
        }
    }
}
