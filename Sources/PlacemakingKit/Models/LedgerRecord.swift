import GRDB

/// What every record type of the ledger shares: Codable with snake_case columns, and an id that the
/// database assigns on insert.
protocol LedgerRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension LedgerRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
