/// How results are written: a small value that the writers read (as SQLite's shell modes and GRDB's
/// `DumpFormat` are). Screen output and exports share the writers.
public struct OutputFormat: Sendable, Equatable {
    public enum Style: String, Sendable, CaseIterable {
        /// Columns aligned by display width, a dashed line under the header.
        case table
        /// Columns in a box drawn with line characters.
        case box
        /// A GitHub-flavoured Markdown table.
        case markdown
        /// RFC 4180 comma-separated values.
        case csv
        /// An array of objects with camelCase keys.
        case json
    }

    public var style: Style
    public var language: Language
    /// Whether tables print their header row.
    public var headers: Bool
    /// Fit tables into this many columns, wrapping long cells; nil for no limit.
    public var maxWidth: Int?
    /// Count East Asian ambiguous characters as 2 columns.
    public var ambiguousIsWide: Bool
    /// CSV for people (UTF-8 BOM, CRLF, formula guard) rather than for programs.
    public var csvForPeople: Bool

    public init(style: Style = .table, language: Language = .chinese, headers: Bool = true, maxWidth: Int? = nil,
                ambiguousIsWide: Bool = false, csvForPeople: Bool = false) {
        self.style = style
        self.language = language
        self.headers = headers
        self.maxWidth = maxWidth
        self.ambiguousIsWide = ambiguousIsWide
        self.csvForPeople = csvForPeople
    }

    /// Writes `table` in this format.
    public func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        switch style {
        case .table, .box, .markdown: TextTableWriter(format: self).write(table, to: &out)
        case .csv: CSVWriter(format: self).write(table, to: &out)
        case .json: JSONWriter().write(table, to: &out)
        }
    }

    /// Writes one record: as a two-column table of fields on screen, as one JSON object in JSON.
    public func writeRecord(_ table: ResultTable, to out: inout some TextOutputStream) {
        switch style {
        case .json: JSONWriter().writeObject(table, to: &out)
        case .csv: CSVWriter(format: self).write(table, to: &out)
        case .table, .box, .markdown: TextTableWriter(format: self).write(table.transposed(language), to: &out)
        }
    }
}

extension ResultTable {
    /// The first row as (field, value) rows, for showing one record.
    func transposed(_ language: Language) -> ResultTable {
        let columns = [Column("field", "欄位", "field"), Column("value", "內容", "value")]
        guard let row = rows.first else { return ResultTable(columns: columns) }
        let pairs = zip(self.columns, row).map { column, cell -> [Cell] in
            [.text(column.header(language)), .text(cell.display(language, nullIsUnknown: column.nullIsUnknown))]
        }
        return ResultTable(columns: columns, rows: pairs)
    }
}
