import GRDB

/// One call for applications (徵案) of a subsidy programme in an ROC year; `round` is 第N次.
public struct CallRound: LedgerRecord, Equatable {
    public static let databaseTableName = "call_round"
    public var id: Int64?
    public var programmeId: Int64
    public var year: Int
    public var round: Int?
    public var opensOn: String?
    public var closesOn: String?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
}
