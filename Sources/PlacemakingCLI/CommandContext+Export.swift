import PlacemakingKit

extension CommandContext {
    /// Runs `body` with a sink for `format` writing to `out` (a file) or to the console, then finishes
    /// it. CSV written to a file is for people (BOM, CRLF, formula guard) unless `machine`; on the
    /// console it is for machines. A workbook needs a file.
    func export(format: ExportFormat, out: String?, machine: Bool, _ body: (inout any TableSink) throws -> Void) throws {
        var sink: any TableSink
        if let out {
            sink = try format.sink(to: OutputTarget(path: out), language: language, csvForMachines: machine)
        } else {
            guard !format.isWorkbook else { throw PlacemakingError.workbookNeedsFile(format: format.rawValue.uppercased()) }
            sink = try format.consoleSink(StreamTextOutput(console.stream), language: language)
        }
        try body(&sink)
        try sink.finish()
    }
}

extension ExportFormat {
    /// A text sink writing to the console (the shell's `.output` and tests' capture follow it).
    func consoleSink(_ output: StreamTextOutput<Console.Stream>, language: Language) throws -> any TableSink {
        switch self {
        case .csv: return CSVSink(output: output, forPeople: false, language: language)
        case .json: return JSONSink(output: output, keyedBySheet: false)
        case .markdown: return MarkdownSink(output: output, language: language)
        case .ods, .xlsx: throw PlacemakingError.workbookNeedsFile(format: rawValue.uppercased())
        }
    }
}
