import Foundation

/// Writes an OpenDocument spreadsheet (ODF 1.2, `.ods`; Taiwan's government standard, CNS 15251) as
/// rows arrive: each sheet's rows go to a temporary file, and `finish()` streams the parts into the
/// zip, so an export of any size holds one row at a time.
///
/// Cells keep their types: counts and amounts are numbers (amounts shown `5,000,000`, the header
/// saying 元), dates are dates shown in the ROC calendar (`111/06/30`, via ODF's `number:calendar`),
/// a date known only as an upper bound is a date shown `111/06/30前`, a moment a date-time in Taiwan's
/// time; text, labels and 是/否 are strings, so text starting with `=` is never a formula. The header
/// row is frozen and repeats on printed pages; columns are as wide as their widest value.
public struct ODSSink: TableSink {
    public let language: Language
    private var book: WorkbookSheets

    /// Writes to `url` when finished.
    public init(url: URL, language: Language = .chinese) throws {
        self.language = language
        book = try WorkbookSheets(url: url)
    }

    /// Writes to the file of `target`; refuses standard output.
    public init(target: OutputTarget, language: Language = .chinese) throws {
        try self.init(url: target.workbookURL(format: "ODS"), language: language)
    }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws {
        let rows = try book.start(name, columns: columns, language: language)
        rows.write("<table:table-header-rows><table:table-row>")
        for column in columns {
            rows.write("<table:table-cell table:style-name=\"ceHead\" office:value-type=\"string\">\(Self.paragraphs(column.header(language)))</table:table-cell>")
        }
        rows.write("</table:table-row></table:table-header-rows>\n")
    }

    public mutating func row(_ cells: [ResultTable.Cell]) throws {
        guard var sheet = book.current else { throw PlacemakingError.programDefect("ODS row before begin") }
        guard sheet.count < WorkbookSheets.rowLimit else { throw PlacemakingError.sheetTooLarge(sheet: sheet.name, limit: WorkbookSheets.rowLimit) }
        var xml = "<table:table-row>"
        for (index, cell) in cells.enumerated() {
            let nullIsUnknown = sheet.columns.indices.contains(index) ? sheet.columns[index].nullIsUnknown : true
            xml += cellXML(cell, nullIsUnknown: nullIsUnknown)
        }
        sheet.rows.write(xml + "</table:table-row>\n")
        try sheet.rows.check()
        sheet.widths.measure(cells, columns: sheet.columns)
        sheet.count += 1
        book.current = sheet
    }

    public mutating func endSheet() throws { try book.endSheet() }

    public mutating func finish() throws {
        try endSheet()
        if book.sheets.isEmpty {
            try begin(sheet: "", columns: [])
            try endSheet()
        }
        let files = ["content.xml", "styles.xml", "meta.xml", "settings.xml"]
        var entries = [ZipPackage.Entry(path: "mimetype", parts: [.text(Self.mimeType)], compressed: false)]
        entries.append(ZipPackage.Entry(path: "content.xml", parts: contentParts()))
        entries.append(ZipPackage.Entry(path: "styles.xml", parts: [.text(Self.styles)]))
        entries.append(ZipPackage.Entry(path: "meta.xml", parts: [.text(Self.meta)]))
        entries.append(ZipPackage.Entry(path: "settings.xml", parts: [.text(settings())]))
        entries.append(ZipPackage.Entry(path: "META-INF/manifest.xml", parts: [.text(Self.manifest(files))]))
        try ZipPackage.write(entries, to: book.url)
    }

    // MARK: - Cells

