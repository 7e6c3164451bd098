import GRDB

/// Column names from the records' property names and back (`agencyId` ↔ `agency_id`). GRDB's own
/// snake-case conversion handles acronyms by walking `String` indices and took 8% of an import's time
/// (it runs for every key of every record written or read); the properties of the records here are
/// plain lowerCamelCase ASCII, so one pass over the bytes gives the same names.
enum ColumnNaming {
    static func column(forProperty property: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(property.utf8.count + 4)
        for byte in property.utf8 {
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                bytes.append(UInt8(ascii: "_"))
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func property(forColumn column: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(column.utf8.count)
        var upperNext = false
        for byte in column.utf8 {
            if byte == UInt8(ascii: "_"), !bytes.isEmpty {
                upperNext = true
            } else if upperNext, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
                bytes.append(byte - 32)
                upperNext = false
            } else {
                if upperNext { bytes.append(UInt8(ascii: "_")) }
                bytes.append(byte)
                upperNext = false
            }
        }
        if upperNext { bytes.append(UInt8(ascii: "_")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A coding key made from a column name.
    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
