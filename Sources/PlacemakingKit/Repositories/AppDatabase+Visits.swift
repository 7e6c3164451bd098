import Foundation
import GRDB

extension AppDatabase {
    /// Records a counseling visit (實地輔導) to an agency. `year` defaults to the year of the visit, else
    /// this year.
    @discardableResult
    public func recordVisit(agency: String, partner: String? = nil, plan planId: Int64? = nil, on date: ROCDate? = nil,
                            year: Int? = nil, purpose: String? = nil, note: String? = nil) throws -> Int64 {
        try write { db, change in
            try db.recordVisit(agency: agency, partner: partner, plan: planId, on: date, year: year, purpose: purpose,
                               note: note, change: change)
        }
    }

    /// Edits a visit; nil leaves a field as it is.
    public func editVisit(id: Int64, agency: String? = nil, partner: String? = nil, plan planId: Int64? = nil,
                          on date: ROCDate? = nil, year: Int? = nil, purpose: String? = nil, note: String? = nil) throws {
        try write { db, change in
            try db.checkDecision(.visit, change: change)
            try change.checkHappened(date, .visited)
            try db.editAudited(CounselingVisit.self, id: id, kind: nil, action: "visit.edit", change: change) { visit, _ in
                if let agency { visit.agencyId = try db.agencyID(named: agency, kinds: [.district, .bureau]) }
                if let partner { visit.partnerId = try db.agencyID(named: partner, kinds: nil) }
                if let planId { _ = try db.require(Plan.self, id: planId, kind: .plan); visit.planId = planId }
                if let date { visit.visitedOn = date.iso }
                if let year { visit.year = year }
                if let purpose { visit.purpose = try optionalText(purpose, field: "事由", as: .note) }
                if let note { visit.note = try optionalText(note, field: "備註", as: .note) }
            }
        }
    }

    public func visits(year: Int? = nil, agency: String? = nil) throws -> ResultTable {
        try read { db in try db.collect(db.visitQuery(year: year, agency: agency)) }
    }

    public func visitDetail(id: Int64) throws -> RecordDetail {
        try detail(nil, table: "counseling_visit", id: id) { try $0.collect($0.visitQuery(id: id)) }
    }
}

extension Database {
    /// `recordVisit` inside a transaction the caller holds (an import records many in one); `source` is
    /// the provenance of a visit that came from a file.
    @discardableResult
    func recordVisit(agency: String, partner: String? = nil, plan planId: Int64? = nil, on date: ROCDate? = nil,
                     year: Int? = nil, purpose: String? = nil, note: String? = nil,
                     source: (id: String, section: String)? = nil, action: String = "visit.record", change: Change) throws -> Int64 {
        try checkDecision(.visit, change: change)
        try change.checkHappened(date, .visited)
        if let planId { _ = try require(Plan.self, id: planId, kind: .plan) }
        var visit = CounselingVisit(
            agencyId: try change.lookups.agencyID(self, named: agency, kinds: [.district, .bureau]),
            partnerId: try partner.map { try change.lookups.agencyID(self, named: $0, kinds: nil) }, planId: planId,
            year: year ?? date?.rocYear ?? change.today.rocYear, visitedOn: date?.iso,
            purpose: try optionalText(purpose, field: "事由", as: .note), note: try optionalText(note, field: "備註", as: .note),
            sourceId: source?.id, sourceSection: source?.section, createdAt: change.stamp, updatedAt: change.stamp)
        return try insertAudited(&visit, action: action, change: change)
    }

    func visitQuery(year: Int? = nil, agency name: String? = nil, id: Int64? = nil) throws -> TableQuery {
        let agencyId = try name.map { try agencyID(named: $0, kinds: nil) }
        var conditions = QueryConditions()
        conditions.add("v.year = :year", "year", year)
        conditions.add("v.agency_id = :agency", "agency", agencyId)
        conditions.add("v.id = :id", "id", id)
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("agency", "受輔導機關", "agency"), .init("partner", "同行單位", "partner"),
            .init("year", "年度", "year"), .init("visitedOn", "日期", "visited on"), .init("purpose", "事由", "purpose"),
            .init("planId", "計畫編號", "plan id", nullIsUnknown: false), .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "agency", "partner", "visitedOn", "purpose"], sql: """
            SELECT v.id, a.name AS agency, pa.name AS partner, v.year, v.visited_on, v.purpose, v.plan_id, v.note
            FROM counseling_visit v JOIN agency a ON a.id = v.agency_id LEFT JOIN agency pa ON pa.id = v.partner_id
            \(conditions.sql)
            ORDER BY v.year, v.visited_on, v.id
            """, arguments: conditions.arguments(with: [:])) { row in
            [.integer(row["id"]), .text(row["agency"]), .from(row["partner"]), .integer(row["year"]),
             .date(iso: row["visited_on"]), .from(row["purpose"]), .integer(row["plan_id"] as Int64?), .from(row["note"])]
        }
    }
}
