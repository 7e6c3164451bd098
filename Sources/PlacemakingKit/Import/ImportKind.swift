/// What an import makes: plans, business proposals, counseling visits, subsidy applications or
/// participation cases.
public enum ImportKind: String, CaseIterable, Sendable {
    case plans, proposals, visits, subsidies, cases

    /// The kind of record with a status history, for status look-ups; visits have none.
    var recordKind: RecordKind? {
        switch self {
        case .plans: .plan
        case .proposals: .proposal
        case .visits: nil
        case .subsidies: .subsidy
        case .cases: .case
        }
    }

    /// The table its records go to.
    var table: String {
        switch self {
        case .plans: Plan.databaseTableName
        case .proposals: BusinessProposal.databaseTableName
        case .visits: CounselingVisit.databaseTableName
        case .subsidies: SubsidyApplication.databaseTableName
        case .cases: ParticipationCase.databaseTableName
        }
    }

    /// What the kind is called in messages.
    var label: String {
        switch self {
        case .plans: "地方創生計畫"
        case .proposals: "事業提案"
        case .visits: "實地輔導紀錄"
        case .subsidies: "補助申請"
        case .cases: "公民參與案件"
        }
    }

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
