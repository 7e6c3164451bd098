import GRDB

/// A counseling visit (實地輔導) to an agency, usually with the NDC Southern Region Counseling Center.
public struct CounselingVisit: LedgerRecord, Equatable {
    public static let databaseTableName = "counseling_visit"
    public var id: Int64?
    public var agencyId: Int64
    public var partnerId: Int64?
    public var planId: Int64?
    public var year: Int
    public var visitedOn: String?
    public var purpose: String?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
    public var createdAt: String
    public var updatedAt: String
}
