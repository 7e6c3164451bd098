/// Writes RFC 4180 CSV as rows arrive, in one of two flavours.
///
/// **For people** (a spreadsheet): a UTF-8 BOM so Excel shows Chinese, CRLF, and text cells that
/// begin with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so they cannot run as formulas (as
/// Decidim does); numbers, amounts and dates are never guarded, so they stay numbers. Unknown values
/// read 未詳 as on screen. **For programs**: no BOM, LF, no guard, unknown values empty.
///
/// Dates are ISO (`2022-06-30`) in both. Measured with LibreOffice 7.4: in a zh-TW locale it reads
/// `111/06/30`, `111-06-30`, `111.06.30` and `111年6月30日` as dates of the year 111 AD (stored as
/// 0111-06-29), silently wrong; in en-US it keeps them as text. ISO is read as the right date in both.
/// So a person's CSV writes ISO dates, which the spreadsheet can then show in the ROC calendar; a date
/// known only as an upper bound is text (`2022-06-30前`), a program's CSV writes the bare date.
///
/// Several sheets follow one another, a blank line apart, each with its header.
public struct CSVSink<Output: TextOutput>: TableSink {
    public private(set) var output: Output
    public let forPeople: Bool
    public let language: Language
    public let headers: Bool
    private var columns: [ResultTable.Column] = []
    private var sheets = 0
    private var newline: String { forPeople ? "\r\n" : "\n" }

    public init(output: Output, forPeople: Bool, language: Language = .chinese, headers: Bool = true) {
        self.output = output
        self.forPeople = forPeople
        self.language = language
        self.headers = headers
    }

    /// The flavour, language and header setting of an `OutputFormat`.
    public init(output: Output, format: OutputFormat) {
        self.init(output: output, forPeople: format.csvForPeople, language: format.language, headers: format.headers)
    }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws {
        if sheets == 0, forPeople { output.write("\u{FEFF}") }
        if sheets > 0 { output.write(newline) }
        sheets += 1
        self.columns = columns
        if headers { output.write(columns.map { Self.quote($0.header(language)) }.joined(separator: ",") + newline) }
    }

    /// The row being written, as bytes: one string per row reaches the output, not one per field.
    private var line: [UInt8] = []

    public mutating func row(_ cells: [ResultTable.Cell]) throws {
        line.removeAll(keepingCapacity: true)
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            Self.appendQuoted(field(cell, nullIsUnknown: columns.indices.contains(index) ? columns[index].nullIsUnknown : true), to: &line)
        }
        line.append(contentsOf: newline.utf8)
        output.write(String(decoding: line, as: UTF8.self))
        try output.check()
    }

    /// `quote(field)` appended to `bytes`.
    static func appendQuoted(_ field: String, to bytes: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func endSheet() throws { try output.check() }

    public mutating func finish() throws { try output.close() }

    /// A cell's field before quoting.
    func field(_ cell: ResultTable.Cell, nullIsUnknown: Bool) -> String {
        switch cell {
        case .text(let s): return forPeople ? Self.guardFormula(s) : s
        case .integer(let i): return String(i)
        case .money(let m): return String(m.yuan)
        case .date(let d): return d.iso
        case .dateOnOrBefore(let d): return forPeople ? language.pick("\(d.iso)前", "by \(d.iso)") : d.iso
        case .timestamp(let stamp): return forPeople ? (TaiwanTime(stamp)?.isoMinutes ?? stamp) : stamp
        case .bool, .code: return cell.display(language)
        case .null: return forPeople ? cell.display(language, nullIsUnknown: nullIsUnknown) : ""
        }
    }

    static func quote(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Prefixes `'` to text a spreadsheet would take for a formula.
    static func guardFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }
}