    private func cellXML(_ cell: ResultTable.Cell, nullIsUnknown: Bool) -> String {
        let shown = Self.paragraphs(cell.display(language, nullIsUnknown: nullIsUnknown))
        switch cell {
        case .integer(let i):
            return "<table:table-cell table:style-name=\"ceInteger\" office:value-type=\"float\" office:value=\"\(i)\">\(shown)</table:table-cell>"
        case .money(let m):
            return "<table:table-cell table:style-name=\"ceMoney\" office:value-type=\"float\" office:value=\"\(m.yuan)\">\(shown)</table:table-cell>"
        case .date(let d):
            return "<table:table-cell table:style-name=\"ceDate\" office:value-type=\"date\" office:date-value=\"\(d.iso)\">\(shown)</table:table-cell>"
        case .dateOnOrBefore(let d):
            return "<table:table-cell table:style-name=\"ceDateBefore\" office:value-type=\"date\" office:date-value=\"\(d.iso)\">\(shown)</table:table-cell>"
        case .timestamp(let stamp):
            guard let moment = TaiwanTime(stamp) else { return Self.stringCell(shown) }
            return "<table:table-cell table:style-name=\"ceMoment\" office:value-type=\"date\" office:date-value=\"\(moment.isoSeconds)\">\(shown)</table:table-cell>"
        case .null where !nullIsUnknown:
            return "<table:table-cell/>"
        case .text, .bool, .code, .null:
            return Self.stringCell(shown)
        }
    }

    private static func stringCell(_ paragraphs: String) -> String {
        "<table:table-cell office:value-type=\"string\">\(paragraphs)</table:table-cell>"
    }

