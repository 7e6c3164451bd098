import GRDB

/// A business proposal (事業提案) under a plan; `year` is the ROC year it was filed in.
public struct BusinessProposal: LedgerRecord, Equatable {
    public static let databaseTableName = "business_proposal"
    public var id: Int64?
    public var planId: Int64
    public var year: Int
    public var title: String?
    public var status: String
    public var submittedOn: String?
    public var amount: Int64?
    public var ministryId: Int64?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
