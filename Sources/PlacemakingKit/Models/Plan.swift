import GRDB

/// A placemaking plan (地方創生計畫) of one agency (table `plan`). Dates ISO, money in 元.
struct Plan: EditableRecord {
    static let databaseTableName = "plan"
    var id: Int64?
    var agencyId: Int64
    var title: String?
    var status: String
    var submittedOn: String?
    var budget: Int64?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}

extension Plan {
    /// The columns written, by hand: an import writes one plan a row, and going through `Encodable`
    /// (a keyed container per record, a key conversion per column) took a tenth of its time. A test
    /// holds this list to the properties above.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["agency_id"] = agencyId
        container["title"] = title
        container["status"] = status
        container["submitted_on"] = submittedOn
        container["budget"] = budget
        container["note"] = note
        container["source_id"] = sourceId
        container["source_section"] = sourceSection
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }
}
