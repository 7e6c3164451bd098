import Foundation
import GRDB

/// What a change was made from: record `id` of `table` as it was at `version`. A write that carries
/// one is refused when the record has changed since (no lost update).
public struct VersionExpectation: Sendable, Equatable {
    public var table: LedgerTable
    public var id: Int64
    public var version: Int64

    public init(table: LedgerTable, id: Int64, version: Int64) {
        self.table = table
        self.id = id
        self.version = version
    }
}

extension AppDatabase {
    /// The same database, whose writes are refused unless the record is still at the expected version
    /// (a script's `--if-version N`, an edit form opened at that version). Nil expects nothing.
    public func expecting(_ expectation: VersionExpectation?) -> AppDatabase {
        var copy = self
        copy.expectation = expectation
        return copy
    }

    /// The current version of record `id` of `table`, or nil when there is no such record.
    public func version(of table: LedgerTable, id: Int64) throws -> Int64? {
        try read { db in try db.version(of: table, id: id) }
    }
}

extension Database {
    func version(of table: LedgerTable, id: Int64) throws -> Int64? {
        guard LedgerTable.versioned.contains(table) else { return nil }
        return try Int64.fetchOne(self, sql: "SELECT version FROM \(table.table) WHERE id = ?", arguments: [id])
    }

    /// Refuses the write when the record moved on from the expected version, naming the last change
    /// from the audit log. A record that does not exist is left to the write, which says so.
    func checkVersion(_ expected: VersionExpectation) throws {
        guard let current = try version(of: expected.table, id: expected.id), current != expected.version else { return }
        let last = try Row.fetchOne(self, sql: """
            SELECT actor, at FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1
            """, arguments: [expected.table.table, expected.id])
        let stamp: String? = last?["at"]
        throw PlacemakingError.staleRecord(expected.table, id: expected.id, read: expected.version, current: current,
                                           by: last?["actor"], at: stamp.map { Timestamp.local($0) ?? $0 })
    }
}

extension LedgerTable {
    /// The tables whose records carry a version (migration 0004).
    static let versioned: Set<LedgerTable> = [.plan, .planMatch, .proposal, .visit, .subsidy, .participationCase, .event, .agency]
}

extension ResultTable {
    /// A one-row record table with the record's version as its last column (`版本`), which scripts read
    /// for `--if-version` (`show --format json`).
    func appendingVersion(_ version: Int64?) -> ResultTable {
        var table = self
        table.columns.append(.init("version", "版本", "version"))
        table.rows = table.rows.map { $0 + [.integer(version)] }
        return table
    }
}
