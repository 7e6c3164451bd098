import Foundation

/// Writes an Office Open XML workbook (`.xlsx`) as rows arrive: each sheet's rows go to a temporary
/// file, and `finish()` streams the parts into the zip. Text goes to the shared strings table, which
/// is held until the end (see `SharedStrings`); rows are not.
///
/// Cells keep their types as in `ODSSink`: numbers for counts and amounts (`#,##0`), serial dates
/// shown in the ROC calendar (`dateFormat`), an upper-bound date shown with 前, text as strings (never
/// formulas). The header row is frozen and printed on every page; columns fit their widest value.
public struct XLSXSink: TableSink {
    public let language: Language
    private var strings = SharedStrings()
    private var book: WorkbookSheets

    /// Writes to `url` when finished.
    public init(url: URL, language: Language = .chinese) throws {
        self.language = language
        book = try WorkbookSheets(url: url)
    }

    /// Writes to the file of `target`; refuses standard output.
    public init(target: OutputTarget, language: Language = .chinese) throws {
        try self.init(url: target.workbookURL(format: "XLSX"), language: language)
    }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws {
        let rows = try book.start(name, columns: columns, language: language)
        var header = "<row r=\"1\">"
        for (index, column) in columns.enumerated() {
            header += "<c r=\"\(Self.columnName(index))1\" s=\"\(Style.header.rawValue)\" t=\"s\"><v>\(strings.number(column.header(language)))</v></c>"
        }
        rows.write(header + "</row>\n")
    }

    public mutating func row(_ cells: [ResultTable.Cell]) throws {
        guard var sheet = book.current else { throw PlacemakingError.programDefect("XLSX row before begin") }
        guard sheet.count < WorkbookSheets.rowLimit else { throw PlacemakingError.sheetTooLarge(sheet: sheet.name, limit: WorkbookSheets.rowLimit) }
        sheet.count += 1
        var xml = "<row r=\"\(sheet.count)\">"
        for (index, cell) in cells.enumerated() {
            let nullIsUnknown = sheet.columns.indices.contains(index) ? sheet.columns[index].nullIsUnknown : true
            xml += cellXML(cell, at: "\(Self.columnName(index))\(sheet.count)", nullIsUnknown: nullIsUnknown)
        }
        sheet.rows.write(xml + "</row>\n")
        try sheet.rows.check()
        sheet.widths.measure(cells, columns: sheet.columns)
        book.current = sheet
    }

    public mutating func endSheet() throws { try book.endSheet() }

    public mutating func finish() throws {
        try endSheet()
        if book.sheets.isEmpty {
            try begin(sheet: "", columns: [])
            try endSheet()
        }
        let shared = try sharedStringsFile()
        var entries = [
            ZipPackage.Entry(path: "[Content_Types].xml", parts: [.text(contentTypes())]),
            ZipPackage.Entry(path: "_rels/.rels", parts: [.text(Self.packageRelationships)]),
            ZipPackage.Entry(path: "xl/workbook.xml", parts: [.text(workbook())]),
            ZipPackage.Entry(path: "xl/_rels/workbook.xml.rels", parts: [.text(workbookRelationships())]),
            ZipPackage.Entry(path: "xl/styles.xml", parts: [.text(Self.styles)]),
            ZipPackage.Entry(path: "xl/sharedStrings.xml", parts: [.file(shared)]),
        ]
        for (index, sheet) in book.sheets.enumerated() {
            entries.append(ZipPackage.Entry(path: "xl/worksheets/sheet\(index + 1).xml", parts: worksheetParts(sheet, first: index == 0)))
        }
        try ZipPackage.write(entries, to: book.url)
    }

    // MARK: - Cells

    /// Cell formats, by their index in `styles.xml`'s `cellXfs`.
    enum Style: Int {
        case plain = 0, header, integer, money, date, dateBefore, moment
    }

