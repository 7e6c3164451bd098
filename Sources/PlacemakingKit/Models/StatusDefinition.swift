import GRDB

/// One status of a vocabulary (table `status`): its name as users type it, and its phase.
public struct StatusDefinition: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "status"
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public var entity: String
    public var name: String
    public var phase: String
    public var nameEn: String
    public var isInitial: Bool
    public var sortOrder: Int
}
