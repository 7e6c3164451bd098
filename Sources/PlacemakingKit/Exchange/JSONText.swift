import GRDB

/// Writes JSON by hand so that keys keep the order of the columns and non-ASCII text stays readable.
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ s: String) -> String {
        if !mayNeedEscape(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Most text needs no escape: one pass over the bytes finds out (E2 80 A8/A9 are U+2028/2029).
    private static func mayNeedEscape(_ s: String) -> Bool {
        s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 })
    }

    /// `string(s)` appended to `bytes`, without the intermediate strings when nothing needs escaping.
    static func append(_ s: String, to bytes: inout [UInt8]) {
        guard !mayNeedEscape(s) else {
            bytes.append(contentsOf: string(s).utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: s.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A database row as a JSON object, column names as keys (the audit log's before/after).
    static func object(_ row: Row) -> String {
        // As bytes: every write logs a row, and joining strings per member cost more than the insert.
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, (name, value)) in zip(row.columnNames, row.databaseValues).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            switch value.storage {
            case .null: bytes.append(contentsOf: "null".utf8)
            case .int64(let i): bytes.append(contentsOf: String(i).utf8)
            case .double(let d): bytes.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
            case .string(let s): append(s, to: &bytes)
            case .blob(let b): append(b.base64EncodedString(), to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value(cell)` appended to `bytes`.
    static func appendValue(_ cell: ResultTable.Cell, to bytes: inout [UInt8]) {
        switch cell {
        case .text(let s), .timestamp(let s), .code(let s, _): append(s, to: &bytes)
        case .integer(let i): bytes.append(contentsOf: String(i).utf8)
        case .money(let m): bytes.append(contentsOf: String(m.yuan).utf8)
        case .date(let d), .dateOnOrBefore(let d):
            // An ISO date needs no escape.
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: d.iso.utf8)
            bytes.append(UInt8(ascii: "\""))
        case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    /// A cell as a JSON value: dates ISO, money as integer 元, NULL as null.
    static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let s): string(s)
        case .integer(let i): String(i)
        case .money(let m): String(m.yuan)
        case .date(let d), .dateOnOrBefore(let d): string(d.iso)
        case .timestamp(let stamp): string(stamp)
        case .code(let code, _): string(code)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }
}
