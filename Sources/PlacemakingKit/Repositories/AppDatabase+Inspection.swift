import Foundation
import GRDB

extension AppDatabase {
    /// Runs one SQL statement that can only read, and returns its rows. Refused: anything that writes,
    /// ATTACH and DETACH, VACUUM, PRAGMA assignments, and a second statement after a `;`. The statement
    /// also runs with `PRAGMA query_only` on, so SQLite itself refuses a write that got past the checks.
    public func query(_ sql: String) throws -> ResultTable {
        try read { db in
            let statement: Statement
            do {
                statement = try db.makeStatement(sql: sql)
            } catch let error as DatabaseError where error.message?.contains("Multiple statements") == true {
                throw PlacemakingError.invalidValue(field: "SQL", value: sql, hint: "一次只能執行一個 SELECT 陳述式；請去掉分號後的內容")
            }
            let words = statement.sql.uppercased().split(whereSeparator: { !$0.isLetter && $0 != "_" }).prefix(3).map(String.init)
            let isPragmaAssignment = words.first == "PRAGMA" && statement.sql.contains("=")
            guard statement.isReadonly, !["ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"].contains(words.first ?? ""),
                  !isPragmaAssignment else {
                throw PlacemakingError.invalidValue(field: "SQL", value: sql,
                                                    hint: "sql 只能讀取資料（SELECT、WITH、唯讀 PRAGMA）；要修改資料請用 plan、case 等指令")
            }
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
        }
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
