extension ProgrammeSummary {
    /// Gathers what a `SummaryReceiver` is sent into a `ProgrammeSummary`: the figures a list's records
    /// give are left to the records (the value computes them from its lists).
    struct Builder: SummaryReceiver {
        private(set) var summary: ProgrammeSummary

        init(year: Int, asOf: ROCDate) {
            summary = ProgrammeSummary(
                year: year, asOf: asOf,
                plans: Plans(total: 0, byPhase: [], byAgency: [], matched: [], matchesByMinistry: []),
                proposals: Proposals(submitted: []), visits: Visits(visits: []),
                subsidies: Subsidies(applications: [], comingRounds: []),
                cases: Cases(total: 0, subsidized: 0, byAgency: []), events: [])
        }

        mutating func begin(year: Int, asOf: ROCDate) {
            summary.year = year
            summary.asOf = asOf
        }

        mutating func plans(_ head: SummaryHead.Plans) {
            summary.plans.total = head.total
            summary.plans.byPhase = head.byPhase
            summary.plans.byAgency = head.byAgency
            summary.plans.matchesByMinistry = head.matchesByMinistry
        }

        mutating func matched(_ plan: MatchedPlan) { summary.plans.matched.append(plan) }
        mutating func proposals(_ head: SummaryHead.Proposals) {}
        mutating func proposal(_ proposal: SubmittedProposal) { summary.proposals.submitted.append(proposal) }
        mutating func visits(_ head: SummaryHead.Visits) {}
        mutating func visit(_ visit: Visit) { summary.visits.visits.append(visit) }
        mutating func subsidies(_ head: SummaryHead.Subsidies) { summary.subsidies.comingRounds = head.comingRounds }
        mutating func application(_ application: SubsidyApplicationState) { summary.subsidies.applications.append(application) }

        mutating func finish(cases: Cases, events: [Event]) {
            summary.cases = cases
            summary.events = events
        }
    }

    /// Sends this summary to `receiver` as the database would: each list's figures, then its records.
    func send(to receiver: inout some SummaryReceiver) {
        receiver.begin(year: year, asOf: asOf)
        receiver.plans(SummaryHead.Plans(total: plans.total, byPhase: plans.byPhase, matchedAgencies: plans.matchedAgencies,
                                         byAgency: plans.byAgency, matchesByMinistry: plans.matchesByMinistry))
        for plan in plans.matched { receiver.matched(plan) }
        receiver.proposals(SummaryHead.Proposals(count: proposals.submitted.count, plans: proposals.planCount,
                                                 agencies: proposals.agencies))
        for proposal in proposals.submitted { receiver.proposal(proposal) }
        receiver.visits(SummaryHead.Visits(count: visits.visits.count, agencies: visits.agencies))
        for visit in visits.visits { receiver.visit(visit) }
        receiver.subsidies(SummaryHead.Subsidies(applications: subsidies.applications.count, approvedCount: subsidies.approvedCount,
                                                 approvedAmount: subsidies.approvedAmount, comingRounds: subsidies.comingRounds))
        for application in subsidies.applications { receiver.application(application) }
        receiver.finish(cases: cases, events: events)
    }
}
