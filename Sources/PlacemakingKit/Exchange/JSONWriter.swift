/// Writes a whole `ResultTable` as JSON to a text stream (`--format json` on screen): a `JSONSink`
/// over the stream, so lists and exports write the same objects (with `statusOnOrBefore` and the like).
struct JSONWriter {
    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        var sink = JSONSink(output: StreamTextOutput(out))
        // A stream output never fails, and one table is one array, so neither can the sink.
        try? table.send(to: &sink, sheet: "")
        try? sink.finish()
        out = sink.output.stream
    }

    /// The first row as a single object (`show`).
    func writeObject(_ table: ResultTable, to out: inout some TextOutputStream) {
        out.write((table.rows.first.map { object(table.columns, $0) } ?? "null") + "\n")
    }

    /// One row as a JSON object (a record's fields in `show`).
    func object(_ columns: [ResultTable.Column], _ row: [ResultTable.Cell]) -> String {
        JSONSink<String>.object(columns, row)
    }
}
