@preconcurrency import GRDBSQLite

extension PlacemakingError {
    /// Why `sql` refused a statement, so the message can say what to type instead.
    public enum SQLRefusal: Equatable, Sendable {
        /// INSERT, UPDATE, DELETE, CREATE, DROP, ALTER (also of temporary tables).
        case writes
        /// ATTACH or DETACH: another file could be read or created.
        case attach
        /// BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE.
        case transaction
        /// VACUUM, ANALYZE or REINDEX.
        case maintenance(String)
        /// A PRAGMA outside the read-only list, or one given a value.
        case pragma(String)
        /// A function outside the list of plain SQL functions (load_extension, fts3_tokenizer …).
        case function(String)
        /// A second statement after a `;`.
        case multipleStatements
        /// The database lives in memory: no second connection can see it.
        case inMemory

        var isMaintenance: Bool {
            if case .maintenance = self { return true }
            return false
        }

        func message(_ language: Language) -> String {
            let zh = language == .chinese
            let readOnly = zh ? "sql 只能讀取資料（SELECT、WITH、唯讀 PRAGMA）" : "sql can only read (SELECT, WITH, read-only PRAGMAs)"
            switch self {
            case .writes:
                return zh ? "\(readOnly)，不能新增、修改或刪除資料或資料表；要修改資料請用 plan、case 等指令"
                    : "\(readOnly), not add, change or delete rows or tables; use plan, case and the other commands to change data"
            case .attach:
                return zh ? "\(readOnly)，不能 ATTACH 或 DETACH 其他資料庫檔案；請查詢這個資料庫的資料表（.tables 可列出）"
                    : "\(readOnly), not ATTACH or DETACH other database files; query this database's tables (see .tables)"
            case .transaction:
                return zh ? "\(readOnly)，不能使用交易（BEGIN、COMMIT、SAVEPOINT）；請直接輸入 SELECT 陳述式"
                    : "\(readOnly), not transactions (BEGIN, COMMIT, SAVEPOINT); type the SELECT statement alone"
            case .maintenance(let command):
                return zh ? "\(readOnly)，不能執行 \(command)；請輸入 SELECT 陳述式"
                    : "\(readOnly), not run \(command); type a SELECT statement"
            case .pragma(let name):
                let allowed = "table_info(表名)、index_list(表名)、foreign_key_list(表名)、integrity_check、quick_check、foreign_key_check、user_version"
                return zh ? "\(readOnly)，不能執行或設定 PRAGMA \(name)；可用的 PRAGMA：\(allowed)"
                    : "\(readOnly), not run or set PRAGMA \(name); allowed: \(allowed.replacingOccurrences(of: "表名", with: "table").replacingOccurrences(of: "、", with: ", "))"
            case .function(let name):
                return zh ? "sql 不允許使用函式 \(name)()；請改用一般的 SQL 函式，例如 count、sum、substr、date、json_extract"
                    : "sql does not allow the function \(name)(); use ordinary SQL functions such as count, sum, substr, date, json_extract"
            case .multipleStatements:
                return zh ? "sql 一次只能執行一個陳述式；請去掉分號後的內容"
                    : "sql runs one statement at a time; remove what follows the semicolon"
            case .inMemory:
                return zh ? "記憶體中的資料庫不能用 sql 查詢；請以 --db 指定資料庫檔案"
                    : "sql cannot query a database that lives in memory; give a database file with --db"
            }
        }
    }
}

/// What `sql` lets a statement do, decided action by action as SQLite compiles it (sqlite3_set_authorizer).
/// An allow-list: a new kind of action or function in a later SQLite is refused until someone looks at it.
enum SQLAuthorizer {
    /// PRAGMAs that only describe the schema or check the file; they may name a table or index.
    static let introspectionPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
    ]
    /// PRAGMAs that read a value when given no argument, and write it when given one.
    static let valuePragmas: Set<String> = ["user_version", "schema_version", "page_count", "freelist_count"]

    /// SQLite's own scalar, aggregate, window, date, math and JSON functions: none reads files, loads
    /// code or reveals memory. Deliberately absent: load_extension, fts3_tokenizer, readfile, writefile, edit.
    static let functions: Set<String> = [
        // scalar
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr",
        "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length",
        "printf", "quote", "random", "randomblob", "replace", "round", "rtrim", "sign", "soundex", "substr",
        "substring", "trim", "typeof", "unhex", "unicode", "unistr", "unlikely", "upper", "zeroblob",
        "changes", "total_changes", "last_insert_rowid", "sqlite_version", "sqlite_source_id",
        // aggregate and window
        "avg", "count", "group_concat", "string_agg", "sum", "total",
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
        "first_value", "last_value", "nth_value",
        // date and time
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
        "current_date", "current_time", "current_timestamp",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh",
        "degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians",
        "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
        // JSON (-> and ->> are functions to the authorizer)
        "json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_extract", "jsonb_extract",
        "json_insert", "jsonb_insert", "json_object", "jsonb_object", "json_patch", "jsonb_patch",
        "json_remove", "jsonb_remove", "json_replace", "jsonb_replace", "json_set", "jsonb_set",
        "json_type", "json_valid", "json_quote", "json_error_position", "json_pretty",
        "json_group_array", "jsonb_group_array", "json_group_object", "jsonb_group_object", "->", "->>",
    ]

    /// nil to allow the action, else why it is refused. `arg1`…`arg2` are the callback's first two
    /// strings (table and column, pragma and its argument, nil and function name).
    static func refusal(action: Int32, _ arg1: String?, _ arg2: String?) -> PlacemakingError.SQLRefusal? {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return nil
        case SQLITE_UPDATE where arg1 == "sqlite_master":
            // Asked (column by column) while a table-valued function such as json_each or
            // pragma_table_info declares its columns; nothing is written. A real UPDATE of sqlite_master
            // is refused by SQLite itself (writable_schema is off and cannot be turned on here), by the
            // read-only connection, and by the check that the compiled statement only reads.
            return nil
        case SQLITE_FUNCTION:
            let name = (arg2 ?? "").lowercased()
            return functions.contains(name) ? nil : .function(arg2 ?? "?")
        case SQLITE_PRAGMA:
            let name = (arg1 ?? "").lowercased()
            if introspectionPragmas.contains(name) || (arg2 == nil && valuePragmas.contains(name)) { return nil }
            return .pragma(arg1 ?? "?")
        case SQLITE_ATTACH, SQLITE_DETACH:
            return .attach
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
            return .transaction
        case SQLITE_ANALYZE:
            return .maintenance("ANALYZE")
        case SQLITE_REINDEX:
            return .maintenance("REINDEX")
        default:
            // INSERT, UPDATE, DELETE, every CREATE, DROP and ALTER, virtual tables, COPY, and whatever
            // a later SQLite adds.
            return .writes
        }
    }
}
