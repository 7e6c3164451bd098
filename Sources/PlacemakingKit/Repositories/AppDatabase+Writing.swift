import Foundation
import GRDB

extension AppDatabase {
    /// Runs `body` as one transaction: everything it writes, including the status history and the audit
    /// log, is committed together or not at all. The transaction is IMMEDIATE (GRDB's default for
    /// writes), so it holds the write lock from its first statement and what it reads cannot change
    /// under it; within it the login's standing decides whether it may write at all, and for which
    /// agency.
    func write<T>(_ body: (Database, Change) throws -> T) throws -> T {
        if let readOnlyFile { throw PlacemakingError.ledgerReadOnly(path: readOnlyFile) }
        let now = clock()
        return try StorageErrors.mapped {
            try writer.write { db in try body(db, try change(in: db, at: now)) }
        }
    }

    /// Runs `body` as one transaction that is committed only when `body` says so, else rolled back:
    /// an import writes every row to check it, then keeps all of them or none.
    func writeDecided<T>(_ body: (Database, Change) throws -> (T, commit: Bool)) throws -> T {
        if let readOnlyFile { throw PlacemakingError.ledgerReadOnly(path: readOnlyFile) }
        let now = clock()
        return try StorageErrors.mapped {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, commit) = try body(db, try change(in: db, at: now))
                    result = value
                    return commit ? .commit : .rollback
                }
                guard let result else { throw PlacemakingError.programDefect("transaction without result") }
                return result
            }
        }
    }

    /// Who makes this change and for which agency, read inside the write transaction: the login's
    /// standing decides whether it may write at all. Refuses an unknown login, a viewer, and a clerk
    /// acting for another agency; checks the version the change was made from.
    private func change(in db: Database, at now: Date) throws -> Change {
        let standing = try db.standing(of: login, ledgerPath: path)
        let scope: Int64?
        switch standing {
        case .unknown: throw PlacemakingError.notAnOperator(login: login)
        case .viewer: throw PlacemakingError.viewerCannotWrite(login: login)
        case .clerk(let agency, let name):
            // Set by a staff login that has since become a clerk of another agency.
            if let actingFor, actingFor != agency { throw PlacemakingError.actingNotAllowed(login: login, ownAgency: name) }
            scope = agency
        case .staff: scope = actingFor
        }
        if let expectation { try db.checkVersion(expectation) }
        let agencyName = try scope.flatMap { try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) }
        return Change(actor: agencyName.map { "\(login)（\($0)）" } ?? login, login: login, standing: standing,
                      stamp: Timestamp.string(now), today: ROCDate(now), scope: scope,
                      lookups: WriteLookups(vocabularies: statusVocabularies))
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
        let id = try record.storedID()
        try checkScope(table: R.databaseTableName, id: id, change: change)
        try writeAudit(action: action, table: R.databaseTableName, id: id, before: nil, actor: change.actor, at: change.stamp)
        return id
    }

    /// Saves the edited `record` and logs the row before and after.
    func updateAudited<R: LedgerRecord>(_ record: R, action: String, change: Change) throws {
        try checkScope(table: R.databaseTableName, id: try record.storedID(), change: change)
        let before = try snapshot(table: R.databaseTableName, id: try record.storedID())
        try record.update(self)
        try checkScope(table: R.databaseTableName, id: try record.storedID(), change: change)  // not handed to another agency either
        try writeAudit(action: action, table: R.databaseTableName, id: try record.storedID(), before: before, actor: change.actor, at: change.stamp)
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
    guard let text, !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
        throw PlacemakingError.emptyValue(field: field)
    }
    try kind.check(text, field: field)
    return text
}

/// An optional text field: blank becomes NULL; anything else is checked against `kind` and kept
/// verbatim.
func optionalText(_ text: String?, field: String, as kind: TextField) throws -> String? {
    guard let text, !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { return nil }
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
            var record = try fetch(db)
            guard !record.rows.isEmpty else { throw PlacemakingError.notFound(kind, table: table, id: id) }
            if let ledgerTable = LedgerTable(rawValue: table) { record = record.appendingVersion(try db.version(of: ledgerTable, id: id)) }
            guard let kind else { return RecordDetail(record: record, sections: []) }
            return RecordDetail(record: record, sections: [
                .init(key: "history", title: "狀態歷程", titleEnglish: "status history", table: try db.historyTable(kind, id: id)),
            ])
        }
    }
}
