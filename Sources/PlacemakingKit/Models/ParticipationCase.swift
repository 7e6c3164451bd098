import GRDB

/// A case of the city's yearly citizen-participation plan (公民參與); subsidy in 元.
public struct ParticipationCase: LedgerRecord, Equatable {
    public static let databaseTableName = "participation_case"
    public var id: Int64?
    public var year: Int
    public var agencyId: Int64?
    public var title: String
    public var method: String?
    public var status: String
    public var subsidized: Bool
    public var subsidyAmount: Int64?
    public var isPlaceholder: Bool
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
