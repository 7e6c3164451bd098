import GRDB

/// The queries behind a programme summary, inside one read, sent to a `SummaryReceiver` as they are
/// read. Names are those in force on `asOf` (農委會 in 111, not 農業部), so the report reads as it would
/// have then.
///
/// Nothing grows with the ledger in memory: each list is one statement that gives its figures first
/// and then its records in order, read through a cursor; counts and sums are SQL's. What both need of
/// each record (its status on `asOf`, when it first reached approval) is worked out once per statement
/// and held by SQLite (a `MATERIALIZED` table expression, a window) in its page cache and, beyond it,
/// a temporary file.
struct SummaryQuery {
    let db: Database
    let year: Int
    let asOf: ROCDate
    private var names: [Int64: String] = [:]

    init(db: Database, year: Int, asOf: ROCDate) {
        self.db = db
        self.year = year
        self.asOf = asOf
    }

    mutating func send(to receiver: inout some SummaryReceiver) throws {
        receiver.begin(year: year, asOf: asOf)
        try plans(into: &receiver)
        try proposals(into: &receiver)
        try visits(into: &receiver)
        try subsidies(into: &receiver)
        receiver.finish(cases: try cases(), events: try events())
    }

    private var arguments: StatementArguments {
        let bounds = ROCDate.isoBounds(ofROCYear: year)
        return ["asOf": asOf.iso, "year": year, "first": bounds.first, "last": bounds.last]
    }

    /// The id of the first entry by `asOf` that put a record at a status of `phase` (`= 'approved'`),
    /// as a correlated subquery: the record's entries in date order from the index, each status checked
    /// against the phase's few names.
    private static func firstReached(_ kind: RecordKind, record: String, phase: String) -> String {
        """
        (SELECT x.id FROM status_history x
         WHERE x.entity = '\(kind.rawValue)' AND x.entity_id = \(record) AND x.effective_on <= :asOf
           AND x.status IN (SELECT name FROM status WHERE entity = '\(kind.rawValue)' AND phase \(phase))
         ORDER BY x.effective_on, x.id LIMIT 1)
        """
    }

    /// The date or flag of the entry `firstReached` finds, as a scalar subquery: for a column needed in
    /// a few rows only (a proposal without a submission date).
    private static func firstReached(_ column: String, of kind: RecordKind, record: String, phase: String) -> String {
        "(SELECT y.\(column) FROM status_history y WHERE y.id = \(firstReached(kind, record: record, phase: phase)))"
    }

    /// Phases after which a reached approval no longer stands.
    private static let undone: [Phase] = [.withdrawn, .rejected]
    private static let undoneSQL = "(" + undone.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// A record's place in a list ordered by date then id (`2022-06-30` and the id in 20 digits), so
    /// that `min` over a group finds its first record.
    private static func orderKey(date: String, id: String) -> String { "\(date) || printf('%020d', \(id))" }

