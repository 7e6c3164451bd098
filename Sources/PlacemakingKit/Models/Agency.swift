import GRDB

/// A district office, city bureau, central ministry or partner (table `agency`).
public struct Agency: LedgerRecord, Equatable {
    public static let databaseTableName = "agency"
    public var id: Int64?
    public var name: String
    public var fullName: String?
    public var kind: String
    public var townCode: String?
    public var isIndigenous: Bool
    public var sortOrder: Int
    public var sourceId: String?
    public var sourceSection: String?
}
