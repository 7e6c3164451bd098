import Foundation
import GRDB

/// What `export ndc` covers: an ROC year (plans submitted or changed in it; the other sheets' own
/// year), one agency, and the day the workbook is true of.
public struct NDCExportFilter: Sendable {
    public var year: Int?
    public var agency: String?
    /// The day the workbook describes: statuses in force then, matches and visits made by then; nil: today.
    public var asOf: ROCDate?

    public init(year: Int? = nil, agency: String? = nil, asOf: ROCDate? = nil) {
        self.year = year
        self.agency = agency
        self.asOf = asOf
    }
}

extension AppDatabase {
    /// Streams the NDC-matching status workbook into `sink`, one sheet after another and one row at a
    /// time, as things stood on `filter.asOf`. The caller finishes the sink.
    public func exportNDC(_ filter: NDCExportFilter, sheets: [NDCSheet] = NDCSheet.allCases, into sink: inout some TableSink) throws {
        try read { db in
            let agencyId = try filter.agency.map { try db.agency(named: $0, kinds: nil).id } ?? nil
            let asOf = StatusAsOf.bound(filter.asOf)
            for sheet in sheets {
                try db.stream(Self.ndcQuery(sheet, asOf: asOf, agency: agencyId, year: filter.year), sheet: sheet.name, into: &sink)
            }
        }
    }

    /// The sheet's query, with a condition for each filter given and none for the others (`QueryConditions`).
    static func ndcQuery(_ sheet: NDCSheet, asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        switch sheet {
        case .plans: return planSheet(asOf: asOf, agency: agency, year: year)
        case .matches: return matchSheet(asOf: asOf, agency: agency, year: year)
        case .proposals: return proposalSheet(asOf: asOf, agency: agency, year: year)
        case .subsidies: return subsidySheet(asOf: asOf, agency: agency, year: year)
        case .visits: return visitSheet(asOf: asOf, agency: agency, year: year)
        }
    }

    /// `:first` and `:last`, the first and last day of the ROC `year`.
    private static func bounds(_ year: Int?) -> [String: (any DatabaseValueConvertible)?] {
        guard let year else { return [:] }
        let bounds = ROCDate.isoBounds(ofROCYear: year)
        return ["first": bounds.first, "last": bounds.last]
    }

    /// A plan existed on `:asOf` when it had a status by then.
    private static let planExisted = "EXISTS (SELECT 1 FROM status_history x WHERE x.entity = 'plan' AND x.entity_id = p.id AND x.effective_on <= :asOf)"

    private static func planSheet(asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        var conditions = QueryConditions()
        conditions.add("p.agency_id = :agency", "agency", agency)
        conditions.add("""
            (p.submitted_on BETWEEN :first AND :last
             OR EXISTS (SELECT 1 FROM status_history y WHERE y.entity = 'plan' AND y.entity_id = p.id
                        AND y.effective_on BETWEEN :first AND :last AND y.effective_on <= :asOf))
            """, when: year != nil, bounds(year))
        return TableQuery(columns: [
            .init("id", "計畫編號", "plan id"), .init("agency", "機關", "agency"), .init("title", "計畫名稱", "plan"),
            .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("submittedOn", "提報日期", "submitted on"), .init("budget", "總經費(元)", "budget (NT$)"),
            .init("ministries", "媒合部會", "matched ministries", nullIsUnknown: false),
            .init("matchedSubsidy", "媒合補助(元)", "matched subsidy (NT$)"),
            .init("matchedInvestment", "媒合投資(元)", "matched investment (NT$)"),
        ], sql: """
            SELECT p.id, a.name, p.title, h.status, s.phase, h.effective_on, h.on_or_before, p.submitted_on, p.budget,
                   (SELECT group_concat(name, '、') FROM (SELECT DISTINCT
                        \(AgencyNameOn.sql(agency: "mi.id", day: "coalesce(m.matched_on, :asOf)", present: "mi.name")) AS name FROM plan_match m
                        JOIN agency mi ON mi.id = m.ministry_id WHERE m.plan_id = p.id AND \(matchedByAsOf)
                        ORDER BY mi.sort_order, mi.id)),
                   (SELECT sum(m.subsidy_amount) FROM plan_match m WHERE m.plan_id = p.id AND \(matchedByAsOf)),
                   (SELECT sum(m.investment_amount) FROM plan_match m WHERE m.plan_id = p.id AND \(matchedByAsOf))
            FROM plan p JOIN agency a ON a.id = p.agency_id
            \(StatusAsOf.join(.plan, record: "p.id"))
            JOIN status s ON s.entity = 'plan' AND s.name = h.status
            \(conditions.sql)
            ORDER BY p.id
            """, arguments: conditions.arguments(with: ["asOf": asOf])) { row in
            [.integer(row[0]), .text(row[1]), .from(row[2]), .text(row[3]), phaseCell(row[4]),
             statusDate(row[5], onOrBefore: row[6]), .date(iso: row[7]), .money(row[8]), .from(row[9]),
             .money(row[10]), .money(row[11])]
        }
    }

