/// Writes a `ResultTable` as text aligned by display width, so that Chinese, ASCII and mixed cells line
/// up. Cells wider than their share of `maxWidth` wrap inside their column without splitting a
/// character; newlines inside a cell start a new line of that cell; control characters are shown as
/// `^X` so a stored value cannot drive the terminal.
struct TextTableWriter {
    let format: OutputFormat
    var width: DisplayWidth { DisplayWidth(ambiguousIsWide: format.ambiguousIsWide) }

    func write(_ table: ResultTable, to out: inout some TextOutputStream) {
        var measured = MeasuredTable(format: format, columns: table.columns)
        for row in table.rows { measured.append(row) }
        write(measured, to: &out)
    }

    func write(_ table: MeasuredTable, to out: inout some TextOutputStream) {
        let language = format.language
        let numeric = table.numeric
        let headers = table.headers
        let count = headers.count
        let layout = self.layout(headers: headers, table: table)
        let kept = layout.columns
        let widths = layout.widths
        let shownHeaders = kept.map { headers[$0] }
        let shownNumeric = kept.map { numeric[$0] }
        let shownCells = (0..<table.rowCount).lazy.map { r in kept.map { (table.texts[r * count + $0], table.widths[r * count + $0]) } }

        switch format.style {
        case .box:
            // Box-drawing characters are East Asian ambiguous: where they draw two columns wide, use ASCII.
            let g = format.ambiguousIsWide ? ["+", "-", "+", "+", "|", "+", "+", "+", "+", "+", "+"]
                                           : ["┌", "─", "┬", "┐", "│", "├", "┼", "┤", "└", "┴", "┘"]
            out.write(rule(g[0], g[1], g[2], g[3], widths))
            if format.headers {
                writeRow(shownHeaders, widths, numeric: nil, open: g[4] + " ", gap: " \(g[4]) ", close: " " + g[4], to: &out)
                out.write(rule(g[5], g[1], g[6], g[7], widths))
            }
            for row in shownCells { writeRow(row, widths, numeric: shownNumeric, open: g[4] + " ", gap: " \(g[4]) ", close: " " + g[4], to: &out) }
            out.write(rule(g[8], g[1], g[9], g[10], widths))
        case .markdown:
            // A Markdown row must stay on one line: on a narrow screen long cells are cut (files get them whole).
            let cut = { (row: [String]) in zip(row, widths).map { self.truncate($0, to: $1) } }
            writeRow(cut(shownHeaders), widths, numeric: nil, open: "| ", gap: " | ", close: " |", to: &out)
            out.write("|" + widths.indices.map { " " + String(repeating: "-", count: widths[$0] - (shownNumeric[$0] ? 1 : 0)) + (shownNumeric[$0] ? ":" : "") + " " }.joined(separator: "|") + "|\n")
            for row in shownCells { writeRow(cut(row.map(\.0)), widths, numeric: shownNumeric, open: "| ", gap: " | ", close: " |", to: &out) }
        default:
            if format.headers {
                writeRow(shownHeaders, widths, numeric: nil, open: "", gap: "  ", close: "", to: &out)
                out.write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
            }
            for row in shownCells { writeRow(row, widths, numeric: shownNumeric, open: "", gap: "  ", close: "", to: &out) }
        }
        let hidden = table.columns.indices.filter { !kept.contains($0) }.map { table.columns[$0].header(language) }
        if !hidden.isEmpty {
            for line in wrap(language.pick("（畫面太窄，另有 \(hidden.count) 欄未顯示：\(hidden.joined(separator: "、"))；可用 --columns 選擇欄位，或 --format csv）",
                                           "(too narrow: \(hidden.count) more columns not shown: \(hidden.joined(separator: ", ")); choose with --columns, or use --format csv)"),
                             to: max(10, format.maxWidth ?? 80)) {
                out.write(line + "\n")
            }
        }
    }

    // MARK: - Layout

