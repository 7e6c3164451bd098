import Foundation
import GRDB

/// Looks at a database file before it is opened for writing, so that a file that is not a ledger is
/// refused without being touched: no WAL switch, no migration table, no seed data.
enum LedgerFileCheck {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    static func check(path: String, knownMigrations: [String]) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }  // new file, or unreadable (open says why)
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if head.isEmpty { return }  // an empty file becomes a new ledger, as sqlite3 would treat it
        guard Array(head) == sqliteHeader else { throw PlacemakingError.notALedger(path: path, reason: .notSQLite) }

        var config = Configuration()
        config.readonly = true
        // Another process may hold a lock for a moment (the last one to close checkpoints the WAL):
        // wait as writes do, rather than report a busy file at once.
        config.busyMode = .timeout(TimeInterval(AppDatabase.busyTimeoutSeconds))
        let (tables, applied) = try StorageErrors.mapped { () throws -> ([String], [String]) in
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applied = tables.contains("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (tables, applied)
            }
        }
        if tables.isEmpty { return }
        guard applied.contains(knownMigrations.first ?? "") else {
            throw PlacemakingError.notALedger(path: path, reason: .foreignTables)
        }
        guard Set(applied).isSubset(of: knownMigrations) else {
            throw PlacemakingError.notALedger(path: path, reason: .newerVersion)
        }
    }
}
