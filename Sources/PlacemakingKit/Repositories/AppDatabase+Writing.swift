import Foundation
import GRDB

extension AppDatabase {
    /// Runs `body` as one transaction: everything it writes, including the status history and the audit
    /// log, is committed together or not at all.
    func write<T>(_ body: (Database, Change) throws -> T) throws -> T {
        let now = clock()
        let change = Change(actor: actor, stamp: Timestamp.string(now), today: ROCDate(now), scope: scope)
        return try StorageErrors.mapped { try writer.write { db in try body(db, change) } }
    }

    /// Runs `body` as one transaction that is committed only when `body` says so, else rolled back:
    /// an import writes every row to check it, then keeps all of them or none.
    func writeDecided<T>(_ body: (Database, Change) throws -> (T, commit: Bool)) throws -> T {
        let now = clock()
        let change = Change(actor: actor, stamp: Timestamp.string(now), today: ROCDate(now), scope: scope)
        return try StorageErrors.mapped {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction {
                    let (value, commit) = try body(db, change)
                    result = value
                    return commit ? .commit : .rollback
                }
                guard let result else { throw PlacemakingError.programDefect("transaction without result") }
                return result
            }
        }
    }

    /// Reads in a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StorageErrors.mapped { try writer.read(body) }
    }
}

extension Database {
    /// Inserts `record` and logs it with its stored form.
    func insertAudited<R: LedgerRecord>(_ record: inout R, action: String, change: Change) throws -> Int64 {
        try record.insert(self)
        let id = record.id!
        try checkScope(table: R.databaseTableName, id: id, change: change)
        try writeAudit(action: action, table: R.databaseTableName, id: id, before: nil, actor: change.actor, at: change.stamp)
        return id
    }

    /// Saves the edited `record` and logs the row before and after.
    func updateAudited<R: LedgerRecord>(_ record: R, action: String, change: Change) throws {
        try checkScope(table: R.databaseTableName, id: record.id!, change: change)
        let before = try snapshot(table: R.databaseTableName, id: record.id!)
        try record.update(self)
        try checkScope(table: R.databaseTableName, id: record.id!, change: change)  // not handed to another agency either
        try writeAudit(action: action, table: R.databaseTableName, id: record.id!, before: before, actor: change.actor, at: change.stamp)
    }

    /// The record of `type` with `id`, or a message that there is none.
    func require<R: LedgerRecord>(_ type: R.Type, id: Int64, kind: RecordKind?) throws -> R {
        guard let record = try R.fetchOne(self, key: id) else {
            throw PlacemakingError.notFound(kind, table: R.databaseTableName, id: id)
        }
        return record
    }
}

/// A required text field: refused when blank or when `kind` forbids what it holds; otherwise stored
/// verbatim.
func requireText(_ text: String?, field: String, as kind: TextField) throws -> String {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw PlacemakingError.emptyValue(field: field)
    }
    try kind.check(text, field: field)
    return text
}

/// An optional text field: blank becomes NULL; anything else is checked against `kind` and kept
/// verbatim.
func optionalText(_ text: String?, field: String, as kind: TextField) throws -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    try kind.check(text, field: field)
    return text
}

/// A record that keeps the time of its last change.
protocol EditableRecord: LedgerRecord, Equatable {
    var updatedAt: String { get set }
}

extension Database {
    /// The edit of one record, written once: reads it (or says there is none), lets `apply` change it,
    /// refuses an edit that changes nothing, stamps it and saves it with its audit entry. `apply` also
    /// gets the record as it was, for rules about what changed.
    func editAudited<R: EditableRecord>(_ type: R.Type, id: Int64, kind: RecordKind?, action: String, change: Change,
                                        _ apply: (inout R, R) throws -> Void) throws {
        var record = try require(R.self, id: id, kind: kind)
        let original = record
        try apply(&record, original)
        guard record != original else { throw PlacemakingError.nothingToChange }
        record.updatedAt = change.stamp
        try updateAudited(record, action: action, change: change)
    }
}

extension AppDatabase {
    /// `show` of one record, written once: its row (from `fetch`, filtered to `id`), or a message that
    /// there is none, and its status history when it has a status (`kind` is not nil).
    func detail(_ kind: RecordKind?, table: String, id: Int64, _ fetch: (Database) throws -> ResultTable) throws -> RecordDetail {
        try read { db in
            let record = try fetch(db)
            guard !record.rows.isEmpty else { throw PlacemakingError.notFound(kind, table: table, id: id) }
            guard let kind else { return RecordDetail(record: record, sections: []) }
            return RecordDetail(record: record, sections: [
                .init(key: "history", title: "狀態歷程", titleEnglish: "status history", table: try db.historyTable(kind, id: id)),
            ])
        }
    }
}
