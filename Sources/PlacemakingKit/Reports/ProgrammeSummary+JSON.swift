extension ProgrammeSummary {
    /// The summary as one JSON object, for scripts: the keys below are a contract (`year`, `asOf`,
    /// `plans.total`, `plans.byPhase`, `plans.matchedAgencies`, `businessProposals.submittedInYear`,
    /// `counselingVisits.agencies`, `subsidies.approvedCount`, `subsidies.approvedAmount`,
    /// `participationCases.total`, `participationCases.subsidized`); more may be added, none removed.
    /// Dates are ISO, money integer 元, unknown values null.
    public var json: String {
        let document: JSONNode = .object([
            ("year", .int(year)),
            ("asOf", .string(asOf.iso)),
            ("plans", .object([
                ("total", .int(plans.total)),
                ("byPhase", .object(plans.byPhase.map { ($0.phase.rawValue, .int($0.count)) })),
                ("matchedAgencies", .array(plans.matchedAgencies.map { .string($0) })),
                ("matched", .array(plans.matched.map { plan in
                    .object([("id", .integer(plan.id)), ("agency", .string(plan.agency)), ("title", .optional(plan.title)),
                             ("status", .string(plan.status)), ("matchedOn", .date(plan.matchedOn)),
                             ("matchedOnOrBefore", .bool(plan.matchedOnOrBefore))])
                })),
                ("byAgency", .array(plans.byAgency.map { agency in
                    .object([("agency", .string(agency.agency)), ("kind", .optional(agency.kind?.rawValue)), ("total", .int(agency.total)),
                             ("byPhase", .object(agency.byPhase.filter { $0.count > 0 }.map { ($0.phase.rawValue, .int($0.count)) }))])
                })),
                ("matchesByMinistry", .array(plans.matchesByMinistry.map { m in
                    .object([("ministry", .string(m.ministry)), ("plans", .int(m.plans)),
                             ("subsidy", .money(m.subsidy)), ("investment", .money(m.investment))])
                })),
            ])),
            ("businessProposals", .object([
                ("submittedInYear", .int(proposals.submitted.count)),
                ("plans", .int(proposals.planCount)),
                ("agencies", .array(proposals.agencies.map { .string($0) })),
                ("items", JSONNode.rows(proposalTable())),
            ])),
            ("counselingVisits", .object([
                ("count", .int(visits.visits.count)),
                ("agencies", .array(visits.agencies.map { .string($0) })),
                ("items", JSONNode.rows(visitTable())),
            ])),
            ("subsidies", .object([
                ("applications", .int(subsidies.applications.count)),
                ("approvedCount", .int(subsidies.approvedCount)),
                ("approvedAmount", .integer(subsidies.approvedAmount.yuan)),
                ("items", .array(subsidies.applications.map { a in
                    .object([("id", .integer(a.id)), ("agency", .string(a.agency)), ("title", .string(a.title)),
                             ("programme", .string(a.programme)), ("year", .int(a.callYear)), ("round", a.round.map { .int($0) } ?? .null),
                             ("status", .string(a.status)), ("awarded", .bool(a.awarded)),
                             ("awardedAmount", .money(a.awardedAmount)), ("awardedOn", .date(a.awardedOn))])
                })),
                ("comingRounds", .array(subsidies.comingRounds.map { r in
                    .object([("programme", .string(r.programme)), ("year", .int(r.year)), ("round", .int(r.round)),
                             ("opensOn", .date(r.opensOn))])
                })),
            ])),
            ("participationCases", .object([
                ("total", .int(cases.total)),
                ("subsidized", .int(cases.subsidized)),
                ("byAgency", .array(cases.byAgency.map { c in
                    .object([("agency", .optional(c.agency)), ("total", .int(c.total)), ("subsidized", .int(c.subsidized))])
                })),
            ])),
            ("events", .array(events.map { e in
                .object([("id", .integer(e.id)), ("title", .string(e.title)), ("status", .string(e.status)),
                         ("phase", .optional(e.phase?.rawValue)), ("plannedFrom", .date(e.plannedFrom)),
                         ("plannedTo", .date(e.plannedTo)), ("heldOn", .date(e.heldOn))])
            })),
        ])
        return document.text() + "\n"
    }
}
