/// The widest value seen in each column, in display columns (a Chinese character counts 2), so a
/// workbook opens with every column wide enough to read; measured as rows pass, capped so one long
/// note cannot make a column wider than a screen.
struct ColumnWidths {
    private(set) var widths: [Int]
    private let width = DisplayWidth()
    let language: Language

    static let cap = 60

    init(_ columns: [ResultTable.Column], language: Language) {
        self.language = language
        let width = DisplayWidth()
        widths = columns.map { Self.measure($0.header(language), width) }
    }

    mutating func measure(_ cells: [ResultTable.Cell], columns: [ResultTable.Column]) {
        for (index, cell) in cells.enumerated() where widths.indices.contains(index) {
            let shown = cell.display(language, nullIsUnknown: columns.indices.contains(index) ? columns[index].nullIsUnknown : true)
            widths[index] = max(widths[index], Self.measure(shown, width))
        }
    }

    /// The widest line of `text`, capped.
    private static func measure(_ text: String, _ width: DisplayWidth) -> Int {
        min(Self.cap, text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { width.of(String($0)) }.max() ?? 0)
    }
}
