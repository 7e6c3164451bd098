import Foundation
import GRDB

extension AppDatabase {
    /// Copies the ledger to `target` while others may be writing. SQLite's backup API reads one
    /// consistent snapshot into a new file beside `target` (mode 0600, journal mode DELETE so the copy
    /// is one self-contained file), which is checked (integrity, a ledger of this program) and synced
    /// before it takes `target`'s name; on any failure `target` is untouched and the new file removed.
    /// An existing `target` is replaced only when `replacing`, and never when it is this ledger.
    /// `target` is the user's to name, so it is written with the user's own rights, never the
    /// set-group-id group's (which could replace the ledger's `-wal`); the ledger is read through the
    /// connection already open.
    public func backup(to target: String, replacing: Bool = false) throws -> BackupReport {
        try SystemIdentity.withUserRights { try copy(to: target, replacing: replacing) }
    }

    /// `backup(to:replacing:)` with the rights the program has: restore keeps the replaced ledger
    /// beside it, in the install's directory.
    private func copy(to target: String, replacing: Bool = false) throws -> BackupReport {
        let started = Date()
        let target = try LedgerPath.checked(target)
        let exists = FileManager.default.fileExists(atPath: target)
        if exists, !replacing || isThisLedger(target) { throw PlacemakingError.backupTargetExists(path: target) }
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try Self.createNewFile(temporary, shownAs: target)
        defer { for file in [temporary] + LedgerPath.companions(of: temporary) { unlink(file) } }

        try StorageErrors.mapped {
            let destination = try DatabaseQueue(path: temporary)
            try writer.backup(to: destination)
            _ = try destination.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        }
        let checked = try Self.verifyBackup(temporary, shownAs: target)
        try Self.syncFile(temporary, shownAs: target)
        // link() refuses to replace a file that appeared meanwhile; rename() replaces only when asked.
        let placed = replacing ? rename(temporary, target) : link(temporary, target)
        guard placed == 0 else {
            if errno == EEXIST { throw PlacemakingError.backupTargetExists(path: target) }
            throw PlacemakingError.outputNotWritten(path: target, detail: String(cString: strerror(errno)))
        }
        try Self.syncFile(url.deletingLastPathComponent().path, shownAs: target)
        return BackupReport(path: target, bytes: checked.bytes, counts: checked.counts, auditEntries: checked.auditEntries,
                            seconds: Date().timeIntervalSince(started))
    }

