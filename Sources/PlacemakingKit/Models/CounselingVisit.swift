import GRDB

/// A counseling visit (實地輔導) to an agency, usually with the NDC Southern Region Counseling Center.
struct CounselingVisit: EditableRecord {
    static let databaseTableName = "counseling_visit"
    var id: Int64?
    var agencyId: Int64
    var partnerId: Int64?
    var planId: Int64?
    var year: Int
    var visitedOn: String?
    var purpose: String?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
    var createdAt: String
    var updatedAt: String
}
