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

    /// The status vocabularies, read once for this connection.
    let statusVocabularies = StatusVocabularies()

    /// Opens (creating when needed) the database at `path`, and migrates and seeds it. A file that is
    /// not a ledger (not SQLite, another program's tables, or a newer version's schema) is refused
    /// before anything is written to it; so are "", ":memory:" and a folder, where writes would be lost.
    /// A new file is created mode 0600. A file this user may not write (or in a folder it may not write)
    /// is opened for reading only, without switching its journal mode; writes then say it is read-only.
    /// `login` names who runs the program; a new ledger enters it as its first operator, as staff.
    public static func open(path given: String, login: String = SystemIdentity.currentLogin,
                            clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        let path = try LedgerPath.checked(given)
        return try open(path: path, mode: OpenMode.of(path: path), login: login, clock: clock)
    }

    /// Opens `path` (already checked) in `mode`; tests choose the mode, since root may write anything.
    static func open(path: String, mode: OpenMode, login: String, clock: @escaping @Sendable () -> Date) throws -> AppDatabase {
        let known = try migrator(clock: clock).migrations
        let header = try LedgerFileCheck.header(path: path)
        var config = configuration()
        config.readonly = mode.isReadOnly
        if !mode.isReadOnly { LedgerPath.createPrivately(path) }
        return try StorageErrors.mapped {
            // A queue, not a pool: DatabasePool writes a throwaway table at every open to keep its WAL
            // file non-empty, which would change the file even when a command is refused. One connection
            // in WAL mode still lets other programs read while we write.
            let queue = try DatabaseQueue(path: mode.sqlitePath(path), configuration: config)
            do {
                let applied = try queue.inDatabase { db in
                    let applied = try LedgerFileCheck.contents(db, path: path, header: header, knownMigrations: known)
                    // Only a ledger (or a new file) gets WAL; reading needs no journal-mode switch.
                    if !mode.isReadOnly {
                        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                        try db.execute(sql: "PRAGMA synchronous = NORMAL")
                    }
                    return applied
                }
                if mode.isReadOnly {
                    // Reading needs no migration; an older file that needs one cannot be used.
                    guard applied.count == known.count else { throw PlacemakingError.readOnlyLedgerNeedsUpgrade(path: path) }
                    return try AppDatabase(writer: queue, path: mode.sqlitePath(path), login: login, clock: clock, readOnlyFile: path)
                }
                return try AppDatabase(writer: queue, path: path, login: login, clock: clock, applied: applied)
            } catch {
                try? queue.close()
                throw error
            }
        }
    }

    /// A database that lives in memory only, for tests and dry runs; `login` is its staff.
    public static func inMemory(login: String = "test", clock: @escaping @Sendable () -> Date = Date.init) throws -> AppDatabase {
        try StorageErrors.mapped { try AppDatabase(writer: DatabaseQueue(configuration: configuration()), login: login, clock: clock) }
    }

    /// The file when it was opened for reading only (writes are refused naming it); nil when writable.
    public let readOnlyFile: String?

    init(writer: any DatabaseWriter, path: String? = nil, login: String, clock: @escaping @Sendable () -> Date,
         readOnlyFile: String? = nil, applied: [String]? = nil) throws {
        self.writer = writer
        self.path = path
        self.login = login
        self.clock = clock
        self.readOnlyFile = readOnlyFile
        guard readOnlyFile == nil else { return }
        let migrator = try Self.migrator(clock: clock)
        // `applied`: the migrations the opening check found on this connection. An up-to-date ledger,
        // nearly every open, needs no migrator round trip.
        if let applied, Set(applied) == Set(migrator.migrations) { return }
        let isNew = try applied.map(\.isEmpty) ?? writer.read { try migrator.appliedIdentifiers($0).isEmpty }
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
        if ProcessEnvironment.value("PLACEMAKING_TRACE_SQL") == "1", !SystemIdentity.isSetGroupID {
            // For diagnosing what the program asks of SQLite.
            config.prepareDatabase { db in
                db.trace { event in FileHandle.standardError.write(Data("SQL> \(event)\n".utf8)) }
            }
        }
        return config
    }
}
