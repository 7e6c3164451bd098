import Foundation

/// The tables of the ledger that users meet by name: what a record of each is called, in both
/// languages, and the command noun that lists it. Messages, the audit log and `audit --table` read
/// this instead of showing `plan_match` or `participation_case`.
public enum LedgerTable: String, CaseIterable, Sendable {
    case plan, planMatch = "plan_match", proposal = "business_proposal", visit = "counseling_visit"
    case subsidy = "subsidy_application", participationCase = "participation_case", event, agency
    case callRound = "call_round", statusHistory = "status_history", agencyName = "agency_name"

    /// The table's name in SQL.
    public var table: String { rawValue }

    /// The command noun (`match`, `case` …) that lists records of this table, when there is one.
    public var noun: String? {
        switch self {
        case .plan: "plan"
        case .planMatch: "match"
        case .proposal: "proposal"
        case .visit: "visit"
        case .subsidy: "subsidy"
        case .participationCase: "case"
        case .event: "event"
        case .agency: "agency"
        case .callRound, .statusHistory, .agencyName: nil
        }
    }

    public var label: String {
        switch self {
        case .plan: "地方創生計畫"
        case .planMatch: "部會媒合"
        case .proposal: "事業提案"
        case .visit: "實地輔導"
        case .subsidy: "補助申請"
        case .participationCase: "公民參與案件"
        case .event: "活動"
        case .agency: "機關"
        case .callRound: "徵案梯次"
        case .statusHistory: "狀態歷程"
        case .agencyName: "機關名稱"
        }
    }

    public var labelEnglish: String {
        switch self {
        case .plan: "plan"
        case .planMatch: "match"
        case .proposal: "business proposal"
        case .visit: "counseling visit"
        case .subsidy: "subsidy application"
        case .participationCase: "participation case"
        case .event: "event"
        case .agency: "agency"
        case .callRound: "call round"
        case .statusHistory: "status history entry"
        case .agencyName: "agency name"
        }
    }

    /// The table a user means: its SQL name, its command noun, or its Chinese name.
    public init?(named name: String) {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { $0.rawValue == wanted || $0.noun == wanted || $0.label == wanted }) else { return nil }
        self = found
    }
}