    private static func matchSheet(asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        var conditions = QueryConditions(matchedByAsOf, planExisted)
        conditions.add("p.agency_id = :agency", "agency", agency)
        conditions.add("(m.matched_on BETWEEN :first AND :last OR (m.matched_on IS NULL AND p.submitted_on BETWEEN :first AND :last))",
                       when: year != nil, bounds(year))
        return TableQuery(columns: [
            .init("planId", "計畫編號", "plan id"), .init("agency", "機關", "agency"), .init("title", "計畫名稱", "plan"),
            .init("ministry", "部會", "ministry"), .init("subsidyAmount", "補助(元)", "subsidy (NT$)"),
            .init("investmentAmount", "投資(元)", "investment (NT$)"), .init("meeting", "會議", "meeting"),
            .init("matchedOn", "媒合日期", "matched on"),
        ], sql: """
            SELECT p.id, a.name, p.title, \(AgencyNameOn.sql(agency: "mi.id", day: "m.matched_on", present: "mi.name")),
                   m.subsidy_amount, m.investment_amount, m.meeting, m.matched_on
            FROM plan_match m JOIN plan p ON p.id = m.plan_id JOIN agency a ON a.id = p.agency_id
            JOIN agency mi ON mi.id = m.ministry_id
            \(conditions.sql)
            ORDER BY p.id, mi.sort_order, m.id
            """, arguments: conditions.arguments(with: ["asOf": asOf])) { row in
            [.integer(row[0]), .text(row[1]), .from(row[2]), .text(row[3]), .money(row[4]), .money(row[5]),
             .from(row[6]), .date(iso: row[7])]
        }
    }

    private static func proposalSheet(asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        var conditions = QueryConditions()
        conditions.add("p.agency_id = :agency", "agency", agency)
        conditions.add("bp.year = :year", "year", year)
        return TableQuery(columns: [
            .init("id", "提案編號", "proposal id"), .init("planId", "計畫編號", "plan id"), .init("agency", "機關", "agency"),
            .init("year", "年度", "year"), .init("title", "提案名稱", "proposal"), .init("status", "狀態", "status"),
            .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("submittedOn", "提報日期", "submitted on"), .init("amount", "金額(元)", "amount (NT$)"),
            .init("ministry", "部會", "ministry"),
        ], sql: """
            SELECT bp.id, p.id, a.name, bp.year, bp.title, h.status, s.phase, h.effective_on, h.on_or_before,
                   bp.submitted_on, bp.amount, mi.name
            FROM business_proposal bp JOIN plan p ON p.id = bp.plan_id JOIN agency a ON a.id = p.agency_id
            LEFT JOIN agency mi ON mi.id = bp.ministry_id
            \(StatusAsOf.join(.proposal, record: "bp.id"))
            JOIN status s ON s.entity = 'proposal' AND s.name = h.status
            \(conditions.sql)
            ORDER BY bp.id
            """, arguments: conditions.arguments(with: ["asOf": asOf])) { row in
            [.integer(row[0]), .integer(row[1]), .text(row[2]), .integer(row[3]), .from(row[4]), .text(row[5]),
             phaseCell(row[6]), statusDate(row[7], onOrBefore: row[8]), .date(iso: row[9]), .money(row[10]), .from(row[11])]
        }
    }

