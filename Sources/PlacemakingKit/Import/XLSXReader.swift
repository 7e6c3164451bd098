import Foundation
import ZIPFoundation

/// Reads the rows of one sheet of an Office Open XML workbook: shared strings, inline strings, numbers
/// (dates stay serial numbers: the field they land in decides, as only it knows a date is meant) and
/// booleans. Reads what Excel, LibreOffice and this program's own export write.
public enum XLSXReader {
    /// The rows of the sheet named `sheet`, else the first sheet, with the file's row numbers.
    public static func rows(of url: URL, sheet: String?) throws -> [ImportRow] {
        let archive = try SpreadsheetArchive(url: url)
        let strings = try archive.data("xl/sharedStrings.xml", required: false).map { try SharedStringsParser.parse($0, url: url) } ?? []
        let sheets = try WorkbookSheetsParser.parse(try archive.data("xl/workbook.xml"), url: url)
        let relationships = try RelationshipsParser.parse(try archive.data("xl/_rels/workbook.xml.rels"), url: url)
        guard let chosen = sheet.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            throw PlacemakingError.importSheetNotFound(sheet ?? "", available: sheets.map(\.name))
        }
        guard var target = relationships[chosen.relationship] else {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "sheet \(chosen.name) has no part")
        }
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let upperBounds = try archive.data("xl/styles.xml", required: false).map { try StylesParser.upperBoundStyles($0, url: url) } ?? []
        return try SheetParser.parse(try archive.data(target), strings: strings, upperBoundStyles: upperBounds, url: url)
    }

    /// Runs `handler` over `data`, turning a parse failure into the user's message.
    static func run(_ handler: XMLEventHandler, on data: Data, url: URL) throws {
        do {
            try XMLEventParser.parse(data, handler: handler)
        } catch .truncated {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "XML 內容不完整，檔案可能被截斷")
        } catch .malformed(let line, let reason) {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "XML 內容損壞（第 \(line) 行：\(reason)）")
        }
    }

    /// Column index (from 0) of a cell reference such as `AB12`.
    static func column(of reference: String) -> Int? {
        var value = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            value = value * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : value - 1
    }

    private final class SharedStringsParser: XMLEventHandler {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false

        static func parse(_ data: Data, url: URL) throws -> [String] {
            let parser = SharedStringsParser()
            try XLSXReader.run(parser, on: data, url: url)
            return parser.strings
        }

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func end(_ name: String) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }

        func text(_ string: String) { if inText { current += string } }
    }

    private final class WorkbookSheetsParser: XMLEventHandler {
        var sheets: [(name: String, relationship: String)] = []

        static func parse(_ data: Data, url: URL) throws -> [(name: String, relationship: String)] {
            let parser = WorkbookSheetsParser()
            try XLSXReader.run(parser, on: data, url: url)
            return parser.sheets
        }

        func start(_ name: String, attributes: [String: String]) {
            guard name == "sheet", let sheetName = attributes["name"],
                  let id = attributes.first(where: { $0.key == "r:id" || $0.key.hasSuffix(":id") })?.value else { return }
            sheets.append((sheetName, id))
        }
    }

    private final class RelationshipsParser: XMLEventHandler {
        var targets: [String: String] = [:]

        static func parse(_ data: Data, url: URL) throws -> [String: String] {
            let parser = RelationshipsParser()
            try XLSXReader.run(parser, on: data, url: url)
            return parser.targets
        }

        func start(_ name: String, attributes: [String: String]) {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        }
    }

    /// The cell styles (indexes into `cellXfs`) whose number format shows a date as an upper bound, as
    /// `export` writes one (`yyyy/mm/dd"前"`): their dates are read as `…前`, so the mark survives.
    private final class StylesParser: XMLEventHandler {
        var formats: [String: String] = [:]
        var cellFormats: [String] = []
        var inCellXfs = false

        static func upperBoundStyles(_ data: Data, url: URL) throws -> Set<Int> {
            let parser = StylesParser()
            try XLSXReader.run(parser, on: data, url: url)
            return Set(parser.cellFormats.indices.filter { parser.formats[parser.cellFormats[$0]]?.contains("前") == true })
        }

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"], let code = attributes["formatCode"] { formats[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"] ?? "0")
            default: break
            }
        }

        func end(_ name: String) {
            if name == "cellXfs" { inCellXfs = false }
        }
    }

    private final class SheetParser: XMLEventHandler {
        let strings: [String]
        let upperBoundStyles: Set<Int>
        var style: Int?
        var rows: [ImportRow] = []
        var row: [ImportCell] = []
        var rowNumber = 0
        var column = 0
        var type = "n"
        var value = ""
        var inValue = false
        /// Why the sheet cannot be read (the first problem), told with the file's name when parsing ends.
        var failure: String?
        /// Whether `</sheetData>` was reached: a sheet without one is refused as cut short.
        var complete = false

        init(strings: [String], upperBoundStyles: Set<Int>) {
            self.strings = strings
            self.upperBoundStyles = upperBoundStyles
        }

        static func parse(_ data: Data, strings: [String], upperBoundStyles: Set<Int>, url: URL) throws -> [ImportRow] {
            let parser = SheetParser(strings: strings, upperBoundStyles: upperBoundStyles)
            try XLSXReader.run(parser, on: data, url: url)
            if let failure = parser.failure { throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: failure) }
            guard parser.complete else {
                throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "工作表內容不完整，檔案可能被截斷")
            }
            return parser.rows
        }

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                row = []
                column = 0
            case "c":
                column = attributes["r"].flatMap(XLSXReader.column(of:)) ?? row.count
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init)
                value = ""
            case "v", "t":
                inValue = true
            default: break
            }
        }

        func text(_ string: String) { if inValue { value += string } }

        func end(_ name: String) {
            switch name {
            case "v", "t": inValue = false
            case "c":
                let cell: ImportCell
                switch type {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        // A cell pointing past the shared strings is damage, not an empty cell.
                        failure = failure ?? "第 \(rowNumber) 列的儲存格指向不存在的共用字串 \(value)"
                        return
                    }
                    cell = strings[index].isEmpty ? .empty : .text(strings[index])
                case "inlineStr", "str": cell = value.isEmpty ? .empty : .text(value)
                case "b": cell = .boolean(value == "1")
                case "e": cell = .text(value)
                default:
                    if let style, upperBoundStyles.contains(style), let day = Double(value).flatMap(SpreadsheetSerial.day) {
                        cell = .text(day.iso + "前")
                        break
                    }
                    cell = value.isEmpty ? .empty : .number(value)
                }
                guard column < 16_384 else {
                    failure = failure ?? "第 \(rowNumber) 列的欄位超出試算表的範圍（最多 16,384 欄）"
                    return
                }
                while row.count < column { row.append(.empty) }
                if row.count == column { row.append(cell) } else { row[column] = cell }
            case "row":
                rows.append(ImportRow(number: rowNumber, cells: row))
            case "sheetData":
                complete = true
            default: break
            }
        }
    }
}
