/// Where the rows of a list or an export go, one at a time: CSV, JSON, Markdown, ODS and XLSX write
/// each row as it arrives (so a million-row export holds one row at a time); the terminal table is the
/// one sink that collects, because it must measure widths first. A workbook sink (ODS, XLSX) takes
/// several sheets, each begun and ended in turn; a single-table sink (CSV, JSON) takes one.
public protocol TableSink {
    /// Starts a table (a sheet of a workbook) named `name` with these columns.
    mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws
    /// One row, its cells in the order of the columns.
    mutating func row(_ cells: [ResultTable.Cell]) throws
    /// Ends the current table.
    mutating func endSheet() throws
    /// Ends the output (closes the file, writes the archive's directory).
    mutating func finish() throws
}

/// A sink that keeps every row: for tests, small results, and the terminal table.
public struct CollectingSink: TableSink {
    public private(set) var tables: [(name: String, table: ResultTable)] = []

    public init() {}

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) {
        tables.append((name, ResultTable(columns: columns)))
    }

    public mutating func row(_ cells: [ResultTable.Cell]) {
        guard !tables.isEmpty else { return }
        tables[tables.count - 1].table.rows.append(cells)
    }

    public mutating func endSheet() {}
    public mutating func finish() {}
}

extension ResultTable {
    /// Sends this table to `sink` as one sheet named `name`.
    public func send(to sink: inout some TableSink, sheet name: String) throws {
        try sink.begin(sheet: name, columns: columns)
        for row in rows { try sink.row(row) }
        try sink.endSheet()
    }
}
