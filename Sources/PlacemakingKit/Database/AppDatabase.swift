import Foundation
import GRDB

/// The ledger's database: owns the connection, creates and upgrades the schema, seeds a new file with
/// the reference data and the facts of the source report, and offers the reads and the writes (named
/// by what the user means, each one transaction) that commands use.
public struct AppDatabase: Sendable {
    /// The connection. WAL mode, foreign keys on, a busy timeout.
    let writer: any DatabaseWriter

    /// The file as SQLite opens it (an `immutable` URI when read-only without locks), for the read-only
    /// connection of `sql`; nil when the database lives in memory.
    let path: String?

    /// Who is making changes, as written in the audit log and the status history.
    public private(set) var actor: String

    /// The current time; tests replace it.
    let clock: @Sendable () -> Date

    /// When set, the id of the only agency whose records may be added or changed (a district office
    /// working `--as` itself); nil lets every record be changed (研考會's staff).
    public private(set) var scope: Int64?

    /// Opens (creating when needed) the database at `path`, and migrates and seeds it. A file that is
    /// not a ledger (not SQLite, another program's tables, or a newer version's schema) is refused
    /// before anything is written to it; so are "", ":memory:" and a folder, where writes would be lost.
    /// A new file is created mode 0600. A file this user may not write (or in a folder it may not write)
    /// is opened for reading only, without switching its journal mode; writes then say it is read-only.
    public static func open(path given: String, actor: String = AppDatabase.defaultActor,
                            clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        let path = try LedgerPath.checked(given)
        return try open(path: path, mode: OpenMode.of(path: path), actor: actor, clock: clock)
    }

    /// Opens `path` (already checked) in `mode`; tests choose the mode, since root may write anything.
    static func open(path: String, mode: OpenMode, actor: String, clock: @escaping @Sendable () -> Date) throws -> AppDatabase {
        let known = try migrator(clock: clock).migrations
        let applied = try LedgerFileCheck.check(path: path, sqlitePath: mode.sqlitePath(path), knownMigrations: known)
        var config = configuration()
        if mode.isReadOnly {
            // Reading needs no journal-mode switch and no migration; an older file that needs one cannot be used.
            guard applied.count == known.count else { throw PlacemakingError.readOnlyLedgerNeedsUpgrade(path: path) }
            config.readonly = true
            return try StorageErrors.mapped {
                let queue = try DatabaseQueue(path: mode.sqlitePath(path), configuration: config)
                return try AppDatabase(writer: queue, path: mode.sqlitePath(path), actor: actor, clock: clock, readOnlyFile: path)
            }
        }
        // A queue, not a pool: DatabasePool writes a throwaway table at every open to keep its WAL file
        // non-empty, which would change the file even when a command is refused. One connection in WAL
        // mode still lets other programs read while we write.
        config.prepareDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        LedgerPath.createPrivately(path)
        return try StorageErrors.mapped {
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try AppDatabase(writer: queue, path: path, actor: actor, clock: clock)
        }
    }

    /// A database that lives in memory only, for tests and dry runs.
    public static func inMemory(actor: String = "test", clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        try StorageErrors.mapped { try AppDatabase(writer: DatabaseQueue(configuration: configuration()), actor: actor, clock: clock) }
    }

    /// The file when it was opened for reading only (writes are refused naming it); nil when writable.
    public let readOnlyFile: String?

    init(writer: any DatabaseWriter, path: String? = nil, actor: String, clock: @escaping @Sendable () -> Date,
         readOnlyFile: String? = nil) throws {
        self.writer = writer
        self.path = path
        self.actor = actor
        self.clock = clock
        self.readOnlyFile = readOnlyFile
        if readOnlyFile == nil { try Self.migrator(clock: clock).migrate(writer) }
    }

    /// The same database, with changes logged as made by `actor` and limited to the records of the
    /// agency `scope` (nil: no limit).
    public func acting(as actor: String, scope: Int64? = nil) -> AppDatabase {
        var copy = self
        copy.actor = actor
        copy.scope = scope
        return copy
    }

    /// The user name of the process, or $PLACEMAKING_USER when set.
    public static var defaultActor: String { actor(in: ProcessInfo.processInfo.environment) }

    /// $PLACEMAKING_USER, else $USER or $LOGNAME, else the account's name.
    public static func actor(in environment: [String: String]) -> String {
        environment["PLACEMAKING_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another program (a second shell, a backup) may hold the write lock for a moment.
        config.busyMode = .timeout(5)
        config.label = "placemaking"
        if ProcessInfo.processInfo.environment["PLACEMAKING_TRACE_SQL"] == "1" {
            // For diagnosing what the program asks of SQLite.
            config.prepareDatabase { db in
                db.trace { event in FileHandle.standardError.write(Data("SQL> \(event)\n".utf8)) }
            }
        }
        return config
    }
}
