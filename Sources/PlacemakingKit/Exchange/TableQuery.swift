import GRDB

/// A list or an export as a value: its columns, its SQL with arguments, and how a row becomes cells
/// (read by column index, in the order of the SELECT). `AppDatabase.stream` walks it with a cursor,
/// so no more than one row is held at a time.
struct TableQuery {
    var columns: [ResultTable.Column]
    /// The keys of the columns shown on screen by default (`ResultTable.brief`).
    var brief: [String]? = nil
    var sql: String
    var arguments: StatementArguments
    var cells: (Row) -> [ResultTable.Cell]
    /// The same query without the work of some columns (their values NULL), used when none of those
    /// columns is shown: the screen's brief plan list needs no match totals.
    var lean: (hiding: Set<String>, sql: String)? = nil
}

extension Database {
    /// Every row of `query` as a table: for `show`, tests and the terminal table, which must measure
    /// its cells before it writes.
    func collect(_ query: TableQuery) throws -> ResultTable {
        var table = ResultTable(columns: query.columns, rows: try Row.fetchAll(self, sql: query.sql, arguments: query.arguments).map(query.cells))
        table.brief = query.brief
        return table
    }

    /// Sends every row of `query` to `sink` as one sheet, one row at a time.
    func stream(_ query: TableQuery, sheet: String, into sink: inout some TableSink) throws {
        try sink.begin(sheet: sheet, columns: query.columns)
        let rows = try Row.fetchCursor(self, sql: query.sql, arguments: query.arguments)
        while let row = try rows.next() { try sink.row(query.cells(row)) }
        try sink.endSheet()
    }
}
