import GRDB

/// A business proposal (事業提案) under a plan; `year` is the ROC year it was filed in.
struct BusinessProposal: EditableRecord {
    static let databaseTableName = "business_proposal"
    var id: Int64?
    var planId: Int64
    var year: Int
    var title: String?
    var status: String
    var submittedOn: String?
    var amount: Int64?
    var ministryId: Int64?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
