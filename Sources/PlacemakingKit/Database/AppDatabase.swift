import Foundation
import GRDB

/// The ledger's database: owns the connection, creates and upgrades the schema, seeds a new file with
/// the reference data and the facts of the source report, and offers the reads and the writes (named
/// by what the user means, each one transaction) that commands use.
public struct AppDatabase: Sendable {
    /// The connection. WAL mode, foreign keys on, a busy timeout.
    let writer: any DatabaseWriter

    /// The file, for the read-only connection of `sql`; nil when the database lives in memory.
    let path: String?

    /// The operating-system login of whoever runs the program (`SystemIdentity.currentLogin`). What it
    /// may do is looked up in the `operator` table at the start of every write, so a change made by 研考會
    /// in another session (a clerk moved to another agency, a login removed) holds from the next write.
    public let login: String

    /// The current time; tests replace it.
    let clock: @Sendable () -> Date

    /// The agency 研考會's staff act for (`--as`): changes are limited to its records and logged as
    /// «login（agency）». Nil for no agency. A clerk always acts for its own agency, whatever this says.
    public private(set) var actingFor: Int64?

    /// The version the next writes were made from (`expecting(_:)`); nil: none.
    var expectation: VersionExpectation?

    /// Opens (creating when needed) the database at `path`, and migrates and seeds it. A file that is
    /// not a ledger (not SQLite, another program's tables, or a newer version's schema) is refused
    /// before anything is written to it. `login` names who runs the program; a new ledger enters it as
    /// its first operator, as staff.
    public static func open(path: String, login: String = SystemIdentity.currentLogin,
                            clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        try LedgerFileCheck.check(path: path, knownMigrations: migrator(clock: clock).migrations)
        // A queue, not a pool: DatabasePool writes a throwaway table at every open to keep its WAL file
        // non-empty, which would change the file even when a command is refused. One connection in WAL
        // mode still lets other programs read while we write.
        var config = configuration()
        config.prepareDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let isFile = !path.isEmpty && path != ":memory:"
        return try StorageErrors.mapped {
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try AppDatabase(writer: queue, path: isFile ? path : nil, login: login, clock: clock)
        }
    }

    /// A database that lives in memory only, for tests and dry runs; `login` is its staff.
    public static func inMemory(login: String = "test", clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        try StorageErrors.mapped { try AppDatabase(writer: DatabaseQueue(configuration: configuration()), login: login, clock: clock) }
    }

    init(writer: any DatabaseWriter, path: String? = nil, login: String, clock: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        self.path = path
        self.login = login
        self.clock = clock
        let migrator = try Self.migrator(clock: clock)
        let isNew = try writer.read { try migrator.appliedIdentifiers($0).isEmpty }
        try migrator.migrate(writer)
        if isNew {
            let stamp = Timestamp.string(clock())
            try writer.write { db in try db.enterCreator(login, at: stamp) }
        }
    }

    /// The same database, with changes made for `agency` (nil: for no agency). Only 研考會's staff may
    /// act for an agency; a clerk acts for its own always, and nobody else writes at all.
    public func acting(for agency: Int64?) throws -> AppDatabase {
        if let agency {
            let standing = try standing()
            guard standing == .staff else {
                if case .clerk(let own, _) = standing, own == agency { return self }
                throw PlacemakingError.actingNotAllowed(login: login, ownAgency: standing.agencyName)
            }
        }
        var copy = self
        copy.actingFor = agency
        return copy
    }

    /// How long a write waits for another writer before it gives up with a message. Writes take
    /// milliseconds; five seconds is a writer that is stuck, or a long import.
    public static let busyTimeoutSeconds = 5

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another program (a second shell, a backup) may hold the write lock for a moment: wait for it.
        config.busyMode = .timeout(TimeInterval(busyTimeoutSeconds))
        config.label = "placemaking"
        // Not under set-group-id: the trace would show a user what the group's privilege reads.
        if ProcessInfo.processInfo.environment["PLACEMAKING_TRACE_SQL"] == "1", !SystemIdentity.isSetGroupID {
            // For diagnosing what the program asks of SQLite.
            config.prepareDatabase { db in
                db.trace { event in FileHandle.standardError.write(Data("SQL> \(event)\n".utf8)) }
            }
        }
        return config
    }
}
