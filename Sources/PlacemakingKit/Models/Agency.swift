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
    /// What the rest of the program sees of an agency.
    var summary: AgencySummary {
        AgencySummary(id: id ?? 0, name: name, fullName: fullName, kind: AgencyKind(rawValue: kind), townCode: townCode,
                      isIndigenous: isIndigenous)
    }
}
