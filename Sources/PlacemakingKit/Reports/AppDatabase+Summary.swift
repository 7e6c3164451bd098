import Foundation
import GRDB

extension AppDatabase {
    /// The programme of ROC year `year` as it stood on `asOf`: by default the last day of the year, or
    /// today while the year runs. Everything is read from the dated status history (`StatusAsOf`), so a
    /// record first dated after `asOf` does not count and a later change does not alter the figures.
    ///
    /// - Throws: `PlacemakingError.summaryYearNotStarted` for a year after this one,
    ///   `.summaryAsOfInFuture` for a day after today, `.summaryAsOfBeforeYear` for a day before the
    ///   year began.
    public func programmeSummary(year: Int, asOf: ROCDate? = nil) throws -> ProgrammeSummary {
        let today = ROCDate(clock())
        let day = try Self.summaryDay(year: year, asOf: asOf, today: today)
        return try read { db in
            var query = SummaryQuery(db: db, year: year, asOf: day)
            return try query.summary()
        }
    }

    /// The day a summary of `year` stands on, checked.
    static func summaryDay(year: Int, asOf: ROCDate?, today: ROCDate) throws -> ROCDate {
        guard year <= today.rocYear else { throw PlacemakingError.summaryYearNotStarted(year: year, today: today) }
        let first = ROCDate(rocYear: year, month: 1, day: 1)
        guard let asOf else {
            return year == today.rocYear ? today : (ROCDate(rocYear: year, month: 12, day: 31) ?? today)
        }
        if asOf > today { throw PlacemakingError.summaryAsOfInFuture(date: asOf, today: today) }
        if let first, asOf < first { throw PlacemakingError.summaryAsOfBeforeYear(year: year, date: asOf) }
        return asOf
    }
}

/// The queries behind `programmeSummary`, inside one read. Names are those in force on `asOf` (農委會
/// in 111, not 農業部), so the report reads as it would have then.
private struct SummaryQuery {
    let db: Database
    let year: Int
    let asOf: ROCDate
    private var names: [Int64: String] = [:]

    init(db: Database, year: Int, asOf: ROCDate) {
        self.db = db
        self.year = year
        self.asOf = asOf
    }

    private var arguments: StatementArguments {
        let bounds = ROCDate.isoBounds(ofROCYear: year)
        return ["asOf": asOf.iso, "year": year, "first": bounds.first, "last": bounds.last]
    }

    /// The first day by `asOf` that a record reached a status of `phase`, as a correlated subquery.
    private static func firstReached(_ kind: RecordKind, record: String, phase: String) -> String {
        """
        (SELECT x.effective_on FROM status_history x JOIN status xs ON xs.entity = x.entity AND xs.name = x.status
         WHERE x.entity = '\(kind.rawValue)' AND x.entity_id = \(record) AND x.effective_on <= :asOf AND xs.phase \(phase)
         ORDER BY x.effective_on, x.id LIMIT 1)
        """
    }

    /// Whether the entry that `firstReached` finds is dated only "on or before".
    private static func firstReachedOnOrBefore(_ kind: RecordKind, record: String, phase: String) -> String {
        """
        (SELECT x.on_or_before FROM status_history x JOIN status xs ON xs.entity = x.entity AND xs.name = x.status
         WHERE x.entity = '\(kind.rawValue)' AND x.entity_id = \(record) AND x.effective_on <= :asOf AND xs.phase \(phase)
         ORDER BY x.effective_on, x.id LIMIT 1)
        """
    }

    /// Phases after which a reached approval no longer stands.
    private static let undone: Set<Phase> = [.withdrawn, .rejected]

    mutating func name(_ id: Int64) throws -> String {
        if let known = names[id] { return known }
        let name = try db.agencyName(id: id, on: asOf.iso)
        names[id] = name
        return name
    }

    mutating func summary() throws -> ProgrammeSummary {
        ProgrammeSummary(year: year, asOf: asOf, plans: try plans(), proposals: try proposals(), visits: try visits(),
                         subsidies: try subsidies(), cases: try cases(), events: try events())
    }

    // MARK: Plans

