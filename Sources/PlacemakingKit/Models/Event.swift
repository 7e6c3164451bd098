import GRDB

/// A workshop, talk or other event of the programme; the planned period is `plannedFrom`…`plannedTo`.
struct Event: EditableRecord {
    static let databaseTableName = "event"
    var id: Int64?
    var year: Int
    var title: String
    var kind: String?
    var organiserId: Int64?
    var partnerId: Int64?
    var status: String
    var plannedFrom: String?
    var plannedTo: String?
    var heldOn: String?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
