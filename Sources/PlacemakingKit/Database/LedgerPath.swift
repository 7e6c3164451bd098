import Foundation

/// What `--db` names, checked before SQLite sees it. SQLite takes "" and ":memory:" as databases that
/// vanish at exit (and, built with URI support as Debian's is, `file:x?mode=memory` too), so a ledger
/// given one would report every write done and lose it; a folder cannot hold the ledger either.
enum LedgerPath {
    /// `path` as SQLite must be given it, or why it cannot be a ledger. A name that begins with `file:`
    /// gets `./` before it, so SQLite reads it as a file name, never as a URI with options.
    static func checked(_ path: String) throws -> String {
        if path.isEmpty { throw PlacemakingError.ledgerPathUnusable(path: path, problem: .empty) }
        if path == ":memory:" { throw PlacemakingError.ledgerPathUnusable(path: path, problem: .inMemory) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PlacemakingError.ledgerPathUnusable(path: path, problem: .directory)
        }
        return path.hasPrefix("file:") ? "./" + path : path
    }

    /// Creates `path` empty with mode 0600 when it does not exist, before SQLite writes anything to it:
    /// SQLite gives the `-wal` and `-shm` files the mode of the database file, so none of them is ever
    /// readable by other users, whatever the umask. An existing file is left as it is.
    static func createPrivately(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        // EEXIST: someone made it meanwhile; any other failure is reported by SQLite's own open.
        if descriptor >= 0 { close(descriptor) }
    }

    /// The `-wal` and `-shm` files that SQLite keeps beside a database in WAL mode.
    static func companions(of path: String) -> [String] { [path + "-wal", path + "-shm"] }
}
