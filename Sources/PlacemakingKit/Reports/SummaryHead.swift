/// The figures a section of the summary states before its records (the JSON document puts them
/// first), so that a receiver can write them without holding the records. Each is what
/// `ProgrammeSummary` computes from its lists; the database computes it in SQL.
enum SummaryHead {
    /// Everything about the plans but the matched plans themselves.
    struct Plans: Equatable {
        var total: Int
        var byPhase: [ProgrammeSummary.PhaseCount]
        /// In the order of their first match (`ProgrammeSummary.Plans.matchedAgencies`).
        var matchedAgencies: [String]
        var byAgency: [ProgrammeSummary.AgencyPlans]
        var matchesByMinistry: [ProgrammeSummary.MinistryMatches]
    }

    struct Proposals: Equatable {
        var count: Int
        /// The plans they were filed under, each once.
        var plans: Int
        /// In the order submitted, each once.
        var agencies: [String]
    }

    struct Visits: Equatable {
        var count: Int
        /// In the order visited, each once.
        var agencies: [String]
    }

    struct Subsidies: Equatable {
        var applications: Int
        var approvedCount: Int
        var approvedAmount: Money
        var comingRounds: [ProgrammeSummary.CallRoundInfo]
    }
}
