/// What a programme summary is read into, one section after another in the order of its JSON
/// document: each list's figures first, then its records one at a time. The database sends it
/// (`SummaryQuery`), and so does a summary already in memory (`ProgrammeSummary.send(to:)`), so the
/// value and the streamed JSON are made by the same calls.
///
/// Calls come in this order: `begin`; `plans`, then every `matched`; `proposals`, then every
/// `proposal`; `visits`, then every `visit`; `subsidies`, then every `application`; `finish`.
protocol SummaryReceiver {
    mutating func begin(year: Int, asOf: ROCDate)
    mutating func plans(_ head: SummaryHead.Plans)
    mutating func matched(_ plan: ProgrammeSummary.MatchedPlan)
    mutating func proposals(_ head: SummaryHead.Proposals)
    mutating func proposal(_ proposal: ProgrammeSummary.SubmittedProposal)
    mutating func visits(_ head: SummaryHead.Visits)
    mutating func visit(_ visit: ProgrammeSummary.Visit)
    mutating func subsidies(_ head: SummaryHead.Subsidies)
    mutating func application(_ application: ProgrammeSummary.SubsidyApplicationState)
    mutating func finish(cases: ProgrammeSummary.Cases, events: [ProgrammeSummary.Event])
}
