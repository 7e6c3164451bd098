import GRDB

/// A district office, city bureau, central ministry or partner (table `agency`).
struct Agency: LedgerRecord, Equatable {
    static let databaseTableName = "agency"
    var id: Int64?
    var name: String
    var fullName: String?
    var kind: String
    var townCode: String?
    var isIndigenous: Bool
    var sortOrder: Int
    var sourceId: String?
    var sourceSection: String?
}

extension Agency {
    /// Read by hand rather than through Codable: every write looks its agency up, and decoding a row
    /// through `Decoder` cost a tenth of a scripted add.
    init(row: Row) throws {
        // `decode` throws on a NULL where the schema forbids one (a damaged file), where subscripts trap.
        id = try row.decode(Int64?.self, forColumn: "id")
        name = try row.decode(String.self, forColumn: "name")
        fullName = try row.decode(String?.self, forColumn: "full_name")
        kind = try row.decode(String.self, forColumn: "kind")
        townCode = try row.decode(String?.self, forColumn: "town_code")
        isIndigenous = try row.decode(Bool.self, forColumn: "is_indigenous")
        sortOrder = try row.decode(Int.self, forColumn: "sort_order")
        sourceId = try row.decode(String?.self, forColumn: "source_id")
        sourceSection = try row.decode(String?.self, forColumn: "source_section")
    }

    /// What the rest of the program sees of an agency.
    var summary: AgencySummary {
        AgencySummary(id: id ?? 0, name: name, fullName: fullName, kind: AgencyKind(rawValue: kind), townCode: townCode,
                      isIndigenous: isIndigenous)
    }
}
