/// What an import makes: plans, business proposals, counseling visits, subsidy applications or
/// participation cases.
public enum ImportKind: String, CaseIterable, Sendable {
    case plans, proposals, visits, subsidies, cases

    /// The audit action of one imported record and of the import as a whole.
    var auditAction: String {
        switch self {
        case .plans: "plan.import"
        case .proposals: "proposal.import"
        case .visits: "visit.import"
        case .subsidies: "subsidy.import"
        case .cases: "case.import"
        }
    }
}
