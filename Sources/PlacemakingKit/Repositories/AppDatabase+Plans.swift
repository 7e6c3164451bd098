import Foundation
import GRDB

extension AppDatabase {
    /// Enters a new placemaking plan of a district office or bureau. It starts at the first status of
    /// the plan vocabulary, or at `status` when an existing plan is being entered, dated `statusOn`,
    /// else the submission date, else today.
    @discardableResult
    public func submitPlan(agency: String, title: String, submittedOn: ROCDate? = nil, budget: Money? = nil,
                           note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.submitPlan(agency: agency, title: title, submittedOn: submittedOn, budget: budget, note: note,
                              status: status, statusOn: statusOn, change: change)
        }
    }

    /// Edits a plan's fields; nil leaves a field as it is.
    public func editPlan(id: Int64, agency: String? = nil, title: String? = nil, submittedOn: ROCDate? = nil,
                         budget: Money? = nil, note: String? = nil) throws {
        try write { db, change in
            try change.checkHappened(submittedOn, .submitted)
            try db.editAudited(Plan.self, id: id, kind: .plan, action: "plan.edit", change: change) { plan, _ in
                if let agency { plan.agencyId = try db.agencyID(named: agency, kinds: [.district, .bureau]) }
                if let title { plan.title = try requireText(title, field: "計畫名稱", as: .short) }
                if let submittedOn { plan.submittedOn = submittedOn.iso }
                if let budget { plan.budget = budget.yuan }
                if let note { plan.note = try optionalText(note, field: "備註", as: .note) }
            }
        }
    }

    /// Plans with their agency, status, phase and the date of that status.
    public func plans(_ filter: PlanFilter = PlanFilter()) throws -> ResultTable {
        try read { db in try db.collect(db.planListQuery(filter)) }
    }

    /// One plan with its matches, business proposals and status history.
    public func planDetail(id: Int64) throws -> RecordDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: Self.planQuery + """
                WHERE plan.id = :id
                """, arguments: ["id": id, "asOf": StatusAsOf.current]) else { throw PlacemakingError.notFound(.plan, table: "plan", id: id) }
            let record = ResultTable(columns: Self.planColumns + Self.provenanceColumns,
                                     rows: [Self.planCells(row) + Self.provenanceCells(row)])
                .appendingVersion(try db.version(of: .plan, id: id))
            return RecordDetail(record: record, sections: [
                .init(key: "matches", title: "部會媒合", titleEnglish: "matches", table: try db.collect(db.matchQuery(planId: id))),
                .init(key: "proposals", title: "事業提案", titleEnglish: "business proposals",
                      table: try db.collect(db.proposalQuery(ProposalFilter(plan: id)))),
                .init(key: "history", title: "狀態歷程", titleEnglish: "status history", table: try db.historyTable(.plan, id: id)),
            ])
        }
    }

    /// A match counts as of `:asOf` when it was made by then (or its date is not known).
    static let matchedByAsOf = "(m.matched_on IS NULL OR m.matched_on <= :asOf)"

    /// Plans with their agency, the status and phase in force at `:asOf` with its date, and the match
    /// totals by then; plans with no status by then did not exist yet and drop out. Callers add WHERE
    /// and ORDER.
    static let planQuery = planQuery(matches: true)

    /// `planQuery`; without `matches` the three match totals are NULL, for a list that does not show
    /// them (the screen's brief columns): they are three look-ups per plan.
    static func planQuery(matches: Bool) -> String {
        """
        SELECT plan.id, agency.name AS agency, plan.title, h.status, status.phase, plan.submitted_on,
               plan.budget, h.effective_on AS status_on, h.on_or_before,
        """ + (matches ? """
               (SELECT count(*) FROM plan_match m WHERE m.plan_id = plan.id AND \(matchedByAsOf)) AS matches,
               (SELECT sum(subsidy_amount) FROM plan_match m WHERE m.plan_id = plan.id AND \(matchedByAsOf)) AS matched_subsidy,
               (SELECT sum(investment_amount) FROM plan_match m WHERE m.plan_id = plan.id AND \(matchedByAsOf)) AS matched_investment,

        """ : """
               NULL AS matches, NULL AS matched_subsidy, NULL AS matched_investment,

        """) + """
               plan.note, plan.source_id, plan.source_section, plan.created_at, plan.updated_at
        FROM plan
        JOIN agency ON agency.id = plan.agency_id
        \(StatusAsOf.join(.plan, record: "plan.id"))
        JOIN status ON status.entity = 'plan' AND status.name = h.status

        """
    }

    static let planColumns: [ResultTable.Column] = [
        .init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("title", "計畫名稱", "title"),
        .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
        .init("submittedOn", "提報日期", "submitted on"), .init("budget", "預算(元)", "budget (NT$)"),
        .init("matches", "媒合部會數", "matches"), .init("matchedSubsidy", "媒合補助(元)", "matched subsidy (NT$)"),
        .init("matchedInvestment", "媒合投資(元)", "matched investment (NT$)"),
    ]

    /// The columns of `planQuery`, in its order. Its rows are read by position: a name costs a
    /// dictionary look-up for every cell of every row (a tenth of a long list's time).
    enum PlanQueryColumn: Int, CaseIterable {
        case id, agency, title, status, phase, submittedOn, budget, statusOn, onOrBefore
        case matches, matchedSubsidy, matchedInvestment, note, sourceID, sourceSection, createdAt, updatedAt

        /// The name the query gives the column (checked against the query by a test).
        var name: String {
            switch self {
            case .submittedOn: "submitted_on"
            case .statusOn: "status_on"
            case .onOrBefore: "on_or_before"
            case .matchedSubsidy: "matched_subsidy"
            case .matchedInvestment: "matched_investment"
            case .sourceID: "source_id"
            case .sourceSection: "source_section"
            case .createdAt: "created_at"
            case .updatedAt: "updated_at"
            default: "\(self)"
            }
        }
    }

    static func planCells(_ row: Row) -> [ResultTable.Cell] {
        typealias C = PlanQueryColumn
        return [.integer(row[C.id.rawValue]), .text(row[C.agency.rawValue]), .from(row[C.title.rawValue]), .text(row[C.status.rawValue]),
                phaseCell(row[C.phase.rawValue]), statusDateCell(iso: row[C.statusOn.rawValue], onOrBefore: row[C.onOrBefore.rawValue]), .date(iso: row[C.submittedOn.rawValue]), .money(row[C.budget.rawValue]),
                // NULL when the query left the match totals out (`planQuery(matches: false)`).
                (row[C.matches.rawValue] as Int64?).map(ResultTable.Cell.integer) ?? .null,
                .money(row[C.matchedSubsidy.rawValue]), .money(row[C.matchedInvestment.rawValue])]
    }

    static let provenanceColumns: [ResultTable.Column] = [
        .init("note", "備註", "note", nullIsUnknown: false), .init("source", "資料來源", "source", nullIsUnknown: false),
        .init("sourceSection", "來源章節", "source section", nullIsUnknown: false),
        .init("createdAt", "建立時間", "created at"), .init("updatedAt", "修改時間", "updated at"),
    ]

    static func provenanceCells(_ row: Row) -> [ResultTable.Cell] {
        typealias C = PlanQueryColumn
        return [.from(row[C.note.rawValue]), .from(row[C.sourceID.rawValue]), .from(row[C.sourceSection.rawValue]),
                .timestamp(row[C.createdAt.rawValue]), .timestamp(row[C.updatedAt.rawValue])]
    }

    static func phaseCell(_ phase: String) -> ResultTable.Cell {
        .code(phase, label: Phase(rawValue: phase)?.label ?? phase)
    }

    /// The date of the current status, marked when it is only an upper bound.
    static func statusDateCell(_ row: Row) -> ResultTable.Cell {
        statusDateCell(iso: row["status_on"], onOrBefore: row["on_or_before"])
    }

    static func statusDateCell(iso: String?, onOrBefore: Bool?) -> ResultTable.Cell {
        guard let iso, let day = ROCDate(iso: iso) else { return .null }
        return onOrBefore == true ? .dateOnOrBefore(day) : .date(day)
    }
}

