/// The terminal table as a sink: each row is turned into shown text and measured as it arrives (the
/// values themselves are not kept), and the tables are written when all rows are in.
public struct TextTableSink: TableSink {
    let format: OutputFormat
    private var tables: [MeasuredTable] = []

    public init(format: OutputFormat) { self.format = format }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) {
        tables.append(MeasuredTable(format: format, columns: columns))
    }

    public mutating func row(_ cells: [ResultTable.Cell]) {
        guard !tables.isEmpty else { return }
        tables[tables.count - 1].append(cells)
    }

    public mutating func endSheet() {}
    public mutating func finish() {}

    /// How many rows each table received, in order.
    public var rowCounts: [Int] { tables.map(\.rowCount) }

    /// Writes table `index`.
    public func write(_ index: Int, to out: inout some TextOutputStream) {
        TextTableWriter(format: format).write(tables[index], to: &out)
    }
}