    private mutating func plans() throws -> ProgrammeSummary.Plans {
        let rows = try Row.fetchAll(db, sql: """
            SELECT plan.id, plan.agency_id, agency.kind, plan.title, h.status, status.phase,
                   \(Self.firstReached(.plan, record: "plan.id", phase: "= 'approved'")) AS matched_on,
                   \(Self.firstReachedOnOrBefore(.plan, record: "plan.id", phase: "= 'approved'")) AS matched_on_or_before
            FROM plan
            JOIN agency ON agency.id = plan.agency_id
            \(StatusAsOf.join(.plan, record: "plan.id"))
            JOIN status ON status.entity = 'plan' AND status.name = h.status
            ORDER BY agency.sort_order, agency.id, plan.id
            """, arguments: arguments)
        var byAgency: [ProgrammeSummary.AgencyPlans] = []
        var matched: [ProgrammeSummary.MatchedPlan] = []
        var phaseTotals: [Phase: Int] = [:]
        for row in rows {
            let phase = Phase(rawValue: row["phase"])
            let agency = try name(row["agency_id"])
            if byAgency.last?.agency != agency {
                byAgency.append(.init(agency: agency, kind: AgencyKind(rawValue: row["kind"]), byPhase: Self.zeroPhases))
            }
            if let phase, let index = Phase.allCases.firstIndex(of: phase) {
                byAgency[byAgency.count - 1].byPhase[index].count += 1
                phaseTotals[phase, default: 0] += 1
            }
            if let iso: String = row["matched_on"], let day = ROCDate(iso: iso), !Self.undone.contains(where: { $0 == phase }) {
                matched.append(.init(id: row["id"], agency: agency, title: row["title"], status: row["status"],
                                     matchedOn: day, matchedOnOrBefore: row["matched_on_or_before"] ?? false))
            }
        }
        matched.sort { ($0.matchedOn, $0.id) < ($1.matchedOn, $1.id) }
        return ProgrammeSummary.Plans(
            total: rows.count, byPhase: Phase.allCases.map { .init(phase: $0, count: phaseTotals[$0] ?? 0) },
            byAgency: byAgency, matched: matched, matchesByMinistry: try matchesByMinistry(plans: matched.map(\.id)))
    }

    private static var zeroPhases: [ProgrammeSummary.PhaseCount] { Phase.allCases.map { .init(phase: $0, count: 0) } }

