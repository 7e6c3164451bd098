import Foundation

/// What the two workbook sinks (ODS, XLSX) keep while rows arrive: the file to write, a scratch folder
/// where each sheet's rows go as they come, the sheets finished so far and the one being written.
struct WorkbookSheets {
    struct Sheet {
        var name: String
        var columnWidths: [Int]
        var rows: URL
    }

    /// The sheet being written: its columns, their measured widths, its rows file and how many rows
    /// (the header included) it holds.
    struct Current {
        var name: String
        var columns: [ResultTable.Column]
        var widths: ColumnWidths
        var rows: FileTextOutput
        var count: Int
    }

    /// Rows a sheet may have, header included (Calc's limit with large sheets off, and Excel's).
    static let rowLimit = 1_048_576

    let url: URL
    let scratch: ScratchDirectory
    var names = SheetNames()
    var sheets: [Sheet] = []
    var current: Current?

    init(url: URL) throws {
        self.url = url
        scratch = try ScratchDirectory()
    }

    /// Starts a sheet (ending one still open); its rows file is returned for the sink to write the
    /// header row into.
    mutating func start(_ name: String, columns: [ResultTable.Column], language: Language) throws -> FileTextOutput {
        try endSheet()
        let rows = try scratch.textFile("sheet\(sheets.count + 1).xml")
        current = Current(name: names.name(for: name), columns: columns, widths: ColumnWidths(columns, language: language),
                          rows: rows, count: 1)
        return rows
    }

    /// Closes the current sheet's rows file and keeps it for the archive.
    mutating func endSheet() throws {
        guard let sheet = current else { return }
        current = nil
        try sheet.rows.close()
        sheets.append(Sheet(name: sheet.name, columnWidths: sheet.widths.widths,
                            rows: scratch.url.appendingPathComponent("sheet\(sheets.count + 1).xml")))
    }
}
