/// The dates that record something that happened, and so may not lie after today (Asia/Taipei).
/// Planned dates (an event's planned period, a call round's dates, an agency's renaming) are not
/// among them: they may lie ahead.
public enum HappenedDate: String, CaseIterable, Sendable {
    /// A plan's or proposal's submission (提報).
    case submitted
    /// A subsidy application's filing (送件).
    case filed
    /// A ministry's match (媒合).
    case matched
    /// A counseling visit.
    case visited
    /// The day an event was held.
    case held
    /// The award of a subsidy.
    case awarded
    /// The day a status took effect.
    case status

    public var label: String {
        switch self {
        case .submitted: "提報日期"
        case .filed: "送件日期"
        case .matched: "媒合日期"
        case .visited: "輔導日期"
        case .held: "辦理日期"
        case .awarded: "核定日期"
        case .status: "狀態日期"
        }
    }

    public var labelEnglish: String {
        switch self {
        case .submitted: "submission date"
        case .filed: "filing date"
        case .matched: "match date"
        case .visited: "visit date"
        case .held: "date held"
        case .awarded: "award date"
        case .status: "status date"
        }
    }
}