    private mutating func matchesByMinistry(plans: [Int64]) throws -> [ProgrammeSummary.MinistryMatches] {
        var args = arguments
        args += ["plans": "[" + plans.map(String.init).joined(separator: ",") + "]"]
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.ministry_id, count(DISTINCT m.plan_id) AS plans,
                   sum(m.subsidy_amount) AS subsidy, sum(m.investment_amount) AS investment
            FROM plan_match m JOIN agency ON agency.id = m.ministry_id
            WHERE m.plan_id IN (SELECT value FROM json_each(:plans)) AND \(AppDatabase.matchedByAsOf)
            GROUP BY m.ministry_id
            ORDER BY agency.sort_order, agency.id
            """, arguments: args)
        return try rows.map { row in
            .init(ministry: try name(row["ministry_id"]), plans: row["plans"],
                  subsidy: (row["subsidy"] as Int64?).map(Money.init(yuan:)), investment: (row["investment"] as Int64?).map(Money.init(yuan:)))
        }
    }

    // MARK: Business proposals

    /// A proposal counts in the year it was submitted: its submission date, or when that is not known
    /// the date of its first status past drafting, on or before `asOf`.
    private mutating func proposals() throws -> ProgrammeSummary.Proposals {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM (
                SELECT p.id, p.plan_id, plan.agency_id, p.title, h.status,
                       coalesce(p.submitted_on, \(Self.firstReached(.proposal, record: "p.id", phase: "<> 'draft'"))) AS submitted_on,
                       CASE WHEN p.submitted_on IS NULL
                            THEN \(Self.firstReachedOnOrBefore(.proposal, record: "p.id", phase: "<> 'draft'")) ELSE 0 END AS on_or_before
                FROM business_proposal p
                JOIN plan ON plan.id = p.plan_id
                \(StatusAsOf.join(.proposal, record: "p.id"))
                WHERE h.id IS NOT NULL)
            WHERE submitted_on BETWEEN :first AND min(:last, :asOf)
            ORDER BY submitted_on, id
            """, arguments: arguments)
        var submitted: [ProgrammeSummary.SubmittedProposal] = []
        for row in rows {
            let iso: String? = row["submitted_on"]
            guard let day = iso.flatMap(ROCDate.init(iso:)) else { continue }
            let onOrBefore: Bool? = row["on_or_before"]
            submitted.append(ProgrammeSummary.SubmittedProposal(
                id: row["id"], planId: row["plan_id"], agency: try name(row["agency_id"]), title: row["title"],
                submittedOn: day, submittedOnOrBefore: onOrBefore ?? false, status: row["status"]))
        }
        return .init(submitted: submitted)
    }

    // MARK: Counseling visits

    /// Visits have no status history, so their date decides. A visit whose date is not known counts in
    /// its year once the year is over; before then, when it comes from a source document (which reports
    /// it as done) or was entered by `asOf`.
    private mutating func visits() throws -> ProgrammeSummary.Visits {
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.id, v.agency_id, a.kind, v.partner_id, pa.full_name AS partner_full_name, v.visited_on, v.purpose
            FROM counseling_visit v
            JOIN agency a ON a.id = v.agency_id
            LEFT JOIN agency pa ON pa.id = v.partner_id
            WHERE v.year = :year
              AND (v.visited_on <= :asOf
                   OR (v.visited_on IS NULL AND (:asOf >= :last OR v.source_id IS NOT NULL
                                                 OR date(v.created_at, '+8 hours') <= :asOf)))
            ORDER BY v.visited_on, v.id
            """, arguments: arguments)
        var visits: [ProgrammeSummary.Visit] = []
        for row in rows {
            let partnerId: Int64? = row["partner_id"]
            let partner: String? = try partnerId.map { try name($0) }
            let visitedOn: String? = row["visited_on"]
            visits.append(ProgrammeSummary.Visit(
                id: row["id"], agency: try name(row["agency_id"]), agencyKind: AgencyKind(rawValue: row["kind"]),
                partner: partner, partnerFullName: row["partner_full_name"],
                visitedOn: visitedOn.flatMap(ROCDate.init(iso:)), purpose: row["purpose"]))
        }
        return .init(visits: visits)
    }

    // MARK: Subsidies

    private mutating func subsidies() throws -> ProgrammeSummary.Subsidies {
        let rows = try Row.fetchAll(db, sql: """
            SELECT sa.id, sa.agency_id, sa.title, prog.name AS programme, prog.administrator_id, cr.year, cr.round,
                   h.status, s.phase, sa.awarded_amount,
                   \(Self.firstReached(.subsidy, record: "sa.id", phase: "= 'approved'")) AS reached_on
            FROM subsidy_application sa
            JOIN call_round cr ON cr.id = sa.call_round_id
            JOIN subsidy_programme prog ON prog.id = cr.programme_id
            \(StatusAsOf.join(.subsidy, record: "sa.id"))
            JOIN status s ON s.entity = 'subsidy' AND s.name = h.status
            WHERE cr.year = :year
            ORDER BY reached_on IS NULL, reached_on, sa.id
            """, arguments: arguments)
        var applications: [ProgrammeSummary.SubsidyApplicationState] = []
        for row in rows {
            let phase = Phase(rawValue: row["phase"])
            let awardedIso: String? = row["reached_on"]
            let awardedOn = awardedIso.flatMap(ROCDate.init(iso:))
            let awarded = awardedOn != nil && !Self.undone.contains { $0 == phase }
            let administratorId: Int64? = row["administrator_id"]
            let administrator: String? = try administratorId.map { try name($0) }
            let amount: Int64? = row["awarded_amount"]
            applications.append(ProgrammeSummary.SubsidyApplicationState(
                id: row["id"], agency: try name(row["agency_id"]), title: row["title"], programme: row["programme"],
                administrator: administrator, callYear: row["year"], round: row["round"], status: row["status"], phase: phase,
                awarded: awarded, awardedAmount: awarded ? amount.map(Money.init(yuan:)) : nil, awardedOn: awarded ? awardedOn : nil))
        }
        return .init(applications: applications, comingRounds: try comingRounds())
    }

    /// Rounds of the year numbered after every round applied to by `asOf`, that had not opened by then
    /// (a round with no opening date counts as coming only while the year runs).
    private mutating func comingRounds() throws -> [ProgrammeSummary.CallRoundInfo] {
        try Row.fetchAll(db, sql: """
            SELECT prog.name AS programme, prog.administrator_id, cr.year, cr.round, cr.opens_on
            FROM call_round cr JOIN subsidy_programme prog ON prog.id = cr.programme_id
            WHERE cr.year = :year AND cr.round IS NOT NULL
              AND (cr.opens_on > :asOf OR (cr.opens_on IS NULL AND :asOf < :last))
              AND cr.round > coalesce((
                  SELECT max(r.round) FROM subsidy_application sa JOIN call_round r ON r.id = sa.call_round_id
                  WHERE r.programme_id = cr.programme_id AND r.year = cr.year
                    AND EXISTS (SELECT 1 FROM status_history x WHERE x.entity = 'subsidy' AND x.entity_id = sa.id
                                AND x.effective_on <= :asOf)), 0)
            ORDER BY prog.id, cr.round
            """, arguments: arguments).map { row in
            .init(programme: row["programme"], administrator: try (row["administrator_id"] as Int64?).map { try name($0) },
                  year: row["year"], round: row["round"], opensOn: (row["opens_on"] as String?).flatMap(ROCDate.init(iso:)))
        }
    }

    // MARK: Participation cases

    /// A case is subsidized on `asOf` as its latest status by then that decides it says (核定補助 yes;
    /// 自辦(不補助) or a withdrawal no; 辦理中 … keep the decision before them); with no such status
    /// (a case entered directly at 辦理中) the case's own flag decides.
    private mutating func cases() throws -> ProgrammeSummary.Cases {
        var subsidizing: [String] = []
        var deciding: [String] = []
        for status in try db.statuses(.case) {
            guard let implied = StatusEffect.of(.case, status).subsidized else { continue }
            deciding.append(status.name)
            if implied { subsidizing.append(status.name) }
        }
        var args = arguments
        args += ["deciding": Self.jsonArray(deciding)]
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.id, c.agency_id, c.subsidized,
                   (SELECT x.status FROM status_history x
                    WHERE x.entity = 'case' AND x.entity_id = c.id AND x.effective_on <= :asOf
                      AND x.status IN (SELECT value FROM json_each(:deciding))
                    ORDER BY x.effective_on DESC, x.id DESC LIMIT 1) AS decision
            FROM participation_case c
            LEFT JOIN agency ON agency.id = c.agency_id
            \(StatusAsOf.join(.case, record: "c.id"))
            WHERE c.year = :year AND h.id IS NOT NULL
            ORDER BY c.agency_id IS NULL, agency.sort_order, agency.id, c.id
            """, arguments: args)
        var byAgency: [ProgrammeSummary.AgencyCases] = []
        var subsidized = 0
        for row in rows {
            let agency = try (row["agency_id"] as Int64?).map { try name($0) }
            let isSubsidized = (row["decision"] as String?).map(subsidizing.contains) ?? row["subsidized"]
            if byAgency.isEmpty || byAgency[byAgency.count - 1].agency != agency {
                byAgency.append(.init(agency: agency, total: 0, subsidized: 0))
            }
            byAgency[byAgency.count - 1].total += 1
            if isSubsidized {
                byAgency[byAgency.count - 1].subsidized += 1
                subsidized += 1
            }
        }
        return .init(total: rows.count, subsidized: subsidized, byAgency: byAgency)
    }

    private static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map(JSONText.string).joined(separator: ",") + "]"
    }

    // MARK: Events

    private func events() throws -> [ProgrammeSummary.Event] {
        try Row.fetchAll(db, sql: """
            SELECT e.id, e.title, h.status, s.phase, e.planned_from, e.planned_to,
                   CASE WHEN e.held_on <= :asOf THEN e.held_on END AS held_on
            FROM event e
            \(StatusAsOf.join(.event, record: "e.id"))
            JOIN status s ON s.entity = 'event' AND s.name = h.status
            WHERE e.year = :year
            ORDER BY e.planned_from, e.id
            """, arguments: arguments).map { row in
            .init(id: row["id"], title: row["title"], status: row["status"], phase: Phase(rawValue: row["phase"]),
                  plannedFrom: (row["planned_from"] as String?).flatMap(ROCDate.init(iso:)),
                  plannedTo: (row["planned_to"] as String?).flatMap(ROCDate.init(iso:)),
                  heldOn: (row["held_on"] as String?).flatMap(ROCDate.init(iso:)))
        }
    }
}
