import GRDB

/// What every record type of the ledger shares: Codable with snake_case columns, and an id that the
/// database assigns on insert.
protocol LedgerRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension LedgerRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { ColumnNaming.Key(stringValue: ColumnNaming.property(forColumn: $0)) }
    }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { ColumnNaming.column(forProperty: $0.stringValue) }
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LedgerRecord {
    /// The id of a record read from or written to the database, which always has one; a record that
    /// has none is a defect of the program, reported as such rather than a crash.
    func storedID() throws -> Int64 {
        guard let id else { throw PlacemakingError.programDefect("\(Self.self) without an id") }
        return id
    }
}
