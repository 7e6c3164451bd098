import Foundation
import GRDB

/// The words a user may type as values, for completion: agency names by kind, each kind's statuses and
/// transitions, the records that exist (id, a short label, current status), and the subsidy programmes.
/// One snapshot, reloaded by the shell after every command.
public struct Vocabulary: Sendable {
    public struct Record: Sendable, Equatable {
        public let id: Int64
        public let label: String
        public let status: String?
    }

    public var agencies: [(name: String, kind: AgencyKind)] = []
    public var statuses: [RecordKind: [String]] = [:]
    public var transitions: [RecordKind: [String: [String]]] = [:]
    /// Records by the command noun that lists them: plan, match, proposal, visit, subsidy, case, event.
    public var records: [String: [Record]] = [:]
    public var programmes: [String] = []

    public init() {}
}

extension AppDatabase {
    public func vocabulary() throws -> Vocabulary {
        try read { db in
            var vocabulary = Vocabulary()
            vocabulary.agencies = try Row.fetchAll(db, sql: "SELECT name, kind FROM agency ORDER BY sort_order, id").compactMap { row in
                AgencyKind(rawValue: row["kind"]).map { (row["name"] as String, $0) }
            }
            for kind in RecordKind.allCases {
                vocabulary.statuses[kind] = try db.statuses(kind).map(\.name)
                vocabulary.transitions[kind] = try db.transitions(kind)
            }
            for table in LedgerTable.allCases {
                guard let noun = table.noun, let sql = table.completionQuery else { continue }
                vocabulary.records[noun] = try Row.fetchAll(db, sql: sql).reversed().map {
                    Vocabulary.Record(id: $0["id"], label: $0["label"], status: $0["status"])
                }
            }
            vocabulary.programmes = try String.fetchAll(db, sql: "SELECT name FROM subsidy_programme ORDER BY id")
            return vocabulary
        }
    }
}
