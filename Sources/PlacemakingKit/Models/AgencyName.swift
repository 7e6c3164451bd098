import GRDB

/// One name an agency is known by (table `agency_name`): its short or formal name, an abbreviation, or
/// an earlier name with the day it stopped being used.
struct AgencyName: LedgerRecord, Equatable {
    static let databaseTableName = "agency_name"
    var id: Int64?
    var agencyId: Int64
    var name: String
    var kind: String
    var validFrom: String?
    var validTo: String?
    var sourceId: String?
}

/// The kinds of agency name, as stored in `agency_name.kind`.
public enum AgencyNameKind: String, CaseIterable, Sendable {
    case formal, short, alias, former

    var label: String {
        switch self {
        case .formal: "全銜"
        case .short: "簡稱"
        case .alias: "別稱"
        case .former: "舊稱"
        }
    }
}
