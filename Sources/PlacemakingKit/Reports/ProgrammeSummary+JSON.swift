extension ProgrammeSummary {
    /// The summary as one JSON object, for scripts: the keys below are a contract (`year`, `asOf`,
    /// `plans.total`, `plans.byPhase`, `plans.matchedAgencies`, `businessProposals.submittedInYear`,
    /// `counselingVisits.agencies`, `subsidies.approvedCount`, `subsidies.approvedAmount`,
    /// `participationCases.total`, `participationCases.subsidized`); more may be added, none removed.
    /// Dates are ISO, money integer 元, unknown values null. Laid out by `SummaryJSONWriter`, which
    /// also writes it straight from the database (`AppDatabase.writeSummaryJSON`).
    public var json: String {
        var writer = SummaryJSONWriter(output: "")
        send(to: &writer)
        return writer.output
    }

    /// A matched plan as an item of `plans.matched`.
    static func jsonItem(_ plan: MatchedPlan) -> JSONNode {
        .object([("id", .integer(plan.id)), ("agency", .string(plan.agency)), ("title", .optional(plan.title)),
                 ("status", .string(plan.status)), ("matchedOn", .date(plan.matchedOn)),
                 ("matchedOnOrBefore", .bool(plan.matchedOnOrBefore))])
    }

    /// A proposal as an item of `businessProposals.items`: its row of the proposal table.
    static func jsonItem(_ proposal: SubmittedProposal) -> JSONNode {
        .object(zip(proposalColumns, proposalCells(proposal)).map { ($0.key, .cell($1)) })
    }

    /// A visit as an item of `counselingVisits.items`: its row of the visit table.
    static func jsonItem(_ visit: Visit) -> JSONNode {
        .object(zip(visitColumns, visitCells(visit)).map { ($0.key, .cell($1)) })
    }

    /// An application as an item of `subsidies.items`.
    static func jsonItem(_ a: SubsidyApplicationState) -> JSONNode {
        .object([("id", .integer(a.id)), ("agency", .string(a.agency)), ("title", .string(a.title)),
                 ("programme", .string(a.programme)), ("year", .int(a.callYear)), ("round", a.round.map { .int($0) } ?? .null),
                 ("status", .string(a.status)), ("awarded", .bool(a.awarded)),
                 ("awardedAmount", .money(a.awardedAmount)), ("awardedOn", .date(a.awardedOn))])
    }
}
