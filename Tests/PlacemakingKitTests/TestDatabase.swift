import Foundation
import GRDB
@testable import PlacemakingKit

/// A new database file in its own temporary folder, removed when the value goes away.
final class TestDatabase {
    let folder: URL
    let path: String
    let database: AppDatabase

    init(login: String = "tester") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("ledger.sqlite").path
        database = try AppDatabase.open(path: path, login: login)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs a read-only query for assertions.
    func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Counts of every table, to prove that a refused write changed nothing.
    func tableCounts() throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"")
            }
            return counts
        }
    }
}

extension ResultTable {
    /// The display strings of one column, for compact assertions.
    func strings(_ key: String) -> [String] {
        guard let c = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { $0[c].display(.chinese, nullIsUnknown: columns[c].nullIsUnknown) }
    }
}
