import Foundation

/// How the ledger file is opened. A file that this user may not change (the file, or its folder, is
/// not writable) is still opened for reading, so that a copy on a read-only share or a 0444 file can be
/// looked at; writes are then refused with a message before SQLite is asked.
enum OpenMode: Equatable, Sendable {
    case readWrite
    /// Read-only, with SQLite's locks and WAL index (`-shm`), which exists or can be created.
    case readOnly
    /// Read-only without locks (`immutable=1`): the folder cannot take a `-shm` and no `-wal` or `-shm`
    /// exists, so nobody is writing (a writer needs both) and SQLite could not open it otherwise.
    case immutable

    /// The decision, apart from the file system so that it can be tested (root may write anything).
    static func decide(exists: Bool, fileWritable: Bool, folderWritable: Bool, companionsPresent: Bool) -> OpenMode {
        guard exists, !(fileWritable && folderWritable) else { return .readWrite }
        return folderWritable || companionsPresent ? .readOnly : .immutable
    }

    /// The mode for the file at `path`, from what this process may do. Asked with the effective ids,
    /// as SQLite's own open is: under set-group-id the real ids are the person's, who may not write the
    /// install's folder, while the program may (`access` alone would open every shared ledger read-only).
    static func of(path: String) -> OpenMode {
        let exists = FileManager.default.fileExists(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        return decide(exists: exists, fileWritable: mayWrite(path),
                      folderWritable: mayWrite(folder.isEmpty ? "." : folder),
                      companionsPresent: LedgerPath.companions(of: path).contains { FileManager.default.fileExists(atPath: $0) })
    }

    /// Whether the effective ids may write `path`.
    private static func mayWrite(_ path: String) -> Bool { faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 }

    var isReadOnly: Bool { self != .readWrite }

    /// What SQLite is given to open `path` in this mode: the path itself, or an `immutable` URI.
    func sqlitePath(_ path: String) -> String {
        guard self == .immutable else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }
}
