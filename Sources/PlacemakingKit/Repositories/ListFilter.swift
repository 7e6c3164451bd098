/// Which records a list shows; nil fields do not filter. Each list reads the fields that apply to it
/// (a plan list has no `subsidized`), so one value serves every noun.
public struct ListFilter: Sendable {
    /// ROC year: for plans, those submitted or whose status changed in it; for the others, their year.
    public var year: Int?
    /// An agency as people write it (六龜區, 高雄市六龜區公所).
    public var agency: String?
    public var phase: Phase?
    /// A status of the noun's vocabulary (plans).
    public var status: String?
    /// Only the records of this plan (business proposals).
    public var plan: Int64?
    /// Only cases the city subsidizes, or only those it does not.
    public var subsidized: Bool?
    /// Show each record as it stood on this day (its status then); nil: now.
    public var asOf: ROCDate?

    public init(year: Int? = nil, agency: String? = nil, phase: Phase? = nil, status: String? = nil, plan: Int64? = nil,
                subsidized: Bool? = nil, asOf: ROCDate? = nil) {
        self.year = year
        self.agency = agency
        self.phase = phase
        self.status = status
        self.plan = plan
        self.subsidized = subsidized
        self.asOf = asOf
    }
}

public typealias PlanFilter = ListFilter
public typealias CaseFilter = ListFilter
public typealias ProposalFilter = ListFilter
public typealias SubsidyFilter = ListFilter
