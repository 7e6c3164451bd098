import Foundation
import GRDB

/// Looks at a database file before it is opened for writing, so that a file that is not a ledger is
/// refused without being touched: no WAL switch, no migration table, no seed data.
///
/// Two steps: the file's first bytes (`header`), read without SQLite, then its tables (`contents`),
/// read on the connection that will serve the ledger. One connection, not a throwaway one before it:
/// each connection parses the whole schema once, and that was a fifth of a one-shot command's time.
enum LedgerFileCheck {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// The `PRAGMA application_id` of a ledger, "PLMK" (migration 0003; schema.sql's header). Files
    /// made before it are known by their migration table.
    static let applicationID: Int32 = 0x504C_4D4B

    /// What the first bytes say.
    enum Header: Equatable {
        /// No file, or an empty one (which becomes a new ledger, as sqlite3 would treat it); or one this
        /// process cannot read (opening it says why).
        case new
        /// A SQLite file with this application id (0: none set).
        case sqlite(applicationID: Int32)
    }

    /// Refuses a file that is not SQLite or that another program has claimed with its application id.
    static func header(path: String) throws -> Header {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .new }
        let head = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if head.isEmpty { return .new }
        guard Array(head.prefix(16)) == sqliteHeader else { throw PlacemakingError.notALedger(path: path, reason: .notSQLite) }
        let applicationID = head.count >= 72 ? head[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) } : 0
        if applicationID != 0, applicationID != Self.applicationID {
            throw PlacemakingError.notALedger(path: path, reason: .foreignTables)
        }
        return .sqlite(applicationID: applicationID)
    }

    /// Returns the migrations the file has had ([] for a new or empty file), or refuses it: another
    /// program's tables (without our migrations), or migrated by a newer program (with its version).
    /// Only reads; `db` is the connection the ledger will be used through.
    static func contents(_ db: Database, path: String, header: Header, knownMigrations: [String]) throws -> [String] {
        guard case .sqlite(let applicationID) = header else { return [] }
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        let applied = tables.contains("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
        if tables.isEmpty, applicationID == 0 { return [] }
        guard applied.contains(knownMigrations.first ?? "") else {
            throw PlacemakingError.notALedger(path: path, reason: .foreignTables)
        }
        guard Set(applied).isSubset(of: knownMigrations) else {
            throw PlacemakingError.notALedger(path: path, reason: .newerVersion(found: "\(applied.count) (\(applied.last ?? "?"))"))
        }
        return applied
    }

    /// Both steps on a connection of its own, read-only, for a file that is checked but not used as the
    /// ledger (a backup about to be restored).
    @discardableResult
    static func check(path: String, knownMigrations: [String]) throws -> [String] {
        let header = try header(path: path)
        guard header != .new else { return [] }
        var config = Configuration()
        config.readonly = true
        // Another process may hold a lock for a moment (the last one to close checkpoints the WAL):
        // wait as writes do, rather than report a busy file at once.
        config.busyMode = .timeout(TimeInterval(AppDatabase.busyTimeoutSeconds))
        return try StorageErrors.mapped {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.inDatabase { try contents($0, path: path, header: header, knownMigrations: knownMigrations) }
        }
    }
}
