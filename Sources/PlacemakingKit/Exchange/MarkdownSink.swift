/// Writes GitHub-flavoured Markdown tables as rows arrive, for pasting into reports and issues. Cells
/// show what the screen shows (ROC dates, 5,000,000, 未詳); no padding, since aligning would need every
/// row first. A `|` and a backslash are escaped, `<` and `&` written as entities (so text cannot become
/// HTML), a line break becomes `<br>`, and other control characters caret notation (`^[`).
///
/// Each sheet with a name gets a `##` heading; sheets are a blank line apart.
public struct MarkdownSink<Output: TextOutput>: TableSink {
    public private(set) var output: Output
    public let language: Language
    private var columns: [ResultTable.Column] = []
    private var sheets = 0

    public init(output: Output, language: Language = .chinese) {
        self.output = output
        self.language = language
    }

    public mutating func begin(sheet name: String, columns: [ResultTable.Column]) throws {
        if sheets > 0 { output.write("\n") }
        sheets += 1
        self.columns = columns
        if !name.isEmpty { output.write("## " + Self.escape(name) + "\n\n") }
        output.write("| " + columns.map { Self.escape($0.header(language)) }.joined(separator: " | ") + " |\n")
        output.write("|" + columns.map { _ in " --- |" }.joined() + "\n")
    }

    public mutating func row(_ cells: [ResultTable.Cell]) throws {
        let shown = cells.enumerated().map { index, cell in
            Self.escape(cell.display(language, nullIsUnknown: columns.indices.contains(index) ? columns[index].nullIsUnknown : true))
        }
        output.write("| " + shown.joined(separator: " | ") + " |\n")
        try output.check()
    }

    public mutating func endSheet() throws { try output.check() }

    public mutating func finish() throws { try output.close() }

    static func escape(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case "\r":
                out += "<br>"
                if pending == "\n" { pending = scalars.next() }
            case "\n": out += "<br>"
            case "\t": out += " "
            case _ where scalar.value < 0x20: out += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case "\u{7F}": out += "^?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
