/// An agency as the rest of the program needs it: who it is and what kind, without storage details.
public struct AgencySummary: Sendable, Equatable {
    public let id: Int64
    /// The name it goes by now (六龜區, 農業部).
    public let name: String
    /// Its formal name (高雄市六龜區公所), when on record.
    public let fullName: String?
    public let kind: AgencyKind?
    /// The district's town code (64000320), for district offices.
    public let townCode: String?
    /// One of the three mountain indigenous districts (茂林、桃源、那瑪夏).
    public let isIndigenous: Bool
}
