/// The kinds of record that carry a status, with a vocabulary in the `status` table.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case plan, proposal, subsidy, `case`, event

    /// The table that holds records of this kind.
    public var table: String {
        switch self {
        case .plan: "plan"
        case .proposal: "business_proposal"
        case .subsidy: "subsidy_application"
        case .case: "participation_case"
        case .event: "event"
        }
    }

    /// What users call a record of this kind.
    public var label: String {
        switch self {
        case .plan: "地方創生計畫"
        case .proposal: "事業提案"
        case .subsidy: "補助申請"
        case .case: "公民參與案件"
        case .event: "活動"
        }
    }

    public var labelEnglish: String {
        switch self {
        case .plan: "plan"
        case .proposal: "business proposal"
        case .subsidy: "subsidy application"
        case .case: "participation case"
        case .event: "event"
        }
    }
}