extension Database {
    /// `submitPlan` inside a transaction the caller holds, so that an import can submit many plans in one;
    /// `source` is the provenance of a plan that came from a file.
    @discardableResult
    func submitPlan(agency: String, title: String, submittedOn: ROCDate? = nil, budget: Money? = nil,
                    note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil, statusOnOrBefore: Bool = false,
                    source: (id: String, section: String)? = nil, action: String = "plan.submit", change: Change) throws -> Int64 {
        try change.checkHappened(submittedOn, .submitted)
        let owner = try change.lookups.agency(self, named: agency, kinds: [.district, .bureau])
        var plan = Plan(agencyId: try owner.storedID(), title: try requireText(title, field: "計畫名稱", as: .short),
                        status: try startingStatus(.plan, requested: status, change: change),
                        submittedOn: submittedOn?.iso, budget: budget?.yuan, note: try optionalText(note, field: "備註", as: .note),
                        sourceId: source?.id, sourceSection: source?.section,
                        createdAt: change.stamp, updatedAt: change.stamp)
        let id = try insertAudited(&plan, action: action, change: change)
        try startHistory(.plan, id: id, status: plan.status, on: statusOn ?? submittedOn,
                         onOrBefore: statusOn != nil && statusOnOrBefore, change: change)
        return id
    }