    /// The name agency `id` went by on `asOf`. Every agency's is read in one statement the first time
    /// (a hundred agencies; two statements an agency were 6% of a 20,000-plan summary's instructions).
    private mutating func name(_ id: Int64) throws -> String {
        if names.isEmpty {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.id, \(AgencyNameOn.sql(agency: "a.id", day: ":asOf", present: "a.name")) FROM agency a
                """, arguments: ["asOf": asOf.iso])
            while let row = try rows.next() { names[row[0]] = row[1] }
        }
        guard let name = names[id] else { throw PlacemakingError.notFound(nil, table: "agency", id: id) }
        return name
    }

    /// Names for ids in order, each name once (two agencies may go by one name on `asOf`).
    private mutating func distinctNames(_ ids: [Int64]) throws -> [String] {
        var seen = Set<String>()
        return try ids.map { try name($0) }.filter { seen.insert($0).inserted }
    }

    // MARK: Plans

    /// Every plan with a status by `asOf`: its agency, that status and phase, and when it first reached
    /// an approved status if it is matched (reached one and was neither withdrawn nor refused since),
    /// with its title then. Read in id order (`NOT INDEXED`): the status history of plans entered
    /// together lies together, where the agency index's order visits it at random (more than twice the
    /// time at 100,000 plans, most of it reading pages).
    private static let planSQL = """
        WITH p AS MATERIALIZED (
            SELECT plan.id, plan.agency_id, h.status, s.phase,
                   fr.effective_on AS matched_on, fr.on_or_before AS matched_on_or_before,
                   CASE WHEN fr.id IS NOT NULL THEN plan.title END AS title
            FROM plan NOT INDEXED
            \(StatusAsOf.join(.plan, record: "plan.id"))
            JOIN status s ON s.entity = 'plan' AND s.name = h.status
            LEFT JOIN status_history fr ON s.phase NOT IN \(undoneSQL)
                 AND fr.id = \(firstReached(.plan, record: "plan.id", phase: "= 'approved'")))
        -- 0: plans by agency and phase, with the agency's first match
        SELECT 0 AS part, a.sort_order, a.id, g.phase, g.plans, a.kind, g.first_match
        FROM (SELECT agency_id, phase, count(*) AS plans,
                     min(CASE WHEN matched_on IS NOT NULL THEN \(orderKey(date: "matched_on", id: "id")) END) AS first_match
              FROM p GROUP BY agency_id, phase) g
        JOIN agency a ON a.id = g.agency_id
        UNION ALL
        -- 1: each ministry's matches of the matched plans, by `asOf`
        SELECT 1, a.sort_order, a.id, count(DISTINCT m.plan_id), sum(m.subsidy_amount), sum(m.investment_amount), NULL
        FROM plan_match m JOIN agency a ON a.id = m.ministry_id
        WHERE m.plan_id IN (SELECT id FROM p WHERE matched_on IS NOT NULL) AND \(AppDatabase.matchedByAsOf)
        GROUP BY m.ministry_id
        UNION ALL
        -- 2: the matched plans, in the order matched
        SELECT 2, matched_on, id, agency_id, title, status, matched_on_or_before FROM p
        WHERE matched_on IS NOT NULL
        ORDER BY 1, 2, 3
        """

    /// One agency's plans by phase (in `Phase.allCases` order) and its first match's `orderKey`.
    private struct AgencyTally {
        var id: Int64
        var kind: String
        var byPhase = [Int](repeating: 0, count: Phase.allCases.count)
        var total = 0
        var firstMatch: String?
    }

    private mutating func plans(into receiver: inout some SummaryReceiver) throws {
        var agencies: [AgencyTally] = []
        var ministries: [ProgrammeSummary.MinistryMatches] = []
        var sent = false
        let rows = try Row.fetchCursor(db, sql: Self.planSQL, arguments: arguments)
        while let row = try rows.next() {
            switch row[0] as Int {
            case 0:
                let id: Int64 = row[2]
                if agencies.last?.id != id { agencies.append(AgencyTally(id: id, kind: row[5])) }
                let count: Int = row[4]
                agencies[agencies.count - 1].total += count
                if let phase = Phase(rawValue: row[3]), let index = Phase.allCases.firstIndex(of: phase) {
                    agencies[agencies.count - 1].byPhase[index] += count
                }
                if let key: String = row[6] { agencies[agencies.count - 1].firstMatch = min(key, agencies[agencies.count - 1].firstMatch ?? key) }
            case 1:
                ministries.append(.init(ministry: try name(row[2]), plans: row[3], subsidy: (row[4] as Int64?).map(Money.init(yuan:)),
                                        investment: (row[5] as Int64?).map(Money.init(yuan:))))
            default:
                if !sent { receiver.plans(try planHead(agencies, ministries)); sent = true }
                guard let day = ROCDate(iso: row[1]) else { continue }
                receiver.matched(.init(id: row[2], agency: try name(row[3]), title: row[4], status: row[5],
                                       matchedOn: day, matchedOnOrBefore: row[6]))
            }
        }
        if !sent { receiver.plans(try planHead(agencies, ministries)) }
    }

    private mutating func planHead(_ agencies: [AgencyTally], _ ministries: [ProgrammeSummary.MinistryMatches]) throws -> SummaryHead.Plans {
        var byAgency: [ProgrammeSummary.AgencyPlans] = []
        var totals = [Int](repeating: 0, count: Phase.allCases.count)
        for tally in agencies {
            let agency = try name(tally.id)
            // Agencies next to each other under one name on `asOf` are one row, as they read.
            if byAgency.last?.agency != agency {
                byAgency.append(.init(agency: agency, kind: AgencyKind(rawValue: tally.kind),
                                      byPhase: Phase.allCases.map { .init(phase: $0, count: 0) }))
            }
            for index in tally.byPhase.indices {
                byAgency[byAgency.count - 1].byPhase[index].count += tally.byPhase[index]
                totals[index] += tally.byPhase[index]
            }
        }
        let firstMatched = agencies.compactMap { t in t.firstMatch.map { (key: $0, id: t.id) } }.sorted { $0.key < $1.key }
        return SummaryHead.Plans(
            total: agencies.reduce(0) { $0 + $1.total },
            byPhase: zip(Phase.allCases, totals).map { .init(phase: $0, count: $1) },
            matchedAgencies: try distinctNames(firstMatched.map(\.id)), byAgency: byAgency, matchesByMinistry: ministries)
    }

    // MARK: Business proposals

    /// A proposal counts in the year it was submitted: its submission date, or when that is not known
    /// the date of its first status past drafting, on or before `asOf`.
    private static let proposalSQL = """
        WITH r AS MATERIALIZED (
            SELECT * FROM (
                SELECT p.id, p.plan_id, plan.agency_id, p.title, h.status,
                       coalesce(p.submitted_on, \(firstReached("effective_on", of: .proposal, record: "p.id", phase: "<> 'draft'"))) AS submitted_on,
                       CASE WHEN p.submitted_on IS NULL
                            THEN \(firstReached("on_or_before", of: .proposal, record: "p.id", phase: "<> 'draft'")) ELSE 0 END AS on_or_before
                FROM business_proposal p
                JOIN plan ON plan.id = p.plan_id
                \(StatusAsOf.join(.proposal, record: "p.id"))
                WHERE h.id IS NOT NULL)
            WHERE submitted_on BETWEEN :first AND min(:last, :asOf))
        -- 0: each agency's proposals and plans, in the order of its first proposal
        SELECT 0 AS part, min(\(orderKey(date: "submitted_on", id: "id"))), agency_id, count(*), count(DISTINCT plan_id), NULL, NULL, NULL
        FROM r GROUP BY agency_id
        UNION ALL
        -- 1: the proposals, in the order submitted
        SELECT 1, submitted_on, id, plan_id, agency_id, title, status, on_or_before FROM r
        ORDER BY 1, 2, 3
        """

    private mutating func proposals(into receiver: inout some SummaryReceiver) throws {
        var agencies: [Int64] = []
        var count = 0, plans = 0
        var sent = false
        let rows = try Row.fetchCursor(db, sql: Self.proposalSQL, arguments: arguments)
        while let row = try rows.next() {
            if row[0] as Int == 0 {
                agencies.append(row[2])
                count += row[3] as Int
                // A plan is one agency's: its distinct plans add up across agencies.
                plans += row[4] as Int
                continue
            }
            if !sent { receiver.proposals(.init(count: count, plans: plans, agencies: try distinctNames(agencies))); sent = true }
            guard let day = ROCDate(iso: row[1]) else { continue }
            receiver.proposal(.init(id: row[2], planId: row[3], agency: try name(row[4]), title: row[5], submittedOn: day,
                                    submittedOnOrBefore: row[7] as Bool? ?? false, status: row[6]))
        }
        if !sent { receiver.proposals(.init(count: count, plans: plans, agencies: try distinctNames(agencies))) }
    }

    // MARK: Counseling visits

    /// Visits have no status history, so their date decides. A visit whose date is not known counts in
    /// its year once the year is over; before then, when it comes from a source document (which reports
    /// it as done) or was entered by `asOf`. Undated visits come first.
    private static let visitSQL = """
        WITH r AS MATERIALIZED (
            SELECT v.id, v.agency_id, a.kind, v.partner_id, pa.full_name AS partner_full_name, v.visited_on, v.purpose
            FROM counseling_visit v
            JOIN agency a ON a.id = v.agency_id
            LEFT JOIN agency pa ON pa.id = v.partner_id
            WHERE v.year = :year
              AND (v.visited_on <= :asOf
                   OR (v.visited_on IS NULL AND (:asOf >= :last OR v.source_id IS NOT NULL
                                                 OR date(v.created_at, '+8 hours') <= :asOf))))
        -- 0: each agency's visits, in the order of its first visit
        SELECT 0 AS part, min(\(orderKey(date: "coalesce(visited_on, '')", id: "id"))), agency_id, count(*), NULL, NULL, NULL, NULL
        FROM r GROUP BY agency_id
        UNION ALL
        -- 1: the visits, in the order visited
        SELECT 1, visited_on, id, agency_id, kind, partner_id, partner_full_name, purpose FROM r
        ORDER BY 1, 2, 3
        """

    private mutating func visits(into receiver: inout some SummaryReceiver) throws {
        var agencies: [Int64] = []
        var count = 0
        var sent = false
        let rows = try Row.fetchCursor(db, sql: Self.visitSQL, arguments: arguments)
        while let row = try rows.next() {
            if row[0] as Int == 0 {
                agencies.append(row[2])
                count += row[3] as Int
                continue
            }
            if !sent { receiver.visits(.init(count: count, agencies: try distinctNames(agencies))); sent = true }
            let partner = try (row[5] as Int64?).map { try name($0) }
            receiver.visit(.init(id: row[2], agency: try name(row[3]), agencyKind: AgencyKind(rawValue: row[4]),
                                 partner: partner, partnerFullName: row[6], visitedOn: (row[1] as String?).flatMap(ROCDate.init(iso:)),
                                 purpose: row[7]))
        }
        if !sent { receiver.visits(.init(count: count, agencies: try distinctNames(agencies))) }
    }

    // MARK: Subsidies

    /// Applications to the year's call rounds with a status by `asOf`, awarded ones first in the order
    /// awarded; the figures over all of them on every row (window sums over the statement's rows).
    private static let subsidySQL = """
        SELECT id, agency_id, title, programme, administrator_id, year, round, status, phase, awarded_amount, reached_on, awarded,
               count(*) OVER (), sum(awarded) OVER (), sum(CASE WHEN awarded THEN awarded_amount END) OVER ()
        FROM (
            SELECT sa.id, sa.agency_id, sa.title, prog.name AS programme, prog.administrator_id, cr.year, cr.round,
                   h.status, s.phase, sa.awarded_amount, fr.effective_on AS reached_on,
                   fr.id IS NOT NULL AND s.phase NOT IN \(undoneSQL) AS awarded
            FROM subsidy_application sa
            JOIN call_round cr ON cr.id = sa.call_round_id
            JOIN subsidy_programme prog ON prog.id = cr.programme_id
            \(StatusAsOf.join(.subsidy, record: "sa.id"))
            JOIN status s ON s.entity = 'subsidy' AND s.name = h.status
            LEFT JOIN status_history fr ON fr.id = \(firstReached(.subsidy, record: "sa.id", phase: "= 'approved'"))
            WHERE cr.year = :year)
        ORDER BY reached_on IS NULL, reached_on, id
        """

    private mutating func subsidies(into receiver: inout some SummaryReceiver) throws {
        let coming = try comingRounds()
        var sent = false
        let rows = try Row.fetchCursor(db, sql: Self.subsidySQL, arguments: arguments)
        while let row = try rows.next() {
            if !sent {
                receiver.subsidies(.init(applications: row[12], approvedCount: row[13],
                                         approvedAmount: Money(yuan: row[14] as Int64? ?? 0), comingRounds: coming))
                sent = true
            }
            let awarded: Bool = row[11]
            let amount: Int64? = row[9]
            let administrator = try (row[4] as Int64?).map { try name($0) }
            receiver.application(.init(
                id: row[0], agency: try name(row[1]), title: row[2], programme: row[3], administrator: administrator,
                callYear: row[5], round: row[6], status: row[7], phase: Phase(rawValue: row[8]), awarded: awarded,
                awardedAmount: awarded ? amount.map(Money.init(yuan:)) : nil,
                awardedOn: awarded ? (row[10] as String?).flatMap(ROCDate.init(iso:)) : nil))
        }
        if !sent { receiver.subsidies(.init(applications: 0, approvedCount: 0, approvedAmount: Money(yuan: 0), comingRounds: coming)) }
    }

    /// Rounds of the year numbered after every round applied to by `asOf`, that had not opened by then
    /// (a round with no opening date counts as coming only while the year runs).
    private mutating func comingRounds() throws -> [ProgrammeSummary.CallRoundInfo] {
        var rounds: [ProgrammeSummary.CallRoundInfo] = []
        let rows = try Row.fetchCursor(db, sql: """
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
            """, arguments: arguments)
        while let row = try rows.next() {
            rounds.append(.init(programme: row[0], administrator: try (row[1] as Int64?).map { try name($0) },
                                year: row[2], round: row[3], opensOn: (row[4] as String?).flatMap(ROCDate.init(iso:))))
        }
        return rounds
    }

    // MARK: Participation cases

    /// A case is subsidized on `asOf` as its latest status by then that decides it says (核定補助 yes;
    /// 自辦(不補助) or a withdrawal no; 辦理中 … keep the decision before them); with no such status
    /// (a case entered directly at 辦理中) the case's own flag decides. A case counts once it has a status
    /// by `asOf`. Counted by agency in SQL, cases whose agency is not known last.
    private mutating func cases() throws -> ProgrammeSummary.Cases {
        var subsidizing: [String] = []
        var deciding: [String] = []
        for status in try db.statuses(.case) {
            guard let implied = StatusEffect.of(.case, status).subsidized else { continue }
            deciding.append(status.name)
            if implied { subsidizing.append(status.name) }
        }
        var args = arguments
        args += ["deciding": Self.jsonArray(deciding), "subsidizing": Self.jsonArray(subsidizing)]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.agency_id, count(*),
                   sum(CASE WHEN c.decision IS NULL THEN c.subsidized <> 0
                            ELSE c.decision IN (SELECT value FROM json_each(:subsidizing)) END)
            FROM (
                SELECT c.agency_id, c.subsidized,
                       (SELECT x.status FROM status_history x
                        WHERE x.entity = 'case' AND x.entity_id = c.id AND x.effective_on <= :asOf
                          AND x.status IN (SELECT value FROM json_each(:deciding))
                        ORDER BY x.effective_on DESC, x.id DESC LIMIT 1) AS decision
                FROM participation_case c
                WHERE c.year = :year
                  AND EXISTS (SELECT 1 FROM status_history y WHERE y.entity = 'case' AND y.entity_id = c.id AND y.effective_on <= :asOf)) c
            LEFT JOIN agency ON agency.id = c.agency_id
            GROUP BY c.agency_id
            ORDER BY c.agency_id IS NULL, agency.sort_order, agency.id
            """, arguments: args)
        var byAgency: [ProgrammeSummary.AgencyCases] = []
        while let row = try rows.next() {
            let agency = try (row[0] as Int64?).map { try name($0) }
            let total: Int = row[1], subsidized: Int = row[2]
            // Agencies next to each other under one name on `asOf` are one row, as they read.
            if let last = byAgency.last, last.agency == agency {
                byAgency[byAgency.count - 1].total += total
                byAgency[byAgency.count - 1].subsidized += subsidized
            } else {
                byAgency.append(.init(agency: agency, total: total, subsidized: subsidized))
            }
        }
        return .init(total: byAgency.reduce(0) { $0 + $1.total }, subsidized: byAgency.reduce(0) { $0 + $1.subsidized }, byAgency: byAgency)
    }

    private static func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map(JSONText.string).joined(separator: ",") + "]"
    }

    // MARK: Events

    /// The year's events (a few a year) with their state on `asOf`.
    private func events() throws -> [ProgrammeSummary.Event] {
        var events: [ProgrammeSummary.Event] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.id, e.title, h.status, s.phase, e.planned_from, e.planned_to,
                   CASE WHEN e.held_on <= :asOf THEN e.held_on END AS held_on
            FROM event e
            \(StatusAsOf.join(.event, record: "e.id"))
            JOIN status s ON s.entity = 'event' AND s.name = h.status
            WHERE e.year = :year
            ORDER BY e.planned_from, e.id
            """, arguments: arguments)
        while let row = try rows.next() {
            events.append(.init(id: row[0], title: row[1], status: row[2], phase: Phase(rawValue: row[3]),
                                plannedFrom: (row[4] as String?).flatMap(ROCDate.init(iso:)),
                                plannedTo: (row[5] as String?).flatMap(ROCDate.init(iso:)),
                                heldOn: (row[6] as String?).flatMap(ROCDate.init(iso:))))
        }
        return events
    }
}
