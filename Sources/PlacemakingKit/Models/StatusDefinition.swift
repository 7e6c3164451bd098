import GRDB

/// One status of a vocabulary (table `status`): its name as users type it, and its phase.
public struct StatusDefinition: Sendable, Equatable {
    public var entity: String
    public var name: String
    public var phase: String
    public var nameEn: String
    public var isInitial: Bool
    public var sortOrder: Int

    /// Reads a row of `status` (by column name; the vocabulary is small).
    init(row: Row) {
        entity = row["entity"]
        name = row["name"]
        phase = row["phase"]
        nameEn = row["name_en"]
        isInitial = row["is_initial"]
        sortOrder = row["sort_order"]
    }
}
