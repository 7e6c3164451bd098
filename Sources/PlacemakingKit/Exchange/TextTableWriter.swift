/// Writes a `ResultTable` as text aligned by display width, so that Chinese, ASCII and mixed cells line
/// up. Cells wider than their share of `maxWidth` wrap inside their column without splitting a
/// character; newlines inside a cell start a new line of that cell; control characters are shown as
/// `^X` so a stored value cannot drive the terminal.
struct TextTableWriter {
    let format: OutputFormat
    var width: DisplayWidth { DisplayWidth(ambiguousIsWide: format.ambiguousIsWide) }

    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        let language = format.language
        // Right-align columns of numbers (unknowns among them too).
        let numeric = table.columns.indices.map { c in
            table.rows.contains { if case .integer = $0[c] { true } else if case .money = $0[c] { true } else { false } }
                && table.rows.allSatisfy { row in
                    switch row[c] { case .integer, .money, .null: true; default: false }
                }
        }
        let headers = table.columns.map { sanitize($0.header(language)) }
        let cells = table.rows.map { row in
            zip(table.columns, row).map { sanitize($1.display(language, nullIsUnknown: $0.nullIsUnknown)) }
        }
        let atomic = table.columns.indices.map { c in
            table.rows.allSatisfy { if case .text = $0[c] { false } else { true } }
        }
        let widths = columnWidths(headers: format.headers ? headers : nil, cells: cells, atomic: atomic)

        switch format.style {
        case .box:
            // Box-drawing characters are East Asian ambiguous: where they draw two columns wide, use ASCII.
            let g = format.ambiguousIsWide ? ["+", "-", "+", "+", "|", "+", "+", "+", "+", "+", "+"]
                                           : ["┌", "─", "┬", "┐", "│", "├", "┼", "┤", "└", "┴", "┘"]
            out.write(rule(g[0], g[1], g[2], g[3], widths))
            if format.headers {
                writeRow(headers, widths, numeric: nil, open: g[4] + " ", gap: " \(g[4]) ", close: " " + g[4], to: &out)
                out.write(rule(g[5], g[1], g[6], g[7], widths))
            }
            for row in cells { writeRow(row, widths, numeric: numeric, open: g[4] + " ", gap: " \(g[4]) ", close: " " + g[4], to: &out) }
            out.write(rule(g[8], g[1], g[9], g[10], widths))
        case .markdown:
            let escaped = { (s: String) in s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>") }
            let mdHeaders = headers.map(escaped), mdCells = cells.map { $0.map(escaped) }
            let mdWidths = columnWidths(headers: mdHeaders, cells: mdCells, fit: false).map { max($0, 3) }
            writeRow(mdHeaders, mdWidths, numeric: nil, open: "| ", gap: " | ", close: " |", to: &out)
            out.write("|" + mdWidths.indices.map { " " + String(repeating: "-", count: mdWidths[$0] - (numeric[$0] ? 1 : 0)) + (numeric[$0] ? ":" : "") + " " }.joined(separator: "|") + "|\n")
            for row in mdCells { writeRow(row, mdWidths, numeric: numeric, open: "| ", gap: " | ", close: " |", to: &out) }
        default:
            if format.headers {
                writeRow(headers, widths, numeric: nil, open: "", gap: "  ", close: "", to: &out)
                out.write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
            }
            for row in cells { writeRow(row, widths, numeric: numeric, open: "", gap: "  ", close: "", to: &out) }
        }
    }

    // MARK: - Layout

    /// Natural widths, then shrunk (widest first) until the table fits `maxWidth`. Headers may wrap inside
    /// their column; dates, numbers and codes (`atomic`) keep the width of their widest value; text
    /// keeps at least 10 columns, so a short name is never split. No column is below 2, so a wide
    /// character always fits. A table that still does not fit is left for the terminal to wrap.
    private func columnWidths(headers: [String]?, cells: [[String]], atomic: [Bool] = [], fit: Bool = true) -> [Int] {
        let count = headers?.count ?? cells.first?.count ?? 0
        func widest(_ texts: [String]) -> Int {
            texts.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { width.of(String($0)) }.max() ?? 0
        }
        let cellWidths = (0..<count).map { c in widest(cells.map { $0[c] }) }
        let headerWidths = (0..<count).map { c in headers.map { widest([$0[c]]) } ?? 0 }
        var widths = (0..<count).map { max(2, cellWidths[$0], headerWidths[$0]) }
        guard fit, let maxWidth = format.maxWidth, count > 0 else { return widths }
        let chrome = format.style == .box ? 3 * count + 1 : 2 * (count - 1)
        let floors = (0..<count).map { c -> Int in
            let headerFloor = min(headerWidths[c], 4)
            let cellFloor = c < atomic.count && atomic[c] ? cellWidths[c] : min(cellWidths[c], 10)
            return max(2, headerFloor, cellFloor)
        }
        while widths.reduce(0, +) + chrome > maxWidth {
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    private func writeRow(_ row: [String], _ widths: [Int], numeric: [Bool]?, open: String, gap: String, close: String,
                          to out: inout some TextOutputStream) {
        let wrapped = zip(row, widths).map { wrap($0, to: $1) }
        let height = wrapped.map(\.count).max() ?? 1
        for line in 0..<height {
            let parts = wrapped.indices.map { c -> String in
                let text = line < wrapped[c].count ? wrapped[c][line] : ""
                let pad = String(repeating: " ", count: max(0, widths[c] - width.of(text)))
                return numeric?[c] == true ? pad + text : text + pad
            }
            var text = open + parts.joined(separator: gap) + close
            while close.isEmpty, text.hasSuffix(" ") { text.removeLast() }
            out.write(text + "\n")
        }
    }

    private func rule(_ left: String, _ fill: String, _ cross: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: cross) + right + "\n"
    }

    /// Splits `text` into lines no wider than `limit`, at newlines and, when a line is too long, at the
    /// last space that fits (else at a character boundary).
    func wrap(_ text: String, to limit: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = "", currentWidth = 0
            for character in paragraph {
                let w = width.of(character)
                if currentWidth + w > limit, !current.isEmpty {
                    // Prefer to break at a space, or before an opening parenthesis: 預算 / (元).
                    if character == "(" || character == "（" {
                        lines.append(current)
                        current = ""
                        currentWidth = 0
                    } else if let brk = current.lastIndex(where: { $0 == " " || $0 == "(" || $0 == "（" }), brk != current.startIndex, character != " " {
                        let keep = current[brk] == " " ? current.index(after: brk) : brk
                        let tail = String(current[keep...])
                        lines.append(String(current[..<brk]))
                        current = tail
                        currentWidth = width.of(tail)
                    } else {
                        lines.append(current)
                        current = ""
                        currentWidth = 0
                    }
                    if character == " " { continue }
                }
                current.append(character)
                currentWidth += w
            }
            lines.append(current)
        }
        return lines
    }

    /// Shows control characters (other than newline) as caret notation: ESC becomes `^[`.
    private func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" { out += " " }
            else if scalar.value < 0x20, scalar != "\n" { out += "^" + String(Unicode.Scalar(scalar.value + 0x40)!) }
            else if scalar.value == 0x7F { out += "^?" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
