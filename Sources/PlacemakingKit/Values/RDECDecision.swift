/// Decisions of the NDC, the ministries or the city that 研考會's staff record: an agency acting for
/// itself (`--as`) enters and updates its own records but does not record these (domain.md §2).
public enum RDECDecision: String, CaseIterable, Sendable {
    /// A ministry's match of a plan (媒合), decided at an NDC working meeting.
    case match
    /// The award of a subsidy application, or its correction.
    case award
    /// A counseling visit with the NDC's counseling centre.
    case visit
    /// An event of the programme (研考會 organises them).
    case event
    /// A status in the approved phase (媒合成功, 核定, 核定補助 …), or re-dating one.
    case approval
    /// A status in the rejected phase (未獲媒合, 不予支持, 未獲補助), or re-dating one.
    case rejection
    /// The city's subsidy of a participation case.
    case caseSubsidy

    public var label: String {
        switch self {
        case .match: "部會媒合"
        case .award: "補助核定"
        case .visit: "實地輔導紀錄"
        case .event: "活動"
        case .approval: "核定類狀態（核定、媒合成功、核定補助等）"
        case .rejection: "未核定類狀態（未獲媒合、不予支持、未獲補助）"
        case .caseSubsidy: "公民參與案件的市府補助"
        }
    }

    public var labelEnglish: String {
        switch self {
        case .match: "ministries' matches"
        case .award: "subsidy awards"
        case .visit: "counseling visits"
        case .event: "events"
        case .approval: "approvals (statuses in the approved phase)"
        case .rejection: "rejections (statuses in the rejected phase)"
        case .caseSubsidy: "the city's subsidy of a participation case"
        }
    }
}
