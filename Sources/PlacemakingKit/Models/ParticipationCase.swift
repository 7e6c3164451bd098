import GRDB

/// A case of the city's yearly citizen-participation plan (公民參與); subsidy in 元.
struct ParticipationCase: EditableRecord {
    static let databaseTableName = "participation_case"
    var id: Int64?
    var year: Int
    var agencyId: Int64?
    var title: String
    var method: String?
    var status: String
    var subsidized: Bool
    var subsidyAmount: Int64?
    var isPlaceholder: Bool
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
