import GRDB

/// One ministry's part in matching a plan (媒合): 補助 and 投資 amounts in 元 (table `plan_match`).
public struct PlanMatch: LedgerRecord, Equatable {
    public static let databaseTableName = "plan_match"
    public var id: Int64?
    public var planId: Int64
    public var ministryId: Int64
    public var subsidyAmount: Int64?
    public var investmentAmount: Int64?
    public var meeting: String?
    public var matchedOn: String?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
