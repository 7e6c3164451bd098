extension ProgrammeSummary {
    /// The summary as named tables, for any `TableSink` (`table.send(to:sheet:)`: a workbook gets one
    /// sheet each) and for the screen. Tables keep every column; `brief` names those that fit a
    /// terminal of 80 columns.
    public func tables(_ language: Language = .chinese) -> [(name: String, table: ResultTable)] {
        var result: [(name: String, table: ResultTable)] = [
            (language.pick("摘要", "headline"), headlineTable(language)),
            (language.pick("計畫階段", "plans by phase"), plansByAgencyTable(language)),
            (language.pick("媒合機關", "matched plans"), matchedTable()),
        ]
        if !plans.matchesByMinistry.isEmpty { result.append((language.pick("部會媒合", "matches by ministry"), ministryTable())) }
        result += [
            (language.pick("事業提案", "business proposals"), proposalTable()),
            (language.pick("實地輔導", "counseling visits"), visitTable()),
            (language.pick("補助申請", "subsidy applications"), subsidyTable(language)),
            (language.pick("公民參與", "participation cases"), caseTable(language)),
            (language.pick("活動", "events"), eventTable()),
        ]
        return result
    }

    /// The figures the council report states, one a row, with the names behind them.
    func headlineTable(_ language: Language) -> ResultTable {
        let list = { (names: [String]) -> ResultTable.Cell in names.isEmpty ? .text("") : .text(names.joined(separator: language.pick("、", ", "))) }
        var table = ResultTable(columns: [
            .init("item", "項目", "item"), .init("value", "數值", "value"), .init("detail", "說明", "detail", nullIsUnknown: false),
        ])
        let awarded = subsidies.awarded
        table.rows = [
            [.text(language.pick("截至日期", "as of")), .date(asOf), .text(language.pick("\(year)年度", "year \(year)"))],
            [.text(language.pick("地方創生計畫", "placemaking plans")), .integer(Int64(plans.total)), .text("")],
            [.text(language.pick("已媒合機關", "matched agencies")), .integer(Int64(plans.matchedAgencies.count)), list(plans.matchedAgencies)],
            [.text(language.pick("新增事業提案", "new business proposals")), .integer(Int64(proposals.submitted.count)), list(proposals.agencies)],
            [.text(language.pick("實地輔導機關", "agencies visited")), .integer(Int64(visits.agencies.count)), list(visits.agencies)],
            [.text(language.pick("補助申請", "subsidy applications")), .integer(Int64(subsidies.applications.count)), .text("")],
            [.text(language.pick("獲核定補助", "subsidies awarded")), .integer(Int64(awarded.count)), list(awarded.map(\.agency))],
            [.text(language.pick("核定補助金額(元)", "amount awarded (NT$)")), .money(subsidies.approvedAmount),
             awarded.contains { $0.awardedAmount == nil } ? .text(language.pick("部分金額未詳", "some amounts unknown")) : .text("")],
            [.text(language.pick("公民參與案件", "participation cases")), .integer(Int64(cases.total)), .text("")],
            [.text(language.pick("市府核定補助案件", "cases subsidized by the city")), .integer(Int64(cases.subsidized)), .text("")],
            [.text(language.pick("活動", "events")), .integer(Int64(events.count)),
             list(events.map { "\($0.title)（\($0.status)）" })],
        ]
        return table
    }

    /// Plans of each agency by the phase of their status on `asOf`, with a total row.
    func plansByAgencyTable(_ language: Language) -> ResultTable {
        var table = ResultTable(columns: [.init("agency", "機關", "agency"), .init("total", "計畫數", "plans")]
            + Phase.allCases.map { .init($0.rawValue, $0.label, $0.rawValue) })
        // On screen only the phases that hold plans, so the table fits 80 columns in either language.
        let used = plans.byPhase.filter { $0.count > 0 }.map(\.phase.rawValue)
        table.brief = ["agency", "total"] + (used.isEmpty ? Phase.allCases.map(\.rawValue) : used)
        table.rows = plans.byAgency.map { agency in
            [.text(agency.agency), .integer(Int64(agency.total))] + agency.byPhase.map { .integer(Int64($0.count)) }
        }
        table.rows.append([.text(language.pick("合計", "total")), .integer(Int64(plans.total))]
            + plans.byPhase.map { .integer(Int64($0.count)) })
        return table
    }

    func matchedTable() -> ResultTable {
        var table = ResultTable(columns: [
            .init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("title", "計畫名稱", "title"),
            .init("status", "狀態", "status then"), .init("matchedOn", "媒合日期", "matched on"),
        ])
        table.rows = plans.matched.map { plan in
            [.integer(plan.id), .text(plan.agency), .from(plan.title), .text(plan.status),
             plan.matchedOnOrBefore ? .dateOnOrBefore(plan.matchedOn) : .date(plan.matchedOn)]
        }
        return table
    }

    func ministryTable() -> ResultTable {
        var table = ResultTable(columns: [
            .init("ministry", "部會", "ministry"), .init("plans", "計畫數", "plans"),
            .init("subsidy", "補助(元)", "subsidy (NT$)"), .init("investment", "投資(元)", "investment (NT$)"),
        ])
        table.rows = plans.matchesByMinistry.map { m in
            [.text(m.ministry), .integer(Int64(m.plans)), m.subsidy.map { .money($0) } ?? .null, m.investment.map { .money($0) } ?? .null]
        }
        return table
    }

    func proposalTable() -> ResultTable {
        ResultTable(columns: Self.proposalColumns, rows: proposals.submitted.map(Self.proposalCells))
    }

    static let proposalColumns: [ResultTable.Column] = [
        .init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("planId", "計畫編號", "plan id"),
        .init("title", "提案名稱", "title"), .init("submittedOn", "提報日期", "submitted on"), .init("status", "狀態", "status then"),
    ]

    /// A proposal's row of `proposalTable` (and its item in the JSON document).
    static func proposalCells(_ p: SubmittedProposal) -> [ResultTable.Cell] {
        [.integer(p.id), .text(p.agency), .integer(p.planId), .from(p.title),
         p.submittedOnOrBefore ? .dateOnOrBefore(p.submittedOn) : .date(p.submittedOn), .text(p.status)]
    }

    func visitTable() -> ResultTable {
        ResultTable(columns: Self.visitColumns, rows: visits.visits.map(Self.visitCells))
    }

    static let visitColumns: [ResultTable.Column] = [
        .init("id", "編號", "id"), .init("agency", "受輔導機關", "agency"), .init("partner", "同行單位", "partner", nullIsUnknown: false),
        .init("visitedOn", "日期", "visited on"), .init("purpose", "事由", "purpose"),
    ]

    /// A visit's row of `visitTable` (and its item in the JSON document).
    static func visitCells(_ v: Visit) -> [ResultTable.Cell] {
        [.integer(v.id), .text(v.agency), .from(v.partner), v.visitedOn.map { .date($0) } ?? .null, .from(v.purpose)]
    }

    func subsidyTable(_ language: Language) -> ResultTable {
        var table = ResultTable(columns: [
            .init("id", "編號", "id"), .init("agency", "機關", "agency"), .init("title", "申請計畫", "title"),
            .init("programme", "補助計畫", "programme"), .init("round", "徵案", "call round"),
            .init("status", "狀態", "status then"), .init("awarded", "核定", "awarded"),
            .init("awardedAmount", "核定金額(元)", "awarded (NT$)", nullIsUnknown: true), .init("awardedOn", "核定日期", "awarded on", nullIsUnknown: false),
        ])
        table.brief = ["agency", "title", "status", "awardedAmount"]
        table.rows = subsidies.applications.map { a in
            let round = a.round.map { language.pick("\(a.callYear)年第\($0)次", "\(a.callYear) round \($0)") } ?? language.pick("\(a.callYear)年", "\(a.callYear)")
            return [.integer(a.id), .text(a.agency), .text(a.title), .text(a.programme), .text(round), .text(a.status), .bool(a.awarded),
                    a.awarded ? (a.awardedAmount.map { .money($0) } ?? .null) : .text(""), a.awardedOn.map { .date($0) } ?? .null]
        }
        return table
    }

    func caseTable(_ language: Language) -> ResultTable {
        var table = ResultTable(columns: [
            .init("agency", "機關", "agency"), .init("total", "案件數", "cases"), .init("subsidized", "市府核定補助", "subsidized"),
        ])
        table.rows = cases.byAgency.map { [.from($0.agency), .integer(Int64($0.total)), .integer(Int64($0.subsidized))] }
        table.rows.append([.text(language.pick("合計", "total")), .integer(Int64(cases.total)), .integer(Int64(cases.subsidized))])
        return table
    }

    func eventTable() -> ResultTable {
        var table = ResultTable(columns: [
            .init("id", "編號", "id"), .init("title", "活動名稱", "title"), .init("status", "狀態", "status then"),
            .init("plannedFrom", "預定起", "planned from", nullIsUnknown: true), .init("plannedTo", "預定迄", "planned to"),
            .init("heldOn", "辦理日期", "held on", nullIsUnknown: false),
        ])
        table.brief = ["title", "status", "plannedFrom", "plannedTo"]
        table.rows = events.map { e in
            [.integer(e.id), .text(e.title), .text(e.status), e.plannedFrom.map { .date($0) } ?? .null,
             e.plannedTo.map { .date($0) } ?? .null, e.heldOn.map { .date($0) } ?? .null]
        }
        return table
    }
}
