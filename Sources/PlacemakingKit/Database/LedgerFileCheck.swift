import Foundation
import GRDB

/// Looks at a database file before it is opened for writing, so that a file that is not a ledger is
/// refused without being touched: no WAL switch, no migration table, no seed data.
enum LedgerFileCheck {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// The `PRAGMA application_id` of a ledger, "PLMK" (migration 0003; schema.sql's header). Files
    /// made before it are known by their migration table.
    static let applicationID: Int32 = 0x504C_4D4B

    /// Returns the migrations the file has had ([] for a new or empty file), or refuses it: not SQLite,
    /// another program's (another application id, or tables but not our migrations), or migrated by a
    /// newer program (with its version). `sqlitePath` is how SQLite is to open it (see `OpenMode`).
    @discardableResult
    static func check(path: String, sqlitePath: String? = nil, knownMigrations: [String]) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }  // new file, or unreadable (open says why)
        let head = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if head.isEmpty { return [] }  // an empty file becomes a new ledger, as sqlite3 would treat it
        guard Array(head.prefix(16)) == sqliteHeader else { throw PlacemakingError.notALedger(path: path, reason: .notSQLite) }
        let applicationID = head.count >= 72 ? head[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) } : 0
        if applicationID != 0, applicationID != Self.applicationID {
            throw PlacemakingError.notALedger(path: path, reason: .foreignTables)
        }

        var config = Configuration()
        config.readonly = true
        // Another process may hold a lock for a moment (the last one to close checkpoints the WAL):
        // wait as writes do, rather than report a busy file at once.
        config.busyMode = .timeout(TimeInterval(AppDatabase.busyTimeoutSeconds))
        let (tables, applied) = try StorageErrors.mapped { () throws -> ([String], [String]) in
            let queue = try DatabaseQueue(path: sqlitePath ?? path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                let applied = tables.contains("grdb_migrations")
                    ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
                return (tables, applied)
            }
        }
        if tables.isEmpty, applicationID == 0 { return [] }
        guard applied.contains(knownMigrations.first ?? "") else {
            throw PlacemakingError.notALedger(path: path, reason: .foreignTables)
        }
        guard Set(applied).isSubset(of: knownMigrations) else {
            throw PlacemakingError.notALedger(path: path, reason: .newerVersion(found: "\(applied.count) (\(applied.last ?? "?"))"))
        }
        return applied
    }
}
