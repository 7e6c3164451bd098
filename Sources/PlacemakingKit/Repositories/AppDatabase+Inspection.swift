import Foundation
import GRDB

extension AppDatabase {
    /// Runs one SQL statement that can only read, and returns its rows. It runs on a connection of its
    /// own, opened read-only, where an authorizer allows only SELECT, reading, plain functions and a few
    /// read-only PRAGMAs (not ATTACH, transactions, writes or schema changes), and a second statement
    /// after a `;` is refused. It stops after `timeout` seconds, or when `interruptRunningQuery()` is called.
    public func query(_ sql: String, timeout: TimeInterval = AppDatabase.defaultQueryTimeout) throws -> ResultTable {
        try query(sql, timeout: timeout, isInterrupted: ReadOnlyConnection.interruptedFromNow())
    }

    /// `query(_:timeout:)` with its own interrupt check, so tests can interrupt one query without
    /// touching the process-wide Ctrl-C count other tests' queries watch.
    func query(_ sql: String, timeout: TimeInterval, isInterrupted: @escaping () -> Bool) throws -> ResultTable {
        guard let path else { throw PlacemakingError.sqlRefused(.inMemory) }
        return try StorageErrors.mapped { try ReadOnlyConnection.run(path: path, sql: sql, timeout: timeout, isInterrupted: isInterrupted) { statement in
            let rows = try Row.fetchAll(statement)
            let names = statement.columnNames
            var table = ResultTable(columns: names.map { .init($0, $0, $0, nullIsUnknown: false) })
            table.rows = rows.map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return .null
                    case .int64(let i): return .integer(i)
                    case .double(let d): return .text(String(d))
                    case .string(let s): return .text(s)
                    case .blob(let b): return .text("x'" + b.map { String(format: "%02x", $0) }.joined() + "'")
                    }
                }
            }
            return table
        } }
    }

    /// The tables of the ledger, without SQLite's and GRDB's own.
    public func tableNames() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name
                """)
        }
    }

    /// The CREATE statements of one table (with its indexes and triggers) or of the whole schema.
    public func schemaSQL(table: String? = nil) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT sql || ';' FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' AND (?1 IS NULL OR tbl_name = ?1)
                ORDER BY tbl_name, type = 'table' DESC, name
                """, arguments: [table])
        }
    }
}