    private mutating func cellXML(_ cell: ResultTable.Cell, at reference: String, nullIsUnknown: Bool) -> String {
        func number(_ value: String, _ style: Style) -> String {
            "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
        }
        switch cell {
        case .integer(let i): return number(String(i), .integer)
        case .money(let m): return number(String(m.yuan), .money)
        case .date(let d): return number(String(SpreadsheetSerial.of(d)), .date)
        case .dateOnOrBefore(let d): return number(String(SpreadsheetSerial.of(d)), .dateBefore)
        case .timestamp(let stamp):
            if let moment = TaiwanTime(stamp) { return number(String(moment.serial), .moment) }
            return "<c r=\"\(reference)\" t=\"s\"><v>\(strings.number(stamp))</v></c>"
        case .null where !nullIsUnknown: return ""
        case .text, .bool, .code, .null:
            return "<c r=\"\(reference)\" t=\"s\"><v>\(strings.number(cell.display(language, nullIsUnknown: nullIsUnknown)))</v></c>"
        }
    }

    /// `A`, `B`, … `Z`, `AA`, …: the column of a cell reference.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Excel's column width unit is a digit of the default font; a Chinese character takes two.
    static func excelWidth(_ width: Int) -> String {
        String(format: "%.1f", max(6.0, Double(width) + 2.5))
    }

    // MARK: - Parts

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private func worksheetParts(_ sheet: WorkbookSheets.Sheet, first: Bool) -> [ZipPackage.Part] {
        var open = Self.header + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationshipsNamespace)\">"
        open += "<sheetViews><sheetView workbookViewId=\"0\"\(first ? " tabSelected=\"1\"" : "")>"
        open += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        open += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        open += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            open += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                open += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.excelWidth(width))\" customWidth=\"1\"/>"
            }
            open += "</cols>"
        }
        open += "<sheetData>\n"
        // Printed on A4 landscape, as the ODS pages are: a status table is wider than it is long.
        let close = "</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\"/></worksheet>\n"
        return [.text(open), .file(sheet.rows), .text(close)]
    }

    private func sharedStringsFile() throws -> URL {
        let out = try book.scratch.textFile("sharedStrings.xml")
        out.write(Self.header + "<sst xmlns=\"\(Self.main)\" count=\"\(strings.references)\" uniqueCount=\"\(strings.strings.count)\">\n")
        for text in strings.strings { out.write("<si><t xml:space=\"preserve\">\(SharedStrings.escaped(text))</t></si>\n") }
        out.write("</sst>\n")
        try out.close()
        return book.scratch.url.appendingPathComponent("sharedStrings.xml")
    }

    private func contentTypes() -> String {
        var overrides = ""
        for index in book.sheets.indices {
            overrides += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return Self.header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            \(overrides)</Types>

            """
    }

    private static let packageRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>

        """

    /// The workbook: its book.sheets, and each sheet's header row as the rows to repeat on printed pages.
    private func workbook() -> String {
        var list = "", printTitles = ""
        for (index, sheet) in book.sheets.enumerated() {
            list += "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            printTitles += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLText.escaped(quoted))!$1:$1</definedName>" // `!` here is Excel's sheet!range reference inside a string, not an unwrap
        }
        return Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationshipsNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>\(list)</sheets>"
            + "<definedNames>\(printTitles)</definedNames></workbook>\n"
    }

    private func workbookRelationships() -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var list = ""
        for index in book.sheets.indices {
            list += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(type)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        list += "<Relationship Id=\"rId\(book.sheets.count + 1)\" Type=\"\(type)/styles\" Target=\"styles.xml\"/>"
        list += "<Relationship Id=\"rId\(book.sheets.count + 2)\" Type=\"\(type)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(list)</Relationships>\n"
    }

    /// The ROC date format: locale 0x404 (zh-TW) with `e`, the year of the era, which is how Excel
    /// writes 民國 years. LibreOffice 7.4 shows it as `111/06/30`; Excel was not at hand to check.
    static let dateFormat = "[$-404]e/mm/dd"

    private static let styles = header + """
        <styleSheet xmlns="\(main)">\
        <numFmts count="3">\
        <numFmt numFmtId="164" formatCode="\(XMLText.attribute(dateFormat))"/>\
        <numFmt numFmtId="165" formatCode="\(XMLText.attribute(dateFormat + "\"前\""))"/>\
        <numFmt numFmtId="166" formatCode="\(XMLText.attribute(dateFormat + " hh:mm"))"/>\
        </numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="7">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>

        """
}
