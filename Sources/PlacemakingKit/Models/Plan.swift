import GRDB

/// A placemaking plan (地方創生計畫) of one agency (table `plan`). Dates ISO, money in 元.
public struct Plan: LedgerRecord, Equatable {
    public static let databaseTableName = "plan"
    public var id: Int64?
    public var agencyId: Int64
    public var title: String?
    public var status: String
    public var submittedOn: String?
    public var budget: Int64?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