    /// Replaces the ledger's content with the backup `source`; 研考會 staff only. The backup is checked
    /// first (SQLite, integrity, a ledger, not newer than this program); the ledger as it was is kept
    /// beside it (`NAME.before-restore-YYYYMMDDTHHMMSSZ`, made by `backup`); then the backup is copied
    /// *into* the open ledger with SQLite's backup API, one transaction under the write lock, so other
    /// readers and the WAL stay consistent (no file is swapped under them, no stale `-wal` or `-shm` is
    /// left). What is copied in is first prepared in a private file beside the ledger: the backup,
    /// upgraded when it is older, with an audit entry of this restore (who, when, the file, its SHA-256
    /// and size, where the replaced ledger is kept), so the ledger takes both in that one transaction,
    /// and a `kill -9` leaves the old ledger or the restored one with its entry.
    public func restore(from source: String) throws -> BackupReport {
        let started = Date()
        if let actingFor {
            let name = try read { try String.fetchOne($0, sql: "SELECT name FROM agency WHERE id = ?", arguments: [actingFor]) }
            throw PlacemakingError.restoreKeptByRDEC(acting: name ?? "#\(actingFor)")
        }
        // Only 研考會's staff replace the whole ledger; a clerk, a viewer or an unknown login may not.
        let standing = try standing()
        guard standing == .staff else { throw PlacemakingError.restoreKeptByRDEC(acting: standing.agencyName ?? login) }
        if let readOnlyFile { throw PlacemakingError.ledgerReadOnly(path: readOnlyFile) }
        guard let path else { throw PlacemakingError.programDefect("restore needs a ledger file") }
        let source = try LedgerPath.checked(source)
        guard FileManager.default.fileExists(atPath: source) else {
            throw PlacemakingError.backupUnsound(path: source, detail: String(cString: strerror(ENOENT)))
        }
        if isThisLedger(source) { throw PlacemakingError.backupUnsound(path: source, detail: "the ledger in use itself") }
        let checked = try Self.verifyBackup(source, shownAs: source)

        let stamp = Timestamp.string(clock()).filter { $0 != "-" && $0 != ":" }
        var kept = "\(path).before-restore-\(stamp)"
        var suffix = 2
        while FileManager.default.fileExists(atPath: kept) { kept = "\(path).before-restore-\(stamp)-\(suffix)"; suffix += 1 }
        _ = try copy(to: kept)
        let digest = try Self.sha256(ofFile: source)

        let url = URL(fileURLWithPath: path)
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).restoring-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try Self.createNewFile(staging, shownAs: path)
        defer { for file in [staging] + LedgerPath.companions(of: staging) { unlink(file) } }
        try StorageErrors.mapped {
            let stage = try DatabaseQueue(path: staging)
            do {
                var config = Configuration()
                config.readonly = true
                let backup = try DatabaseQueue(path: source, configuration: config)
                defer { try? backup.close() }
                try backup.backup(to: stage)
            }
            try Self.migrator(clock: clock).migrate(stage)
            try stage.write { db in
                try db.execute(sql: """
                    INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
                    VALUES (?, ?, 'ledger.restore', 'ledger', NULL, NULL,
                            json_object('file', ?, 'sha256', ?, 'bytes', ?, 'kept_as', ?))
                    """, arguments: [Timestamp.string(clock()), login, Self.absolute(source), digest, checked.bytes, Self.absolute(kept)])
            }
            try stage.backup(to: writer)
            try stage.close()
        }
        statusVocabularies.forget()
        return BackupReport(path: source, bytes: checked.bytes, counts: checked.counts, auditEntries: checked.auditEntries,
                            seconds: Date().timeIntervalSince(started), keptAs: kept)
    }

    /// Whether `other` is the file this ledger lives in (same device and inode).
    private func isThisLedger(_ other: String) -> Bool {
        guard let own = readOnlyFile ?? path else { return false }
        var a = stat(), b = stat()
        guard stat(own, &a) == 0, stat(other, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Checks a backup file: a ledger of this program or an older one (never a newer one), whose
    /// `integrity_check` is ok; returns its size and counts.
    static func verifyBackup(_ file: String, shownAs shown: String) throws -> BackupReport {
        let known = try migrator(clock: Date.init).migrations
        let applied = try LedgerFileCheck.check(path: file, knownMigrations: known)
        guard !applied.isEmpty else { throw PlacemakingError.backupUnsound(path: shown, detail: "empty: no ledger in it") }
        var config = Configuration()
        config.readonly = true
        return try StorageErrors.mapped {
            let queue = try DatabaseQueue(path: file, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                guard integrity == ["ok"] else {
                    throw PlacemakingError.backupUnsound(path: shown, detail: "integrity_check: " + integrity.joined(separator: "; "))
                }
                let counts = try BackupReport.countedTables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.table)") ?? 0 }
                let audit = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
                var status = stat()
                let bytes = stat(file, &status) == 0 ? Int64(status.st_size) : 0
                return BackupReport(path: shown, bytes: bytes, counts: counts, auditEntries: audit, seconds: 0)
            }
        }
    }

    /// `path` from the root, as the audit log keeps it (the log outlives the working folder).
    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The SHA-256 of the file at `path` as 64 hex digits, read in pieces.
    static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PlacemakingError.backupUnsound(path: path, detail: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        var hash = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        } catch {
            throw PlacemakingError.backupUnsound(path: path, detail: error.localizedDescription)
        }
        return hash.finish().map { String(format: "%02x", $0) }.joined()
    }

    /// Creates `file`, which must not exist, empty and mode 0600.
    private static func createNewFile(_ file: String, shownAs shown: String) throws {
        let descriptor = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PlacemakingError.outputNotWritten(path: shown, detail: String(cString: strerror(errno))) }
        close(descriptor)
    }

    /// Flushes a file (or a folder, for a rename in it) to the disk, so a crash cannot undo what was reported done.
    private static func syncFile(_ file: String, shownAs shown: String) throws {
        let descriptor = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PlacemakingError.outputNotWritten(path: shown, detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PlacemakingError.outputNotWritten(path: shown, detail: String(cString: strerror(errno))) }
    }
}
