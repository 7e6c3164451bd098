import GRDB

/// One name an agency is known by (table `agency_name`): its short or formal name, an abbreviation, or
/// an earlier name with the day it stopped being used.
public struct AgencyName: LedgerRecord, Equatable {
    public static let databaseTableName = "agency_name"
    public var id: Int64?
    public var agencyId: Int64
    public var name: String
    public var kind: String
    public var validFrom: String?
    public var validTo: String?
    public var sourceId: String?
}

/// The kinds of agency name, as stored in `agency_name.kind`.
public enum AgencyNameKind: String, CaseIterable, Sendable {
    case formal, short, alias, former

    public var label: String {
        switch self {
        case .formal: "全銜"
        case .short: "簡稱"
        case .alias: "別稱"
        case .former: "舊稱"
        }
    }
}
