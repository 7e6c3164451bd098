import Foundation
import GRDB

/// The status vocabularies of one ledger, read once for the life of the connection. They are reference
/// data that only migrations write, and migrations run when the ledger is opened (or restored, which
/// empties this). A script of adds read them once per add: a twelfth of its time.
final class StatusVocabularies: @unchecked Sendable {
    private let lock = NSLock()
    private var byKind: [RecordKind: [StatusDefinition]] = [:]

    /// The vocabulary of `kind`, in its order, read through `db` the first time.
    func statuses(_ db: Database, _ kind: RecordKind) throws -> [StatusDefinition] {
        if let known = lock.withLock({ byKind[kind] }) { return known }
        let read = try db.statuses(kind)
        lock.withLock { byKind[kind] = read }
        return read
    }

    /// Forgets what was read: the ledger's content was replaced.
    func forget() {
        lock.withLock { byKind.removeAll() }
    }
}
