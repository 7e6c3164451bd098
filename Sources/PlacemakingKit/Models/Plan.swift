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
