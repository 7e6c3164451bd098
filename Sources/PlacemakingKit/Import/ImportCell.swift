import Foundation

/// One cell of a file being imported, with the type the file gave it: spreadsheets say whether a cell is
/// a number or a date, CSV says nothing (all text).
public enum ImportCell: Equatable, Sendable {
    case empty
    case text(String)
    /// A number as written in the file (`5000000`, `44742`, `1.5`).
    case number(String)
    case date(ROCDate)
    /// A date cell before 1912 (民國元年), as written (`0112-03-31`): almost always a ROC year that a
    /// spreadsheet took for a Gregorian one, which an import refuses with that explanation.
    case dateBeforeROC(String)
    case boolean(Bool)

    /// The cell as text, for fields that read text and for messages.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let n): n.hasSuffix(".0") ? String(n.dropLast(2)) : n
        case .date(let d): d.iso
        case .dateBeforeROC(let written): written
        case .boolean(let b): b ? "是" : "否"
        }
    }
}

/// A row of a file with its number as the file counts rows (from 1, the header included), so that a
/// message points where a person would look.
public struct ImportRow: Sendable {
    public var number: Int
    public var cells: [ImportCell]
}