    /// Which columns to show and how wide. Natural widths, shrunk (widest first) until the table fits
    /// `maxWidth`: text wraps down to 6 columns, headers down to 4; dates, numbers and codes
    /// (`atomic`) are never split. A table that still does not fit loses columns from the right (never
    /// the first), and says so below it, rather than overflow the line or garble a number.
    private func layout(headers: [String], table: MeasuredTable) -> (columns: [Int], widths: [Int]) {
        let count = headers.count
        let atomic = table.atomic
        var cellWidths = Array(repeating: 0, count: count)
        for (index, cellWidth) in table.widths.enumerated() where cellWidth > cellWidths[index % count] {
            cellWidths[index % count] = cellWidth
        }
        let headerWidths = (0..<count).map { c in format.headers ? widestLine(headers[c]) : 0 }
        let natural = (0..<count).map { max(2, cellWidths[$0], headerWidths[$0]) }
        guard let maxWidth = format.maxWidth, count > 0 else { return (Array(0..<count), natural) }
        let floors = (0..<count).map { c -> Int in
            let headerFloor = min(headerWidths[c], 4)
            let cellFloor = atomic[c] ? cellWidths[c] : min(cellWidths[c], 6)
            return max(2, headerFloor, cellFloor)
        }
        var kept = Array(0..<count)
        while true {
            var widths = kept.map { natural[$0] }
            let chrome = format.style == .table ? 2 * (kept.count - 1) : 3 * kept.count + 1
            // First wrap headers that are wider than their values (資料編號 over small ids): cheap to read.
            for (i, c) in kept.enumerated() where widths.reduce(0, +) + chrome > maxWidth {
                let excess = widths.reduce(0, +) + chrome - maxWidth
                widths[i] -= min(excess, max(0, widths[i] - max(floors[c], cellWidths[c])))
            }
            while widths.reduce(0, +) + chrome > maxWidth {
                guard let widest = widths.indices.filter({ widths[$0] > floors[kept[$0]] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
            if widths.reduce(0, +) + chrome <= maxWidth || kept.count == 1 {
                // A lone column wider than the screen still wraps inside it.
                if kept.count == 1 { widths[0] = min(widths[0], max(2, maxWidth - chrome)) }
                return (kept, widths)
            }
            kept.removeLast()
        }
    }

    private func widestLine(_ text: String) -> Int { MeasuredTable.widestLine(text, width) }

    /// A row whose cells were measured: when each is one line that fits, it is padded with the widths
    /// known, not wrapped and measured again, and put together as bytes.
    private func writeRow(_ row: [(String, Int)], _ widths: [Int], numeric: [Bool]?, open: String, gap: String, close: String,
                          to out: inout some TextOutputStream) {
        guard row.indices.allSatisfy({ row[$0].1 <= widths[$0] && !row[$0].0.utf8.contains(0x0A) }) else {
            return writeRow(row.map(\.0), widths, numeric: numeric, open: open, gap: gap, close: close, to: &out)
        }
        var line: [UInt8] = []
        line.reserveCapacity(open.utf8.count + widths.reduce(0, +) * 3 + gap.utf8.count * row.count + close.utf8.count + 1)
        line.append(contentsOf: open.utf8)
        for (c, (cell, cellWidth)) in row.enumerated() {
            if c > 0 { line.append(contentsOf: gap.utf8) }
            let pad = widths[c] - cellWidth
            if numeric?[c] == true {
                line.append(contentsOf: repeatElement(0x20, count: pad))
                line.append(contentsOf: cell.utf8)
            } else {
                line.append(contentsOf: cell.utf8)
                line.append(contentsOf: repeatElement(0x20, count: pad))
            }
        }
        line.append(contentsOf: close.utf8)
        while close.isEmpty, line.last == 0x20 { line.removeLast() }
        line.append(0x0A)
        out.write(String(decoding: line, as: UTF8.self))
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
    /// last space, or before an opening parenthesis (預算 / (元)), that leaves both parts within the
    /// limit; else at a character boundary. Never splits a character; no line exceeds `limit` (≥ 2).
    func wrap(_ text: String, to limit: Int) -> [String] {
        // The usual cell fits on one line as it is.
        if !text.utf8.contains(0x0A), width.of(text) <= limit { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current: [Character] = []
            var currentWidth = 0
            for character in paragraph {
                let w = width.of(character)
                if currentWidth + w > limit, !current.isEmpty {
                    // The last break point after which the rest, with this character, still fits.
                    var cut: Int?
                    for i in stride(from: current.count - 1, to: 0, by: -1) where current[i] == " " || current[i] == "(" || current[i] == "（" {
                        let restStart = current[i] == " " ? i + 1 : i
                        if width.of(String(current[restStart...])) + w <= limit { cut = i }
                        break
                    }
                    if let cut {
                        let restStart = current[cut] == " " ? cut + 1 : cut
                        lines.append(String(current[..<cut]))
                        current = Array(current[restStart...])
                    } else {
                        lines.append(String(current))
                        current = []
                    }
                    currentWidth = width.of(String(current))
                    if character == " ", current.isEmpty { continue }
                }
                current.append(character)
                currentWidth += w
            }
            lines.append(String(current))
        }
        return lines
    }

    /// `text` cut to `limit` columns with an ellipsis when longer.
    func truncate(_ text: String, to limit: Int) -> String {
        guard width.of(text) > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = width.of(character)
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
