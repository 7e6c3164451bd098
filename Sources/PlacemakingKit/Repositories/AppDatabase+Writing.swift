import Foundation
import GRDB

extension AppDatabase {
    /// Runs `body` as one transaction: everything it writes, including the status history and the audit
    /// log, is committed together or not at all.
    func write<T>(_ body: (Database, Change) throws -> T) throws -> T {
        let now = clock()
        let change = Change(actor: actor, stamp: Timestamp.string(now), today: ROCDate(now), scope: scope)
        return try writer.write { db in try body(db, change) }
    }

    /// Reads in a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
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

/// What a text field may hold. Short fields (titles, names, methods, kinds) are one line of at most 200
/// characters; notes (notes, purposes and other free text) may run over lines and hold tabs, up to
/// 4,000 characters. Lengths count Unicode scalars, so combining marks cannot hide a long text.
enum TextField {
    case short
    case note

    /// The most Unicode scalars the field holds.
    var limit: Int {
        switch self {
        case .short: 200
        case .note: 4_000
        }
    }

    /// Refuses what no stored text may hold: control characters (a newline, CRLF or tab is allowed in
    /// notes only), U+FFFD (the mark of input that was not valid UTF-8), and more than `limit` scalars.
    func check(_ text: String, field: String) throws {
        var length = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            length += 1
            if scalar == "\u{FFFD}" { throw PlacemakingError.replacementCharacter(field: field, value: text) }
            if previous == "\r", scalar != "\n" { throw PlacemakingError.controlCharacter(field: field, value: text, character: "\r") }
            if TextField.isControl(scalar), !isAllowedLayout(scalar) {
                throw PlacemakingError.controlCharacter(field: field, value: text, character: scalar)
            }
            previous = scalar
        }
        if previous == "\r" { throw PlacemakingError.controlCharacter(field: field, value: text, character: "\r") }
        guard length <= limit else { throw PlacemakingError.textTooLong(field: field, length: length, limit: limit) }
    }

    /// Newlines and tabs lay out a note; a carriage return only as part of CRLF (checked by the caller).
    private func isAllowedLayout(_ scalar: Unicode.Scalar) -> Bool {
        self == .note && (scalar == "\n" || scalar == "\t" || scalar == "\r")
    }

    /// C0 controls, DEL and C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
