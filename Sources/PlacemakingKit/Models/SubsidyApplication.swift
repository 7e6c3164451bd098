import GRDB

/// An agency's application to a subsidy call round, with its award (amounts in 元).
public struct SubsidyApplication: LedgerRecord, Equatable {
    public static let databaseTableName = "subsidy_application"
    public var id: Int64?
    public var callRoundId: Int64
    public var agencyId: Int64
    public var planId: Int64?
    public var title: String
    public var status: String
    public var requestedAmount: Int64?
    public var awardedAmount: Int64?
    public var submittedOn: String?
    public var awardedOn: String?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
