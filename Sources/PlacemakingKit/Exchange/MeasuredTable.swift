/// A table's cells as the text table shows them: each cell's text (control characters made visible,
/// escaped for Markdown) and display width, computed once as the row arrives, in flat arrays. The
/// terminal table must see every row before it can lay out columns; holding these rather than the
/// rows' values is less memory and no second pass.
struct MeasuredTable {
    let format: OutputFormat
    let columns: [ResultTable.Column]
    /// The header of each column, as shown.
    let headers: [String]
    /// Row-major: cell `c` of row `r` is at `r * columns.count + c`.
    private(set) var texts: [String] = []
    private(set) var widths: [Int] = []
    /// Whether a column holds a number (integer or money) and nothing but numbers and nulls: it is
    /// right-aligned.
    private var sawNumber: [Bool]
    private var onlyNumbers: [Bool]
    /// Whether a column holds no free text: its cells (dates, numbers, codes) are never split.
    private(set) var atomic: [Bool]
    private(set) var rowCount = 0

    init(format: OutputFormat, columns: [ResultTable.Column]) {
        self.format = format
        self.columns = columns
        headers = columns.map { Self.shown($0.header(format.language), markdown: format.style == .markdown) }
        sawNumber = Array(repeating: false, count: columns.count)
        onlyNumbers = Array(repeating: true, count: columns.count)
        atomic = Array(repeating: true, count: columns.count)
    }

    var numeric: [Bool] { zip(sawNumber, onlyNumbers).map { $0 && $1 } }

    mutating func append(_ row: [ResultTable.Cell]) {
        let width = DisplayWidth(ambiguousIsWide: format.ambiguousIsWide)
        let markdown = format.style == .markdown
        for (c, column) in columns.enumerated() {
            let cell = c < row.count ? row[c] : .null
            switch cell {
            case .integer, .money: sawNumber[c] = true
            case .null: break
            case .text: onlyNumbers[c] = false; atomic[c] = false
            default: onlyNumbers[c] = false
            }
            let text = Self.shown(cell.display(format.language, nullIsUnknown: column.nullIsUnknown), markdown: markdown)
            texts.append(text)
            widths.append(Self.widestLine(text, width))
        }
        rowCount += 1
    }

    /// The text of a cell as shown: control characters in caret notation, and in Markdown `|` escaped
    /// and line breaks as `<br>`.
    static func shown(_ text: String, markdown: Bool) -> String {
        let visible = sanitize(text)
        return markdown ? visible.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>") : visible
    }

    /// The width of the widest line of `text`.
    static func widestLine(_ text: String, _ width: DisplayWidth) -> Int {
        guard text.utf8.contains(0x0A) else { return width.of(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { width.of(String($0)) }.max() ?? 0
    }

    /// Shows control characters (other than newline) as caret notation: ESC becomes `^[`.
    private static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" { out += " " }
            else if scalar.value < 0x20, scalar != "\n" { out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40))) }
            else if scalar.value == 0x7F { out += "^?" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
