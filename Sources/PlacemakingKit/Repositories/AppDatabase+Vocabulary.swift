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
            let labelled: [(noun: String, sql: String)] = [
                ("plan", "SELECT p.id, a.name || ' ' || coalesce(p.title, '') AS label, p.status FROM plan p JOIN agency a ON a.id = p.agency_id"),
                ("match", "SELECT m.id, a.name AS label, NULL AS status FROM plan_match m JOIN agency a ON a.id = m.ministry_id"),
                ("proposal", "SELECT id, coalesce(title, '') AS label, status FROM business_proposal"),
                ("visit", "SELECT v.id, a.name AS label, NULL AS status FROM counseling_visit v JOIN agency a ON a.id = v.agency_id"),
                ("subsidy", "SELECT id, title AS label, status FROM subsidy_application"),
                ("case", "SELECT id, title AS label, status FROM participation_case"),
                ("event", "SELECT id, title AS label, status FROM event"),
            ]
            for (noun, sql) in labelled {
                vocabulary.records[noun] = try Row.fetchAll(db, sql: sql + " ORDER BY 1").map {
                    Vocabulary.Record(id: $0["id"], label: $0["label"], status: $0["status"])
                }
            }
            vocabulary.programmes = try String.fetchAll(db, sql: "SELECT name FROM subsidy_programme ORDER BY id")
            return vocabulary
        }
    }
}
