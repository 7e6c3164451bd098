/// Writes JSON as rows arrive: an array of objects with the columns' camelCase keys in column order,
/// one object a line; ISO dates, integer 元, `null` for unknown or none. A date known only as an upper
/// bound keeps what the table shows: column `statusOn` writes `"statusOn": "2022-06-30"` followed by
/// `"statusOnOrBefore": true` (see `onOrBeforeKey`; the flag appears only when true, so an exact date
/// reads as it always did).
///
/// One sheet makes an array. With `keyedBySheet`, each sheet becomes a member of one object, named by
/// the sheet (a summary's several tables).
public struct JSONSink<Output: TextOutput>: TableSink {
    public private(set) var output: Output
    public let keyedBySheet: Bool
    private var columns: [ResultTable.Column] = []
    private var rowsInSheet = 0
    private var sheets = 0

    public init(output: Output, keyedBySheet: Bool = false) {
        self.output = output
        self.keyedBySheet = keyedBySheet
    }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws {
        if keyedBySheet {
            output.write(sheets == 0 ? "{\n" : ",\n")
            output.write(JSONText.string(name) + ": ")
        } else if sheets > 0 {
            throw PlacemakingError.programDefect("a JSON array holds one table; ask for keyedBySheet")
        }
        sheets += 1
        self.columns = columns
        keys = Self.keys(columns)
        rowsInSheet = 0
    }

    /// The columns' keys, escaped once per sheet rather than once per row.
    private var keys: [(member: [UInt8], flag: [UInt8])] = []
    /// The row being written, as bytes: one string per row reaches the output, not one per value.
    private var line: [UInt8] = []

    public mutating func row(_ cells: [ResultTable.Cell]) throws {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: (rowsInSheet == 0 ? "[\n  " : ",\n  ").utf8)
        Self.appendObject(keys, cells, to: &line)
        output.write(String(decoding: line, as: UTF8.self))
        rowsInSheet += 1
        try output.check()
    }

    public mutating func endSheet() throws {
        output.write(rowsInSheet == 0 ? "[]" : "\n]")
        if !keyedBySheet { output.write("\n") }
        try output.check()
    }

    public mutating func finish() throws {
        if keyedBySheet { output.write(sheets == 0 ? "{}\n" : "\n}\n") }
        try output.close()
    }

    /// One row as a JSON object (a record in `show`, a row of a list).
    static func object(_ columns: [ResultTable.Column], _ cells: [ResultTable.Cell]) -> String {
        var bytes: [UInt8] = []
        appendObject(keys(columns), cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"key": ` of each column and, for a date known only as an upper bound, `"keyOnOrBefore": true`.
    private static func keys(_ columns: [ResultTable.Column]) -> [(member: [UInt8], flag: [UInt8])] {
        columns.map { (Array((JSONText.string($0.key) + ": ").utf8), Array((JSONText.string(onOrBeforeKey($0.key)) + ": true").utf8)) }
    }

    private static func appendObject(_ keys: [(member: [UInt8], flag: [UInt8])], _ cells: [ResultTable.Cell], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, cell) in cells.enumerated() where index < keys.count {
            if index > 0 { bytes.append(contentsOf: ", ".utf8) }
            bytes.append(contentsOf: keys[index].member)
            JSONText.appendValue(cell, to: &bytes)
            if case .dateOnOrBefore = cell {
                bytes.append(contentsOf: ", ".utf8)
                bytes.append(contentsOf: keys[index].flag)
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The flag's key: `statusOn` → `statusOnOrBefore` (date columns are named …On), any other key
    /// `k` → `kOnOrBefore`.
    static func onOrBeforeKey(_ key: String) -> String {
        key.hasSuffix("On") ? key + "OrBefore" : key + "OnOrBefore"
    }
}