    private static func subsidySheet(asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        var conditions = QueryConditions()
        conditions.add("sa.agency_id = :agency", "agency", agency)
        conditions.add("cr.year = :year", "year", year)
        return TableQuery(columns: [
            .init("id", "申請編號", "application id"), .init("agency", "機關", "agency"), .init("title", "申請計畫名稱", "title"),
            .init("programme", "補助計畫", "programme"), .init("year", "年度", "year"), .init("round", "徵案次數", "round"),
            .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("requestedAmount", "申請金額(元)", "requested (NT$)"), .init("awardedAmount", "核定金額(元)", "awarded (NT$)"),
            .init("awardedOn", "核定日期", "awarded on"),
        ], sql: """
            SELECT sa.id, a.name, sa.title, sp.name, cr.year, cr.round, h.status, s.phase, h.effective_on, h.on_or_before,
                   sa.requested_amount,
                   CASE WHEN s.phase IN ('approved', 'executing', 'closed') THEN sa.awarded_amount END,
                   CASE WHEN s.phase IN ('approved', 'executing', 'closed') THEN sa.awarded_on END
            FROM subsidy_application sa JOIN agency a ON a.id = sa.agency_id
            JOIN call_round cr ON cr.id = sa.call_round_id JOIN subsidy_programme sp ON sp.id = cr.programme_id
            \(StatusAsOf.join(.subsidy, record: "sa.id"))
            JOIN status s ON s.entity = 'subsidy' AND s.name = h.status
            \(conditions.sql)
            ORDER BY sa.id
            """, arguments: conditions.arguments(with: ["asOf": asOf])) { row in
            [.integer(row[0]), .text(row[1]), .text(row[2]), .text(row[3]), .integer(row[4]), .integer(row[5] as Int64?),
             .text(row[6]), phaseCell(row[7]), statusDate(row[8], onOrBefore: row[9]), .money(row[10]), .money(row[11]),
             .date(iso: row[12])]
        }
    }

    private static func visitSheet(asOf: String, agency: Int64?, year: Int?) -> TableQuery {
        var conditions = QueryConditions("(v.visited_on IS NULL OR v.visited_on <= :asOf)")
        conditions.add("v.agency_id = :agency", "agency", agency)
        conditions.add("v.year = :year", "year", year)
        return TableQuery(columns: [
            .init("id", "輔導編號", "visit id"), .init("agency", "受輔導機關", "agency"), .init("partner", "同行單位", "partner"),
            .init("year", "年度", "year"), .init("visitedOn", "日期", "visited on"), .init("purpose", "事由", "purpose"),
            .init("planId", "計畫編號", "plan id", nullIsUnknown: false),
        ], sql: """
            SELECT v.id, a.name, pa.name, v.year, v.visited_on, v.purpose, v.plan_id
            FROM counseling_visit v JOIN agency a ON a.id = v.agency_id LEFT JOIN agency pa ON pa.id = v.partner_id
            \(conditions.sql)
            ORDER BY v.year, v.visited_on, v.id
            """, arguments: conditions.arguments(with: ["asOf": asOf])) { row in
            [.integer(row[0]), .text(row[1]), .from(row[2]), .integer(row[3]), .date(iso: row[4]), .from(row[5]),
             .integer(row[6] as Int64?)]
        }
    }

    /// A status date, marked when it is only an upper bound (111/06/30前).
    static func statusDate(_ iso: String?, onOrBefore: Bool?) -> ResultTable.Cell {
        guard let iso, let day = ROCDate(iso: iso) else { return .null }
        return onOrBefore == true ? .dateOnOrBefore(day) : .date(day)
    }
}
