import GRDB

/// A subsidy programme such as 地方創生公有建築空間整備活化補助.
public struct SubsidyProgramme: LedgerRecord, Equatable {
    public static let databaseTableName = "subsidy_programme"
    public var id: Int64?
    public var name: String
    public var administratorId: Int64?
    public var note: String?
    public var sourceId: String?
    public var sourceSection: String?
}
