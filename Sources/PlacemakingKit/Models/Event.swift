import GRDB

/// A workshop, talk or other event of the programme; the planned period is `plannedFrom`…`plannedTo`.
public struct Event: LedgerRecord, Equatable {
    public static let databaseTableName = "event"
    public var id: Int64?
    public var year: Int
    public var title: String
    public var kind: String?
    public var organiserId: Int64?
    public var partnerId: Int64?
    public var status: String
    public var plannedFrom: String?
    public var plannedTo: String?
    public var heldOn: String?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
