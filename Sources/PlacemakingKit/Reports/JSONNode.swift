/// A JSON value built in code, for documents with nested objects (the summary); written by hand like
/// `JSONText` so that keys keep their order and Chinese stays readable. Sendable said outright: left to
/// inference, the compiler (6.3) ran in a circle through `[(String, JSONNode)]` in incremental builds.
enum JSONNode: Sendable {
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

    /// Indented text: objects and arrays of objects one member a line, short arrays of scalars on one
    /// (`JSONStream`'s layout); `level` is the depth the node stands at in a larger document.
    func text(indent level: Int = 0) -> String {
        var stream = JSONStream(output: "", level: level)
        write(to: &stream)
        return stream.output
    }

    /// Writes the node where `stream` stands (a member's value, an item, or the document).
    func write<Output: TextOutputStream>(to stream: inout JSONStream<Output>) {
        switch self {
        case .object(let members):
            stream.beginObject()
            for (key, value) in members { stream.member(key, value) }
            stream.endObject()
        case .array(let items) where !items.isEmpty && items.allSatisfy(\.isScalar):
            stream.raw("[" + items.map(\.scalarText).joined(separator: ", ") + "]")
        case .array(let items):
            stream.beginArray()
            for item in items { stream.item(item) }
            stream.endArray()
        default:
            stream.raw(scalarText)
        }
    }

    /// An object of scalars on one line (a row in an array), else nil. Built as bytes in one buffer:
    /// every record of a long list comes through here, and joined strings took 70% more instructions.
    var flatObject: String? {
        guard case .object(let members) = self, members.allSatisfy({ $0.1.isScalar }) else { return nil }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(256)
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { bytes.append(contentsOf: ", ".utf8) }
            JSONText.append(key, to: &bytes)
            bytes.append(contentsOf: ": ".utf8)
            value.appendScalar(to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `scalarText` appended to `bytes`; text and dates without intermediate strings.
    private func appendScalar(to bytes: inout [UInt8]) {
        switch self {
        case .string(let s): JSONText.append(s, to: &bytes)
        case .cell(let cell):
            switch cell {
            case .text(let s): JSONText.append(s, to: &bytes)
            case .date(let day), .dateOnOrBefore(let day): JSONText.append(day.iso, to: &bytes)
            default: bytes.append(contentsOf: JSONText.value(cell).utf8)
            }
        default: bytes.append(contentsOf: scalarText.utf8)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// A scalar's text; empty for an object or array.
    private var scalarText: String {
        switch self {
        case .string(let s): JSONText.string(s)
        case .integer(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .cell(let cell): JSONText.value(cell)
        case .object, .array: ""
        }
    }
}
