import Foundation

/// Reads the rows of one table of an OpenDocument spreadsheet (`content.xml`): typed cells (float,
/// percentage, currency, date, boolean, string), paragraphs joined by line breaks, and repeated
/// columns and rows expanded only where they hold something, since Calc pads sheets with runs of
/// thousands of empty cells.
public enum ODSReader {
    /// The rows of the table named `sheet`, else the first table, with the file's row numbers.
    public static func rows(of url: URL, sheet: String?) throws -> [ImportRow] {
        let archive = try SpreadsheetArchive(url: url)
        let parser = ContentParser(wanted: sheet)
        try XLSXReader.run(parser, on: try archive.data("content.xml"), url: url)
        guard let rows = parser.result else {
            throw PlacemakingError.importSheetNotFound(sheet ?? "", available: parser.tables)
        }
        return rows
    }

    private final class ContentParser: XMLEventHandler {
        let wanted: String?
        var tables: [String] = []
        var result: [ImportRow]?
        var reading = false
        var rows: [ImportRow] = []
        var rowNumber = 0
        var rowRepeat = 1
        var row: [ImportCell] = []
        var pendingEmpty = 0
        var cellRepeat = 1
        var cellType: String?
        var cellValue: String?
        var text = ""
        var paragraphs = 0
        var inParagraph = 0
        /// Inside a cell's comment (`office:annotation`): its paragraphs are not the cell's text.
        var inAnnotation = 0

        init(wanted: String?) { self.wanted = wanted }

        func start(_ name: String, attributes: [String: String]) {
            switch name {
            case "table:table":
                let tableName = attributes["table:name"] ?? ""
                tables.append(tableName)
                reading = result == nil && (wanted == nil || wanted == tableName)
                rows = []
                rowNumber = 0
            case "table:table-row" where reading:
                row = []
                pendingEmpty = 0
                rowRepeat = max(1, Int(attributes["table:number-rows-repeated"] ?? "1") ?? 1)
            case "table:table-cell", "table:covered-table-cell":
                guard reading else { return }
                cellRepeat = max(1, Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1)
                cellType = attributes["office:value-type"]
                switch cellType {
                case "date": cellValue = attributes["office:date-value"]
                case "boolean": cellValue = attributes["office:boolean-value"]
                case "float", "percentage", "currency": cellValue = attributes["office:value"]
                default: cellValue = nil
                }
                text = ""
                paragraphs = 0
            case "office:annotation" where reading: inAnnotation += 1
            case "text:p" where reading && inAnnotation == 0:
                if paragraphs > 0 { text += "\n" }
                paragraphs += 1
                inParagraph += 1
            case "text:s" where reading && inParagraph > 0 && inAnnotation == 0:
                text += String(repeating: " ", count: min(1000, max(1, Int(attributes["text:c"] ?? "1") ?? 1)))
            case "text:tab" where reading && inParagraph > 0 && inAnnotation == 0: text += "\t"
            case "text:line-break" where reading && inParagraph > 0 && inAnnotation == 0: text += "\n"
            default: break
            }
        }

        func text(_ string: String) {
            // A comment may also sit inside the cell's paragraph: its text is not the cell's either.
            if reading, inParagraph > 0, inAnnotation == 0 { text += string }
        }

        func end(_ name: String) {
            guard reading else { return }
            switch name {
            case "office:annotation": inAnnotation -= 1
            case "text:p" where inAnnotation == 0: inParagraph -= 1
            case "table:table-cell", "table:covered-table-cell":
                let cell = makeCell()
                if cell == .empty {
                    pendingEmpty += cellRepeat
                } else {
                    row += Array(repeating: .empty, count: min(pendingEmpty, 16_384))
                    pendingEmpty = 0
                    row += Array(repeating: cell, count: min(cellRepeat, 16_384))
                }
            case "table:table-row":
                if row.isEmpty {
                    rowNumber += rowRepeat  // empty rows count for numbering but are not kept
                } else {
                    for _ in 0..<min(rowRepeat, 1_048_576) {
                        rowNumber += 1
                        rows.append(ImportRow(number: rowNumber, cells: row))
                    }
                }
            case "table:table":
                result = rows
                reading = false
            default: break
            }
        }

        private func makeCell() -> ImportCell {
            switch cellType {
            case "float", "percentage", "currency":
                if let cellValue { return .number(cellValue) }
            case "date":
                // A date shown with 前 / by is an upper bound (as `export` writes one): its text keeps that.
                if text.hasSuffix("前") || text.lowercased().hasPrefix("by ") { return .text(text) }
                if let cellValue, let day = ROCDate(iso: String(cellValue.prefix(10))) { return .date(day) }
                if let cellValue, let year = Int(cellValue.prefix(4)), year < 1912 { return .dateBeforeROC(String(cellValue.prefix(10))) }
            case "boolean":
                if let cellValue { return .boolean(cellValue == "true") }
            default: break
            }
            return text.isEmpty ? .empty : .text(text)
        }
    }
}
