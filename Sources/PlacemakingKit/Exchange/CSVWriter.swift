/// Writes a whole `ResultTable` as CSV to a text stream (`--format csv` on screen): a `CSVSink` over
/// the stream, so lists and exports write CSV the same way.
struct CSVWriter {
    let format: OutputFormat

    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        var sink = CSVSink(output: StreamTextOutput(out), format: format)
        // A stream output never fails, so neither can the sink.
        try? table.send(to: &sink, sheet: "")
        out = sink.output.stream
    }
}
