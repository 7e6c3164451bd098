import GRDB

/// A subsidy programme such as 地方創生公有建築空間整備活化補助.
struct SubsidyProgramme: LedgerRecord, Equatable {
    static let databaseTableName = "subsidy_programme"
    var id: Int64?
    var name: String
    var administratorId: Int64?
    var note: String?
    var sourceId: String?
    var sourceSection: String?
}
