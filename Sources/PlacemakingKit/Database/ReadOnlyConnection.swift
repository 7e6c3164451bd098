import Foundation
import GRDB
@preconcurrency import GRDBSQLite

/// Counts interrupt requests (Ctrl-C). A query notes the count when it starts and stops when it
/// changes, so queries never write it (none can undo another's interrupt) and an old Ctrl-C stops
/// nothing. A plain sig_atomic_t, because that is all a signal handler may safely write.
nonisolated(unsafe) private var queryInterrupts: sig_atomic_t = 0

extension AppDatabase {
    /// How long `sql` may run before it is stopped, unless PLACEMAKING_SQL_TIMEOUT says otherwise.
    public static let defaultQueryTimeout: TimeInterval = 10

    /// PLACEMAKING_SQL_TIMEOUT (seconds, > 0) from `environment`, else `defaultQueryTimeout`.
    public static func queryTimeout(in environment: [String: String]) -> TimeInterval {
        guard let text = environment["PLACEMAKING_SQL_TIMEOUT"], let seconds = TimeInterval(text),
              seconds.isFinite, seconds > 0 else { return defaultQueryTimeout }
        return seconds
    }

    /// Asks the running `sql` query, if any, to stop with 「查詢已中斷」. Only writes one sig_atomic_t,
    /// so a SIGINT handler may call it.
    public static func interruptRunningQuery() {
        queryInterrupts &+= 1
    }
}

/// One `sql` statement's limits, reached by SQLite's C callbacks through their context pointer.
private final class QueryGuard {
    let deadline: UInt64
    let isInterrupted: () -> Bool
    /// The first action the authorizer refused, to explain the failure in the user's words.
    var refusal: PlacemakingError.SQLRefusal?
    var timedOut = false
    var interrupted = false

    init(timeout: TimeInterval, isInterrupted: @escaping () -> Bool) {
        let nanoseconds = min(max(timeout, 0), 1e9) * 1e9
        deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(nanoseconds)
        self.isInterrupted = isInterrupted
    }
}

/// A connection to the ledger file that can only read, for the `sql` command: opened read-only, its
/// limits set before anything the user typed is compiled, and closed after the one statement. The
/// writing connection never sees the user's SQL, so no PRAGMA typed there can change how it writes.
enum ReadOnlyConnection {
    /// Runs `body` with `sql` compiled under the authorizer, stopping it after `timeout` seconds or
    /// when `isInterrupted` says so.
    static func run<T>(path: String, sql: String, timeout: TimeInterval, isInterrupted: @escaping () -> Bool,
                       _ body: (Statement) throws -> T) throws -> T {
        var config = AppDatabase.configuration()
        config.readonly = true
        config.label = "placemaking-sql"
        config.prepareDatabase { db in
            let connection = db.sqliteConnection
            // Functions in the schema (views, triggers) run only if innocuous; no extension can be loaded;
            // no database can be attached, not even by VACUUM INTO.
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            sqlite3_enable_load_extension(connection, 0)
            sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0)
            // A single value (zeroblob, printf padding) may not eat the memory of the machine.
            sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, 100_000_000)
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        let limits = QueryGuard(timeout: timeout, isInterrupted: isInterrupted)
        return try withExtendedLifetime(limits) {
            try queue.inDatabase { db in
                let connection = db.sqliteConnection
                let context = Unmanaged.passUnretained(limits).toOpaque()
                // Installed after GRDB's setup, replacing GRDB's own authorizer: nothing but the user's
                // statement is compiled on this connection from here on.
                sqlite3_set_authorizer(connection, { context, action, arg1, arg2, _, _ in
                    guard let context else { return SQLITE_DENY }
                    let limits = Unmanaged<QueryGuard>.fromOpaque(context).takeUnretainedValue()
                    guard let refusal = SQLAuthorizer.refusal(action: action, arg1.map { String(cString: $0) },
                                                              arg2.map { String(cString: $0) }) else { return SQLITE_OK }
                    // ANALYZE asks first to create its statistics table: name the command, not the table.
                    if limits.refusal == nil || refusal.isMaintenance { limits.refusal = refusal }
                    return SQLITE_DENY
                }, context)
                sqlite3_progress_handler(connection, 1000, { context in
                    guard let context else { return 1 }
                    let limits = Unmanaged<QueryGuard>.fromOpaque(context).takeUnretainedValue()
                    if limits.isInterrupted() {
                        limits.interrupted = true
                        return 1
                    }
                    if DispatchTime.now().uptimeNanoseconds > limits.deadline {
                        limits.timedOut = true
                        return 1
                    }
                    return 0
                }, context)
                defer {
                    sqlite3_progress_handler(connection, 0, nil, nil)
                    sqlite3_set_authorizer(connection, nil, nil)
                }
                do {
                    let statement = try db.makeStatement(sql: sql)
                    if let refusal = limits.refusal { throw PlacemakingError.sqlRefused(refusal) }
                    // Statements the authorizer is never asked about (VACUUM) still declare that they write.
                    guard statement.isReadonly else { throw PlacemakingError.sqlRefused(refusalByKeyword(sql) ?? .writes) }
                    return try body(statement)
                } catch let error as DatabaseError {
                    if error.message?.hasPrefix("Multiple statements") == true {
                        throw PlacemakingError.sqlRefused(.multipleStatements)
                    }
                    if let refusal = limits.refusal { throw PlacemakingError.sqlRefused(refusal) }
                    if limits.interrupted { throw PlacemakingError.queryInterrupted }
                    if limits.timedOut { throw PlacemakingError.queryTimedOut(seconds: timeout) }
                    // SQLite refused a write itself (UPDATE sqlite_master): still answer in the user's words.
                    if let refusal = refusalByKeyword(sql) { throw PlacemakingError.sqlRefused(refusal) }
                    throw error
                }
            }
        }
    }

    /// True once `AppDatabase.interruptRunningQuery()` is called after this call.
    static func interruptedFromNow() -> () -> Bool {
        let start = queryInterrupts
        return { queryInterrupts != start }
    }

    /// Names a refused statement by its first word, for writes the authorizer does not see; nil for
    /// anything else (a read, a typo), whose errors SQLite explains best.
    private static func refusalByKeyword(_ sql: String) -> PlacemakingError.SQLRefusal? {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.hasPrefix("--") {
                rest = rest.drop(while: { $0 != "\n" })
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        let word = String(rest.prefix(while: \.isLetter)).uppercased()
        switch word {
        case "VACUUM", "ANALYZE", "REINDEX": return .maintenance(word)
        case "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE": return .transaction
        case "ATTACH", "DETACH": return .attach
        case "INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER": return .writes
        default: return nil
        }
    }
}
