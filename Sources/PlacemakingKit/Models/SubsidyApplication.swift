import GRDB

/// An agency's application to a subsidy call round, with its award (amounts in 元).
struct SubsidyApplication: EditableRecord {
    static let databaseTableName = "subsidy_application"
    var id: Int64?
    var callRoundId: Int64
    var agencyId: Int64
    var planId: Int64?
    var title: String
    var status: String
    var requestedAmount: Int64?
    var awardedAmount: Int64?
    var submittedOn: String?
    var awardedOn: String?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
