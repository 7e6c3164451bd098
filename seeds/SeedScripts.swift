import Foundation

/// The SQL scripts that fill a new database: reference data first, then the facts of the source report.
///
/// They are plain SQL so that a person can read them and the `sqlite3` shell can run them; the one
/// parameter, `:now`, is the UTC time of seeding.
public enum SeedScripts {
    /// The scripts in the order they must run, as (file name, SQL text).
    public static func all() throws -> [(name: String, sql: String)] {
        guard let folder = Bundle.module.url(forResource: "sql", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }
}
