/// The program's version, printed by `placemaking --version` beside the schema version.
public enum PlacemakingVersion {
    public static let current = "0.5.0"
}
