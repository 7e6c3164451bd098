import GRDB

/// One ministry's part in matching a plan (媒合): 補助 and 投資 amounts in 元 (table `plan_match`).
struct PlanMatch: EditableRecord {
    static let databaseTableName = "plan_match"
    var id: Int64?
    var planId: Int64
    var ministryId: Int64
    var subsidyAmount: Int64?
    var investmentAmount: Int64?
    var meeting: String?
    var matchedOn: String?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
