import Foundation
import GRDB

extension AppDatabase {
    /// Records one ministry's part in matching a plan (媒合): its 補助 and 投資 amounts, the NDC
    /// meeting and the date. The plan's own status is changed separately (`changeStatus`).
    @discardableResult
    public func recordMatch(plan planId: Int64, ministry: String, subsidy: Money? = nil, investment: Money? = nil,
                            meeting: String? = nil, on date: ROCDate? = nil, note: String? = nil) throws -> Int64 {
        try write { db, change in
            try db.checkDecision(.match, change: change)
            try change.checkHappened(date, .matched)
            _ = try db.require(Plan.self, id: planId, kind: .plan)
            let ministryId = try db.agencyID(named: ministry, kinds: [.ministry])
            var match = PlanMatch(planId: planId, ministryId: ministryId, subsidyAmount: subsidy?.yuan,
                                  investmentAmount: investment?.yuan, meeting: try optionalText(meeting, field: "會議", as: .short), matchedOn: date?.iso,
                                  note: try optionalText(note, field: "備註", as: .note), createdAt: change.stamp, updatedAt: change.stamp)
            return try db.insertAudited(&match, action: "match.record", change: change)
        }
    }

    /// Edits a match; nil leaves a field as it is.
    public func editMatch(id: Int64, ministry: String? = nil, subsidy: Money? = nil, investment: Money? = nil,
                          meeting: String? = nil, on date: ROCDate? = nil, note: String? = nil) throws {
        try write { db, change in
            try db.checkDecision(.match, change: change)
            try change.checkHappened(date, .matched)
            try db.editAudited(PlanMatch.self, id: id, kind: nil, action: "match.edit", change: change) { match, _ in
                if let ministry { match.ministryId = try db.agencyID(named: ministry, kinds: [.ministry]) }
                if let subsidy { match.subsidyAmount = subsidy.yuan }
                if let investment { match.investmentAmount = investment.yuan }
                if let meeting { match.meeting = try optionalText(meeting, field: "會議", as: .short) }
                if let date { match.matchedOn = date.iso }
                if let note { match.note = try optionalText(note, field: "備註", as: .note) }
            }
        }
    }

    /// Matches of one plan, or of all plans (optionally matched in an ROC year).
    public func matches(plan planId: Int64? = nil, year: Int? = nil) throws -> ResultTable {
        try read { db in try db.collect(db.matchQuery(planId: planId, year: year)) }
    }

    /// One match.
    public func matchDetail(id: Int64) throws -> RecordDetail {
        try detail(nil, table: "plan_match", id: id) { try $0.collect($0.matchQuery(matchId: id)) }
    }
}

extension Database {
    func matchQuery(planId: Int64? = nil, year: Int? = nil, matchId: Int64? = nil) throws -> TableQuery {
        let bounds = year.map(ROCDate.isoBounds(ofROCYear:))
        var conditions = QueryConditions()
        conditions.add("m.plan_id = :plan", "plan", planId)
        conditions.add("m.id = :id", "id", matchId)
        conditions.add("m.matched_on BETWEEN :first AND :last", when: bounds != nil, ["first": bounds?.first, "last": bounds?.last])
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("planId", "計畫編號", "plan id"), .init("agency", "提案機關", "agency"),
            .init("ministry", "部會", "ministry"), .init("subsidyAmount", "補助(元)", "subsidy (NT$)"),
            .init("investmentAmount", "投資(元)", "investment (NT$)"), .init("total", "合計(元)", "total (NT$)"),
            .init("meeting", "會議", "meeting"), .init("matchedOn", "媒合日期", "matched on"),
            .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "planId", "agency", "ministry", "subsidyAmount", "investmentAmount", "matchedOn"], sql: """
            SELECT m.id, m.plan_id, a.name AS agency,
                   \(AgencyNameOn.sql(agency: "mi.id", day: "m.matched_on", present: "mi.name")) AS ministry, m.subsidy_amount, m.investment_amount,
                   m.meeting, m.matched_on, m.note
            FROM plan_match m JOIN plan p ON p.id = m.plan_id JOIN agency a ON a.id = p.agency_id
            JOIN agency mi ON mi.id = m.ministry_id
            \(conditions.sql)
            ORDER BY m.plan_id, m.id
            """, arguments: conditions.arguments(with: [:])) { row in
            let subsidy: Int64? = row["subsidy_amount"], investment: Int64? = row["investment_amount"]
            let total: Int64? = (subsidy == nil && investment == nil) ? nil : (subsidy ?? 0) + (investment ?? 0)
            return [.integer(row["id"]), .integer(row["plan_id"] as Int64?), .text(row["agency"]), .text(row["ministry"]),
                    .money(subsidy), .money(investment), .money(total), .from(row["meeting"]),
                    .date(iso: row["matched_on"]), .from(row["note"])]
        }
    }
}
