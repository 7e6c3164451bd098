import Foundation
import GRDB

extension AppDatabase {
    /// Files a business proposal (事業提案) under a plan. `year` defaults to the year of `submittedOn`,
    /// else this year.
    @discardableResult
    public func fileProposal(plan planId: Int64, title: String, year: Int? = nil, submittedOn: ROCDate? = nil,
                             amount: Money? = nil, ministry: String? = nil, note: String? = nil,
                             status: String? = nil, statusOn: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.fileProposal(plan: planId, title: title, year: year, submittedOn: submittedOn, amount: amount,
                                ministry: ministry, note: note, status: status, statusOn: statusOn, change: change)
        }
    }

    /// Edits a business proposal; nil leaves a field as it is.
    public func editProposal(id: Int64, title: String? = nil, year: Int? = nil, submittedOn: ROCDate? = nil,
                             amount: Money? = nil, ministry: String? = nil, note: String? = nil) throws {
        try write { db, change in
            try change.checkHappened(submittedOn, .submitted)
            try db.editAudited(BusinessProposal.self, id: id, kind: .proposal, action: "proposal.edit", change: change) { proposal, _ in
                if let title { proposal.title = try requireText(title, field: "提案名稱", as: .short) }
                if let year { proposal.year = year }
                if let submittedOn { proposal.submittedOn = submittedOn.iso }
                if let amount { proposal.amount = amount.yuan }
                if let ministry { proposal.ministryId = try db.agencyID(named: ministry, kinds: [.ministry]) }
                if let note { proposal.note = try optionalText(note, field: "備註", as: .note) }
            }
        }
    }

    public func proposals(_ filter: ProposalFilter = ProposalFilter()) throws -> ResultTable {
        try read { db in try db.collect(db.proposalQuery(filter)) }
    }

    /// One business proposal with its status history.
    public func proposalDetail(id: Int64) throws -> RecordDetail {
        try detail(.proposal, table: "business_proposal", id: id) { try $0.collect($0.proposalQuery(ProposalFilter(), id: id)) }
    }
}

extension Database {
    /// `fileProposal` inside a transaction the caller holds (an import files many in one); `source` is
    /// the provenance of a proposal that came from a file.
    @discardableResult
    func fileProposal(plan planId: Int64, title: String, year: Int? = nil, submittedOn: ROCDate? = nil,
                      amount: Money? = nil, ministry: String? = nil, note: String? = nil,
                      status: String? = nil, statusOn: ROCDate? = nil, statusOnOrBefore: Bool = false,
                      source: (id: String, section: String)? = nil, action: String = "proposal.file", change: Change) throws -> Int64 {
        try change.checkHappened(submittedOn, .submitted)
        _ = try require(Plan.self, id: planId, kind: .plan)
        try checkLink(table: "plan", id: planId, change: change)
        var proposal = BusinessProposal(
            planId: planId, year: year ?? submittedOn?.rocYear ?? change.today.rocYear,
            title: try requireText(title, field: "提案名稱", as: .short), status: try startingStatus(.proposal, requested: status, change: change),
            submittedOn: submittedOn?.iso, amount: amount?.yuan,
            ministryId: try ministry.map { try change.lookups.agencyID(self, named: $0, kinds: [.ministry]) },
            note: try optionalText(note, field: "備註", as: .note), sourceId: source?.id, sourceSection: source?.section,
            createdAt: change.stamp, updatedAt: change.stamp)
        let id = try insertAudited(&proposal, action: action, change: change)
        try startHistory(.proposal, id: id, status: proposal.status, on: statusOn ?? submittedOn, onOrBefore: statusOn != nil && statusOnOrBefore, change: change)
        return id
    }

    func proposalQuery(_ filter: ProposalFilter, id: Int64? = nil) throws -> TableQuery {
        let agencyId = try filter.agency.map { try agencyID(named: $0, kinds: nil) }
        var conditions = QueryConditions()
        conditions.add("bp.year = :year", "year", filter.year)
        conditions.add("p.agency_id = :agency", "agency", agencyId)
        conditions.add("s.phase = :phase", "phase", filter.phase?.rawValue)
        conditions.add("bp.plan_id = :plan", "plan", filter.plan)
        conditions.add("bp.id = :id", "id", id)
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("planId", "計畫編號", "plan id"), .init("agency", "機關", "agency"),
            .init("year", "年度", "year"), .init("title", "提案名稱", "title"), .init("status", "狀態", "status"),
            .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("submittedOn", "提報日期", "submitted on"), .init("amount", "金額(元)", "amount (NT$)"),
            .init("ministry", "部會", "ministry"), .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "planId", "agency", "title", "status", "statusOn"], sql: """
            SELECT bp.id, bp.plan_id, a.name AS agency, bp.year, bp.title, bp.status, s.phase, h.effective_on AS status_on,
                   h.on_or_before, bp.submitted_on, bp.amount, mi.name AS ministry, bp.note
            FROM business_proposal bp JOIN plan p ON p.id = bp.plan_id JOIN agency a ON a.id = p.agency_id
            JOIN status s ON s.entity = 'proposal' AND s.name = bp.status
            LEFT JOIN agency mi ON mi.id = bp.ministry_id
            \(StatusAsOf.join(.proposal, record: "bp.id"))
            \(conditions.sql)
            ORDER BY bp.id
            """, arguments: conditions.arguments(with: ["asOf": StatusAsOf.current])) { row in
            [.integer(row["id"]), .integer(row["plan_id"] as Int64?), .text(row["agency"]), .integer(row["year"]), .from(row["title"]),
             .text(row["status"]), AppDatabase.phaseCell(row["phase"]), AppDatabase.statusDateCell(row),
             .date(iso: row["submitted_on"]), .money(row["amount"]), .from(row["ministry"]), .from(row["note"])]
        }
    }
}
