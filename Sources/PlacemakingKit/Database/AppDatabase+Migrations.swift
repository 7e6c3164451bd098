import Foundation
import GRDB
import PlacemakingSeeds

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
        return migrator
    }

    static func migrationSQL(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "sql", subdirectory: "Migrations") else {
            throw DatabaseError(message: "migration \(name).sql is missing from the program's resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Runs the seed scripts and writes one audit entry for every record they created.
    static func seed(_ db: Database, at now: Date) throws {
        let stamp = Timestamp.string(now)
        for script in try SeedScripts.all() {
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
