/// The state of the programme for one ROC year as it stood on one day (`asOf`): what the half-year and
/// year-end reports to the City Council state, computed from the dated status history so that changes
/// recorded later, or dated after `asOf`, do not alter a report already given. Built by
/// `AppDatabase.programmeSummary(year:asOf:)`; the JSON, the tables, the council report and the HTML
/// page are all drawn from this one value, so they cannot disagree.
public struct ProgrammeSummary: Sendable, Equatable {
    /// ROC year (民國年) of the programme.
    public var year: Int
    /// The day the figures stand on (截至).
    public var asOf: ROCDate
    public var plans: Plans
    public var proposals: Proposals
    public var visits: Visits
    public var subsidies: Subsidies
    public var cases: Cases
    /// Events of the year with their state on `asOf`.
    public var events: [Event]

    /// Every placemaking plan on record by `asOf` (plans run over several years, so they are not limited
    /// to the year).
    public struct Plans: Sendable, Equatable {
        /// Plans with a status by `asOf`.
        public var total: Int
        /// Every phase, in phase order, with its count (zero included, so keys are always present).
        public var byPhase: [PhaseCount]
        /// Each proposing agency with plans, in agency order.
        public var byAgency: [AgencyPlans]
        /// Plans matched by `asOf`, in the order they were matched (then entered).
        public var matched: [MatchedPlan]
        /// Ministries' matches of the matched plans made by `asOf`, in agency order.
        public var matchesByMinistry: [MinistryMatches]

        /// The agencies whose plans were matched, each once, in the order of their first match: the
        /// order the council report names them in.
        public var matchedAgencies: [String] {
            var seen = Set<String>()
            return matched.map(\.agency).filter { seen.insert($0).inserted }
        }
    }

    public struct PhaseCount: Sendable, Equatable {
        public var phase: Phase
        public var count: Int
    }

    public struct AgencyPlans: Sendable, Equatable {
        public var agency: String
        public var kind: AgencyKind?
        public var byPhase: [PhaseCount]
        public var total: Int { byPhase.reduce(0) { $0 + $1.count } }
    }

    /// A plan that had reached an approved status (媒合成功, 部分媒合) by `asOf` and was neither
    /// withdrawn nor refused after it: it stays matched while executing or closed.
    public struct MatchedPlan: Sendable, Equatable {
        public var id: Int64
        public var agency: String
        public var title: String?
        /// Its status on `asOf` (執行中 after 媒合成功 …).
        public var status: String
        /// The day it first reached an approved status.
        public var matchedOn: ROCDate
        /// Whether that day is only an upper bound (a report's 截至 date).
        public var matchedOnOrBefore: Bool
    }

    public struct MinistryMatches: Sendable, Equatable {
        public var ministry: String
        /// Matched plans this ministry supports.
        public var plans: Int
        /// Sum of the known amounts, nil when none is known.
        public var subsidy: Money?
        public var investment: Money?
    }

    /// Business proposals (事業提案) submitted in the year by `asOf`.
    public struct Proposals: Sendable, Equatable {
        /// In the order submitted (then entered).
        public var submitted: [SubmittedProposal]

        /// The plans they were filed under, each once.
        public var planCount: Int { Set(submitted.map(\.planId)).count }

        /// The agencies of those plans, each once, in the order submitted.
        public var agencies: [String] {
            var seen = Set<String>()
            return submitted.map(\.agency).filter { seen.insert($0).inserted }
        }
    }

    public struct SubmittedProposal: Sendable, Equatable {
        public var id: Int64
        public var planId: Int64
        public var agency: String
        public var title: String?
        /// The submission date, else the first submitted status's date.
        public var submittedOn: ROCDate
        /// Whether that date is only an upper bound.
        public var submittedOnOrBefore: Bool
        public var status: String
    }

    /// Counseling visits (實地輔導) of the year made by `asOf`.
    public struct Visits: Sendable, Equatable {
        /// In the order visited (undated ones first, in the order entered).
        public var visits: [Visit]

        /// The agencies visited, each once, in the order visited.
        public var agencies: [String] {
            var seen = Set<String>()
            return visits.map(\.agency).filter { seen.insert($0).inserted }
        }
    }

    public struct Visit: Sendable, Equatable {
        public var id: Int64
        public var agency: String
        public var agencyKind: AgencyKind?
        /// Who came along, by short name (南區輔導中心) and formal name (國發會南區輔導中心).
        public var partner: String?
        public var partnerFullName: String?
        public var visitedOn: ROCDate?
        public var purpose: String?
    }

    /// Subsidy applications to the year's call rounds, on record by `asOf`.
    public struct Subsidies: Sendable, Equatable {
        /// Awarded ones first, in the order awarded, then the others in the order entered.
        public var applications: [SubsidyApplicationState]
        /// Call rounds of the year after every round applied to, not yet open on `asOf`: the calls
        /// still to come.
        public var comingRounds: [CallRoundInfo]

        public var awarded: [SubsidyApplicationState] { applications.filter(\.awarded) }
        public var approvedCount: Int { awarded.count }
        /// The known awarded amounts, summed.
        public var approvedAmount: Money { Money(yuan: awarded.reduce(0) { $0 + ($1.awardedAmount?.yuan ?? 0) }) }
    }

    public struct SubsidyApplicationState: Sendable, Equatable {
        public var id: Int64
        public var agency: String
        public var title: String
        public var programme: String
        /// Who runs the programme (國發會), when on record.
        public var administrator: String?
        public var callYear: Int
        public var round: Int?
        public var status: String
        public var phase: Phase?
        /// Reached an approved status by `asOf`, and not withdrawn or refused since.
        public var awarded: Bool
        /// The amount awarded (nil: not known, or not awarded).
        public var awardedAmount: Money?
        public var awardedOn: ROCDate?
    }

    public struct CallRoundInfo: Sendable, Equatable {
        public var programme: String
        public var administrator: String?
        public var year: Int
        public var round: Int
        public var opensOn: ROCDate?
    }

    /// Cases of the year's citizen-participation plan on record by `asOf`.
    public struct Cases: Sendable, Equatable {
        public var total: Int
        /// Subsidized by the city on `asOf`: the latest status by then that decides it says so.
        public var subsidized: Int
        /// Each agency with cases, in agency order; cases whose agency is not known last (agency nil).
        public var byAgency: [AgencyCases]
    }

    public struct AgencyCases: Sendable, Equatable {
        /// nil: the agency is not known (未詳).
        public var agency: String?
        public var total: Int
        public var subsidized: Int
    }

    public struct Event: Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var status: String
        public var phase: Phase?
        public var plannedFrom: ROCDate?
        public var plannedTo: ROCDate?
        /// The day held, when that was by `asOf`.
        public var heldOn: ROCDate?
    }
}
