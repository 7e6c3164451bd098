/// Writes a `ResultTable` as a JSON array of objects with the columns' camelCase keys, one object a line;
/// dates are ISO, money integer 元, unknown values null.
struct JSONWriter {
    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        guard !table.rows.isEmpty else { out.write("[]\n"); return }
        out.write("[\n")
        for (i, row) in table.rows.enumerated() {
            out.write("  " + object(table.columns, row) + (i < table.rows.count - 1 ? ",\n" : "\n"))
        }
        out.write("]\n")
    }

    /// The first row as a single object (`show`).
    func writeObject(_ table: ResultTable, to out: inout some TextOutputStream) {
        out.write((table.rows.first.map { object(table.columns, $0) } ?? "null") + "\n")
    }

    func object(_ columns: [ResultTable.Column], _ row: [ResultTable.Cell]) -> String {
        "{" + zip(columns, row).map { "\(JSONText.string($0.key)): \(JSONText.value($1))" }.joined(separator: ", ") + "}"
    }
}
