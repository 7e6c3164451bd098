/// The distinct strings of an XLSX workbook, each numbered once (`xl/sharedStrings.xml`). Unlike rows,
/// these must be held until the end: the file lists them all and cells refer to them by number. Exports
/// repeat few values (agencies, statuses, labels), so the distinct strings stay small beside the rows;
/// a workbook of a million different notes would hold its notes here.
struct SharedStrings {
    private var index: [String: Int] = [:]
    private(set) var strings: [String] = []
    /// Cells that refer to a string, counted for the file's `count` attribute.
    private(set) var references = 0

    /// The number of `text`, adding it when new.
    mutating func number(_ text: String) -> Int {
        references += 1
        if let n = index[text] { return n }
        index[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// Text for a SpreadsheetML `<t>`: XML-escaped, and a literal `_x0041_` kept literal by escaping its
    /// underscore (`_x005F_`), since Excel reads `_xHHHH_` as a character.
    static func escaped(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            if scalar == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return XMLText.escaped(out)
    }
}
