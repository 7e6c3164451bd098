import Foundation

/// The file formats an export can take, and the sink that writes each: what `export` and `summary`
/// choose from (`--format`, or the extension of `--out`).
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json, markdown, ods, xlsx

    /// The format a file name implies (`狀態.ods`), nil for an unknown extension.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "ods": self = .ods
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// A workbook is a zip archive: it needs a file, never the screen.
    public var isWorkbook: Bool { self == .ods || self == .xlsx }

    /// A sink writing this format to `target`. CSV is for people (BOM, CRLF, formula guard) unless
    /// `csvForMachines`; JSON with several sheets needs `keyedBySheet`. Refuses a workbook on standard
    /// output with `PlacemakingError.workbookNeedsFile`.
    public func sink(to target: OutputTarget, language: Language = .chinese, csvForMachines: Bool = false,
                     keyedBySheet: Bool = false) throws -> any TableSink {
        switch self {
        case .csv: return CSVSink(output: try target.openText(), forPeople: !csvForMachines, language: language)
        case .json: return JSONSink(output: try target.openText(), keyedBySheet: keyedBySheet)
        case .markdown: return MarkdownSink(output: try target.openText(), language: language)
        case .ods: return try ODSSink(target: target, language: language)
        case .xlsx: return try XLSXSink(target: target, language: language)
        }
    }
}
