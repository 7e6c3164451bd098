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

    /// The SQL that finds the agency a record belongs to (one `?`: the record's id): a plan's proposer
    /// (also for its matches and proposals), the agency of an application, a case or a visit, an event's
    /// organiser. Nil for tables whose rows belong to no agency.
    var ownerQuery: String? {
        switch self {
        case .plan, .visit, .subsidy, .participationCase:
            "SELECT agency_id FROM \(table) WHERE id = ?"
        case .planMatch, .proposal:
            "SELECT plan.agency_id FROM \(table) JOIN plan ON plan.id = \(table).plan_id WHERE \(table).id = ?"
        case .event:
            "SELECT organiser_id FROM event WHERE id = ?"
        case .agency, .callRound, .statusHistory, .agencyName:
            nil
        }
    }

    /// How many records of a noun Tab completion offers: the newest, so that the first Tab on a ledger of
    /// a million plans stays instant and small (an older id is still typed in full).
    static let completionLimit = 500

    /// The SQL that lists the records Tab completion offers for the noun (id, a short label, the current
    /// status or NULL), the newest first. Nil for tables that have no command noun with ids.
    var completionQuery: String? {
        switch self {
        case .plan: "SELECT p.id, a.name || ' ' || coalesce(p.title, '') AS label, p.status FROM plan p JOIN agency a ON a.id = p.agency_id ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .planMatch: "SELECT m.id, a.name AS label, NULL AS status FROM plan_match m JOIN agency a ON a.id = m.ministry_id ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .proposal: "SELECT id, coalesce(title, '') AS label, status FROM business_proposal ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .visit: "SELECT v.id, a.name AS label, NULL AS status FROM counseling_visit v JOIN agency a ON a.id = v.agency_id ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .subsidy: "SELECT id, title AS label, status FROM subsidy_application ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .participationCase: "SELECT id, title AS label, status FROM participation_case ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .event: "SELECT id, title AS label, status FROM event ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .agency: "SELECT id, name AS label, NULL AS status FROM agency ORDER BY 1 DESC LIMIT \(Self.completionLimit)"
        case .callRound, .statusHistory, .agencyName: nil
        }
    }
}