    /// Text as ODF paragraphs: one `text:p` a line; runs of spaces and tabs as `text:s` and `text:tab`,
    /// which ODF would otherwise collapse.
    static func paragraphs(_ text: String) -> String {
        var out = "<text:p>"
        var spaces = 0
        var atStart = true
        func flushSpaces() {
            guard spaces > 0 else { return }
            if !atStart { out += " "; spaces -= 1 }
            if spaces == 1 { out += "<text:s/>" } else if spaces > 1 { out += "<text:s text:c=\"\(spaces)\"/>" }
            spaces = 0
        }
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case " ": spaces += 1; continue
            case "\n" where previousWasCR: continue
            case "\n", "\r":
                spaces = 0  // trailing blanks of a line carry nothing
                out += "</text:p><text:p>"
                atStart = true
                continue
            default: break
            }
            flushSpaces()
            atStart = false
            if scalar == "\t" { out += "<text:tab/>" } else { out += XMLText.escaped(String(scalar)) }
        }
        flushSpaces()
        return out + "</text:p>"
    }

    // MARK: - Parts

    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    private static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
        """

    /// `content.xml`: the styles (column widths known only now), then each sheet's rows from its file.
    private func contentParts() -> [ZipPackage.Part] {
        let widths = Set(book.sheets.flatMap(\.columnWidths)).sorted()
        var head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(Self.namespaces) office:version="1.2">
            <office:automatic-styles>
            \(Self.dataStyles)
            <style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>

            """
        for width in widths {
            head += "<style:style style:name=\"co\(width)\" style:family=\"table-column\"><style:table-column-properties fo:break-before=\"auto\" style:column-width=\"\(Self.centimetres(width))cm\"/></style:style>\n"
        }
        head += "</office:automatic-styles>\n<office:body><office:spreadsheet>\n"
        var parts: [ZipPackage.Part] = [.text(head)]
        for sheet in book.sheets {
            var open = "<table:table table:name=\"\(XMLText.attribute(sheet.name))\" table:style-name=\"ta1\">\n"
            for width in sheet.columnWidths { open += "<table:table-column table:style-name=\"co\(width)\" table:default-cell-style-name=\"Default\"/>" }
            if sheet.columnWidths.isEmpty { open += "<table:table-column/>" }
            parts.append(.text(open + "\n"))
            parts.append(.file(sheet.rows))
            parts.append(.text("</table:table>\n"))
        }
        parts.append(.text("</office:spreadsheet></office:body></office:document-content>\n"))
        return parts
    }

    /// A column `width` display columns wide, in centimetres at Calc's default 10-point font (a Latin
    /// digit about 0.2 cm, a Chinese character twice that), with room for the cell's margins.
    static func centimetres(_ width: Int) -> String {
        String(format: "%.2f", max(1.2, Double(width) * 0.21 + 0.35))
    }

    /// Number and date styles. `number:calendar="ROC"` shows the year in the ROC calendar: LibreOffice
    /// 7.4 shows 2022-06-30 as `111/06/30` (checked as CSV and as a rendered PDF page).
    private static let dataStyles = """
        <number:number-style style:name="N_INTEGER"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
        <number:number-style style:name="N_MONEY"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
        <number:date-style style:name="N_DATE" number:language="zh" number:country="TW" number:automatic-order="false"><number:year number:calendar="ROC"/><number:text>/</number:text><number:month number:style="long" number:calendar="ROC"/><number:text>/</number:text><number:day number:style="long" number:calendar="ROC"/></number:date-style>
        <number:date-style style:name="N_DATE_BEFORE" number:language="zh" number:country="TW" number:automatic-order="false"><number:year number:calendar="ROC"/><number:text>/</number:text><number:month number:style="long" number:calendar="ROC"/><number:text>/</number:text><number:day number:style="long" number:calendar="ROC"/><number:text>前</number:text></number:date-style>
        <number:date-style style:name="N_MOMENT" number:language="zh" number:country="TW" number:automatic-order="false"><number:year number:calendar="ROC"/><number:text>/</number:text><number:month number:style="long" number:calendar="ROC"/><number:text>/</number:text><number:day number:style="long" number:calendar="ROC"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
        <style:style style:name="ceHead" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
        <style:style style:name="ceInteger" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_INTEGER"/>
        <style:style style:name="ceMoney" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_MONEY"/>
        <style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE"/>
        <style:style style:name="ceDateBefore" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE_BEFORE"/>
        <style:style style:name="ceMoment" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_MOMENT"/>
        """

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.2">
        <office:styles>
        <style:default-style style:family="table-cell"><style:text-properties style:language-asian="zh" style:country-asian="TW"/></style:default-style>
        <style:style style:name="Default" style:family="table-cell"/>
        </office:styles>
        <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties style:print-orientation="landscape" fo:page-width="29.7cm" fo:page-height="21cm"/></style:page-layout></office:automatic-styles>
        <office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>
        </office:document-styles>

        """

    private static var meta: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">
        <office:meta><meta:generator>placemaking/\(PlacemakingVersion.current)</meta:generator>\
        <meta:creation-date>\(Timestamp.string(Date()).dropLast())</meta:creation-date></office:meta>
        </office:document-meta>

        """
    }

    /// `settings.xml`: each sheet split below its first row (the header frozen), the first sheet active.
    private func settings() -> String {
        func item(_ name: String, _ type: String, _ value: String) -> String {
            "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
        }
        var tables = ""
        for sheet in book.sheets {
            tables += "<config:config-item-map-entry config:name=\"\(XMLText.attribute(sheet.name))\">"
                + item("HorizontalSplitMode", "short", "0") + item("VerticalSplitMode", "short", "2")
                + item("HorizontalSplitPosition", "int", "0") + item("VerticalSplitPosition", "int", "1")
                + item("ActiveSplitRange", "short", "2") + item("PositionLeft", "int", "0") + item("PositionRight", "int", "0")
                + item("PositionTop", "int", "0") + item("PositionBottom", "int", "1")
                + "</config:config-item-map-entry>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2">
            <office:settings><config:config-item-set config:name="ooo:view-settings">
            <config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>
            \(item("ViewId", "string", "view1"))
            <config:config-item-map-named config:name="Tables">
            \(tables)</config:config-item-map-named>
            \(item("ActiveTable", "string", XMLText.escaped(book.sheets.first?.name ?? "")))
            </config:config-item-map-entry></config:config-item-map-indexed>
            </config:config-item-set></office:settings>
            </office:document-settings>

            """
    }

    private static func manifest(_ files: [String]) -> String {
        var entries = "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"\(mimeType)\"/>\n"
        for file in files { entries += "<manifest:file-entry manifest:full-path=\"\(file)\" manifest:media-type=\"text/xml\"/>\n" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
            \(entries)</manifest:manifest>

            """
    }
}
