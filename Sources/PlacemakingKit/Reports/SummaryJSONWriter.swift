/// Writes the summary's JSON document (`ProgrammeSummary.json`) as it is sent: a section's figures
/// when they come, each record as it comes, and what follows a list once the next section begins.
/// Memory holds one record and the small figures, whatever the number of plans.
struct SummaryJSONWriter<Output: TextOutputStream>: SummaryReceiver {
    private var json: JSONStream<Output>
    /// The members of the open section that follow its list (`byAgency` after `matched` …).
    private var after: [(String, JSONNode)] = []

    init(output: Output) { json = JSONStream(output: output) }

    var output: Output { json.output }

    mutating func begin(year: Int, asOf: ROCDate) {
        json.beginObject()
        json.member("year", .int(year))
        json.member("asOf", .string(asOf.iso))
    }

    mutating func plans(_ head: SummaryHead.Plans) {
        openSection("plans", [
            ("total", .int(head.total)),
            ("byPhase", .object(head.byPhase.map { ($0.phase.rawValue, .int($0.count)) })),
            ("matchedAgencies", .array(head.matchedAgencies.map { .string($0) })),
        ], list: "matched")
        after = [
            ("byAgency", .array(head.byAgency.map { agency in
                .object([("agency", .string(agency.agency)), ("kind", .optional(agency.kind?.rawValue)), ("total", .int(agency.total)),
                         ("byPhase", .object(agency.byPhase.filter { $0.count > 0 }.map { ($0.phase.rawValue, .int($0.count)) }))])
            })),
            ("matchesByMinistry", .array(head.matchesByMinistry.map { m in
                .object([("ministry", .string(m.ministry)), ("plans", .int(m.plans)),
                         ("subsidy", .money(m.subsidy)), ("investment", .money(m.investment))])
            })),
        ]
    }

    mutating func matched(_ plan: ProgrammeSummary.MatchedPlan) { json.item(ProgrammeSummary.jsonItem(plan)) }

    mutating func proposals(_ head: SummaryHead.Proposals) {
        endSection()
        openSection("businessProposals", [
            ("submittedInYear", .int(head.count)), ("plans", .int(head.plans)), ("agencies", .array(head.agencies.map { .string($0) })),
        ], list: "items")
    }

    mutating func proposal(_ proposal: ProgrammeSummary.SubmittedProposal) { json.item(ProgrammeSummary.jsonItem(proposal)) }

    mutating func visits(_ head: SummaryHead.Visits) {
        endSection()
        openSection("counselingVisits", [("count", .int(head.count)), ("agencies", .array(head.agencies.map { .string($0) }))],
                    list: "items")
    }

    mutating func visit(_ visit: ProgrammeSummary.Visit) { json.item(ProgrammeSummary.jsonItem(visit)) }

    mutating func subsidies(_ head: SummaryHead.Subsidies) {
        endSection()
        openSection("subsidies", [
            ("applications", .int(head.applications)), ("approvedCount", .int(head.approvedCount)),
            ("approvedAmount", .integer(head.approvedAmount.yuan)),
        ], list: "items")
        after = [("comingRounds", .array(head.comingRounds.map { r in
            .object([("programme", .string(r.programme)), ("year", .int(r.year)), ("round", .int(r.round)), ("opensOn", .date(r.opensOn))])
        }))]
    }

    mutating func application(_ application: ProgrammeSummary.SubsidyApplicationState) {
        json.item(ProgrammeSummary.jsonItem(application))
    }

    mutating func finish(cases: ProgrammeSummary.Cases, events: [ProgrammeSummary.Event]) {
        endSection()
        json.member("participationCases", .object([
            ("total", .int(cases.total)),
            ("subsidized", .int(cases.subsidized)),
            ("byAgency", .array(cases.byAgency.map { c in
                .object([("agency", .optional(c.agency)), ("total", .int(c.total)), ("subsidized", .int(c.subsidized))])
            })),
        ]))
        json.member("events", .array(events.map { e in
            .object([("id", .integer(e.id)), ("title", .string(e.title)), ("status", .string(e.status)),
                     ("phase", .optional(e.phase?.rawValue)), ("plannedFrom", .date(e.plannedFrom)),
                     ("plannedTo", .date(e.plannedTo)), ("heldOn", .date(e.heldOn))])
        }))
        json.endObject()
        json.raw("\n")
    }

    /// Opens section `key` with its figures, then its list `list`, which the records fill.
    private mutating func openSection(_ key: String, _ figures: [(String, JSONNode)], list: String) {
        json.key(key)
        json.beginObject()
        for (name, value) in figures { json.member(name, value) }
        json.key(list)
        json.beginArray()
    }

    /// Closes the open section's list, writes what follows it, and closes the section.
    private mutating func endSection() {
        json.endArray()
        for (key, value) in after { json.member(key, value) }
        after = []
        json.endObject()
    }
}
