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
        // A live ledger's `-wal` can be empty, which would pass for a new file: a ledger created in it
        // would clash with the log of the ledger beside it.
        if companionOwner(path) != nil { throw PlacemakingError.ledgerPathUnusable(path: path, problem: .companion) }
        return path.hasPrefix("file:") ? "./" + path : path
    }

    /// Creates `path` empty with mode 0600 (0660 under set-group-id, where the install's group must
    /// write it) when it does not exist, before SQLite writes anything to it: SQLite gives the `-wal`
    /// and `-shm` files the mode the database file has when they are made, so none of them is ever
    /// readable by other users, whatever the umask, and in a shared install the creator's own `-wal`
    /// is the group's from the start. An existing file is left as it is.
    static func createPrivately(_ path: String) {
        let mode: mode_t = SystemIdentity.isSetGroupID ? 0o660 : 0o600
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        // EEXIST: someone made it meanwhile; any other failure is reported by SQLite's own open.
        guard descriptor >= 0 else { return }
        // Exactly `mode`, whatever the umask took away.
        fchmod(descriptor, mode)
        close(descriptor)
    }

    /// The database whose journal file `path` is named as (`x.sqlite-wal` → `x.sqlite`), or nil.
    static func companionOwner(_ path: String) -> String? {
        for suffix in ["-wal", "-shm", "-journal"] where path.hasSuffix(suffix) && path.count > suffix.count {
            return String(path.dropLast(suffix.count))
        }
        return nil
    }

    /// The `-wal` and `-shm` files that SQLite keeps beside a database in WAL mode.
    static func companions(of path: String) -> [String] { [path + "-wal", path + "-shm"] }
}
