/// Writes RFC 4180 CSV. For people (spreadsheets) it adds a UTF-8 BOM so Excel shows Chinese, ends
/// lines with CRLF, and guards against formula injection by prefixing `'` to text cells that start
/// with `=`, `+`, `-` or `@` (as Decidim does). For programs it writes plain UTF-8 with LF.
struct CSVWriter {
    let format: OutputFormat

    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        let newline = format.csvForPeople ? "\r\n" : "\n"
        if format.csvForPeople { out.write("\u{FEFF}") }
        if format.headers {
            out.write(table.columns.map { quote($0.header(format.language)) }.joined(separator: ",") + newline)
        }
        for row in table.rows {
            let fields = row.map { cell -> String in
                switch cell {
                case .null: return ""
                case .text(let s): return quote(format.csvForPeople ? guardFormula(s) : s)
                default: return quote(cell.display(format.language, groupedMoney: false))
                }
            }
            out.write(fields.joined(separator: ",") + newline)
        }
    }

    private func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func guardFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }
}