    /// The first history entry of a new record, dated `on`: the `--on` the user gave, else the record's
    /// own date (submitted, filed …) so that last month's events entered this month keep their dates,
    /// else today. A future date is refused. `onOrBefore` marks a date known only as an upper bound
    /// (「111/06/30前」 in a report or an exported file).
    func startHistory(_ kind: RecordKind, id: Int64, status: String, on date: ROCDate?, onOrBefore: Bool = false,
                      change: Change) throws {
        let day = date ?? change.today
        try checkStatusDate(day, kind: kind, id: id, change: change)
        try appendHistory(kind, id: id, status: status, on: day, onOrBefore: date != nil && onOrBefore, note: nil, change: change)
    }
}

extension Database {
    /// The plan list as a query: plans as they stood at `filter.asOf`, filtered by agency, phase,
    /// status and year (submitted, or a status change, in it).
    func planListQuery(_ filter: PlanFilter) throws -> TableQuery {
        let agencyId = try filter.agency.map { try agencyID(named: $0, kinds: nil) }
        let status = try filter.status.map { try statusDefinition(.plan, named: $0).name }
        let bounds = filter.year.map(ROCDate.isoBounds(ofROCYear:))
        var conditions = QueryConditions()
        conditions.add("plan.agency_id = :agency", "agency", agencyId)
        conditions.add("status.phase = :phase", "phase", filter.phase?.rawValue)
        conditions.add("h.status = :status", "status", status)
        conditions.add("""
            (plan.submitted_on BETWEEN :first AND :last
             OR EXISTS (SELECT 1 FROM status_history y WHERE y.entity = 'plan' AND y.entity_id = plan.id
                        AND y.effective_on BETWEEN :first AND :last))
            """, when: bounds != nil, ["first": bounds?.first, "last": bounds?.last])
        return TableQuery(columns: AppDatabase.planColumns, brief: ["id", "agency", "title", "status", "statusOn"],
                          sql: AppDatabase.planQuery + conditions.sql + "\nORDER BY plan.id",
                          arguments: conditions.arguments(with: ["asOf": StatusAsOf.bound(filter.asOf)]),
                          cells: AppDatabase.planCells,
                          lean: (["matches", "matchedSubsidy", "matchedInvestment"],
                                 AppDatabase.planQuery(matches: false) + conditions.sql + "\nORDER BY plan.id"))
    }
}
