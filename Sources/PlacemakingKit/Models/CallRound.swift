import GRDB

/// One call for applications (徵案) of a subsidy programme in an ROC year; `round` is 第N次.
struct CallRound: LedgerRecord, Equatable {
    static let databaseTableName = "call_round"
    var id: Int64?
    var programmeId: Int64
    var year: Int
    var round: Int?
    var opensOn: String?
    var closesOn: String?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
}
