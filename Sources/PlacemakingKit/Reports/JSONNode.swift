/// A JSON value built in code, for documents with nested objects (the summary); written by hand like
/// `JSONText` so that keys keep their order and Chinese stays readable.
enum JSONNode {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    /// A table cell as `JSONText` writes it (dates ISO, money in 元).
    case cell(ResultTable.Cell)

    static func int(_ value: Int) -> JSONNode { .integer(Int64(value)) }
    static func optional(_ text: String?) -> JSONNode { text.map { .string($0) } ?? .null }
    static func date(_ day: ROCDate?) -> JSONNode { day.map { .string($0.iso) } ?? .null }
    static func money(_ amount: Money?) -> JSONNode { amount.map { .integer($0.yuan) } ?? .null }

    /// The rows of a table as an array of objects keyed by the columns.
    static func rows(_ table: ResultTable) -> JSONNode {
        .array(table.rows.map { row in .object(zip(table.columns, row).map { ($0.key, .cell($1)) }) })
    }

    /// Indented text: objects and arrays of objects one member a line, short arrays of scalars on one.
    func text(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.map { pad + JSONText.string($0.0) + ": " + $0.1.text(indent: indent + 1) }.joined(separator: ",\n")
                + "\n" + close + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isScalar) { return "[" + items.map { $0.text() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { pad + ($0.flatObject ?? $0.text(indent: indent + 1)) }.joined(separator: ",\n") + "\n" + close + "]"
        case .string(let s): return JSONText.string(s)
        case .integer(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .cell(let cell): return JSONText.value(cell)
        }
    }

    /// An object of scalars on one line (a row in an array), else nil.
    private var flatObject: String? {
        guard case .object(let members) = self, members.allSatisfy({ $0.1.isScalar }) else { return nil }
        return "{" + members.map { JSONText.string($0.0) + ": " + $0.1.text() }.joined(separator: ", ") + "}"
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }
}
