import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

private func day(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

/// Every write path, as 六龜區 acting for itself would try it, with the refusal it must get. The
/// seeded ledger has 六龜區's plan #1 and proposal #1, 海洋局's plan #6 and proposal #2, 都發局's
/// application #1, 研考會's event #1 and visits #1–4 to other districts.
enum ScopedWrite: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case planAddOther, planEditOther, planStatusOther, planApprove, planReject, planAddApproved
    case proposalAddUnderOther, proposalEditOther
    case subsidyAddLinkingOther, subsidyEditLinkingOther, subsidyEditOther, subsidyAward
    case matchAdd, matchEdit, visitAdd, visitEdit, eventAdd, eventEdit, eventStatus
    case caseAddApproved, caseAddSubsidy, caseEditHandOver, caseEditSubsidy, caseApprove
    case historyFixOther, historyFixApproval

    var testDescription: String { rawValue }

    /// What 六龜區 must be told.
    var refusal: PlacemakingError {
        let other = { (owner: String?) in PlacemakingError.outsideScope(acting: "六龜區", owner: owner) }
        let decision = { (what: RDECDecision) in PlacemakingError.decisionKeptByRDEC(acting: "六龜區", what: what) }
        switch self {
        case .planAddOther: return other("甲仙區")
        case .planEditOther, .planStatusOther, .proposalAddUnderOther, .proposalEditOther, .subsidyAddLinkingOther,
             .subsidyEditLinkingOther, .historyFixOther: return other("海洋局")
        case .subsidyEditOther: return other("都發局")
        case .caseEditHandOver: return other("海洋局")
        case .planApprove, .planAddApproved, .caseAddApproved, .caseApprove, .historyFixApproval: return decision(.approval)
        case .planReject: return decision(.rejection)
        case .subsidyAward: return decision(.award)
        case .matchAdd, .matchEdit: return decision(.match)
        case .visitAdd, .visitEdit: return decision(.visit)
        case .eventAdd, .eventEdit, .eventStatus: return decision(.event)
        case .caseAddSubsidy, .caseEditSubsidy: return decision(.caseSubsidy)
        }
    }

    /// Records of 六龜區's that some writes need (made by 研考會's staff).
    func prepare(_ staff: AppDatabase) throws {
        switch self {
        case .planApprove, .planReject:
            try staff.submitPlan(agency: "六龜區", title: "六龜第二案", status: "排入工作會議", statusOn: day("112/05/01"))  // #7
        case .subsidyEditLinkingOther, .subsidyAward:
            try staff.applyForSubsidy(agency: "六龜區", title: "六龜申請", year: 112, round: 1, status: "報國發會複審", statusOn: day("112/05/01"))  // #2
        case .matchEdit: try staff.recordMatch(plan: 1, ministry: "經濟部", on: day("111/05/20"))
        case .visitEdit: try staff.recordVisit(agency: "六龜區", on: day("112/03/01"))  // #5
        case .eventEdit, .eventStatus: try staff.addEvent(title: "六龜說明會", organiser: "六龜區", statusOn: day("112/01/02"))  // #2
        case .caseEditHandOver, .caseEditSubsidy, .caseApprove:
            let id = try staff.addCase(year: 112, title: "六龜參與式預算", agency: "六龜區", statusOn: day("112/01/02"))  // #31
            try staff.changeStatus(.case, id: id, to: "審查", on: day("112/02/01"))
            if self == .caseEditSubsidy { try staff.changeStatus(.case, id: id, to: "核定補助", on: day("112/03/01")) }
        default: break
        }
    }

    func write(_ db: AppDatabase) throws {
        switch self {
        case .planAddOther: try db.submitPlan(agency: "甲仙區", title: "x")
        case .planEditOther: try db.editPlan(id: 6, title: "x")
        case .planStatusOther: try db.changeStatus(.plan, id: 6, to: "執行中", on: day("111/07/01"))
        case .planApprove: try db.changeStatus(.plan, id: 7, to: "媒合成功", on: day("112/06/01"))
        case .planReject: try db.changeStatus(.plan, id: 7, to: "未獲媒合", on: day("112/06/01"))
        case .planAddApproved: try db.submitPlan(agency: "六龜區", title: "x", status: "媒合成功", statusOn: day("112/06/01"))
        case .proposalAddUnderOther: try db.fileProposal(plan: 6, title: "x")
        case .proposalEditOther: try db.editProposal(id: 2, title: "x")
        case .subsidyAddLinkingOther: try db.applyForSubsidy(agency: "六龜區", title: "x", year: 112, plan: 6)
        case .subsidyEditLinkingOther: try db.editSubsidy(id: 2, plan: 6)
        case .subsidyEditOther: try db.editSubsidy(id: 1, title: "x")
        case .subsidyAward: try db.awardSubsidy(id: 2, amount: Money(yuan: 1), on: day("112/06/01"))
        case .matchAdd: try db.recordMatch(plan: 1, ministry: "經濟部", on: day("111/05/20"))
        case .matchEdit: try db.editMatch(id: 1, subsidy: Money(yuan: 1))
        case .visitAdd: try db.recordVisit(agency: "六龜區", on: day("112/03/01"))
        case .visitEdit: try db.editVisit(id: 5, purpose: "x")
        case .eventAdd: try db.addEvent(title: "x", organiser: "六龜區")
        case .eventEdit: try db.editEvent(id: 2, title: "x")
        case .eventStatus: try db.changeStatus(.event, id: 2, to: "已排定", on: day("112/02/01"))
        case .caseAddApproved: try db.addCase(year: 112, title: "x", agency: "六龜區", status: "核定補助", statusOn: day("112/03/01"))
        case .caseAddSubsidy: try db.addCase(year: 112, title: "x", agency: "六龜區", subsidized: true, status: "辦理中", statusOn: day("112/03/01"))
        case .caseEditHandOver: try db.editCase(id: 31, agency: "海洋局")
        case .caseEditSubsidy: try db.editCase(id: 31, subsidy: Money(yuan: 300_000))
        case .caseApprove: try db.changeStatus(.case, id: 31, to: "核定補助", on: day("112/03/01"))
        case .historyFixOther: try db.fixHistory(.plan, id: 6, entry: 1, on: day("111/06/01"))
        case .historyFixApproval: try db.fixHistory(.plan, id: 1, entry: 1, on: day("111/06/01"))
        }
    }
}

@Suite("Acting for one agency, every write path")
struct ScopeRuleTests {
    @Test("六龜區 acting for itself is refused with the specific reason and writes nothing; 研考會's staff may", arguments: ScopedWrite.allCases)
    func writePath(_ path: ScopedWrite) throws {
        let test = try TestDatabase()
        try path.prepare(test.database)
        let liugui = try test.database.agency(named: "六龜區")
        let acting = try test.database.acting(for: liugui.id)
        let counts = try test.tableCounts()
        #expect(throws: path.refusal) { try path.write(acting) }
        #expect(try test.tableCounts() == counts)
        try path.write(test.database)
    }

    @Test("on its own records an acting agency does everything else")
    func ownRecords() throws {
        let test = try TestDatabase()
        let liugui = try test.database.agency(named: "六龜區")
        let acting = try test.database.acting(for: liugui.id)
        let plan = try acting.submitPlan(agency: "六龜區", title: "六龜山城", submittedOn: day("112/03/15"))
        try acting.changeStatus(.plan, id: plan, to: "輔導中", on: day("112/04/01"))
        try acting.editPlan(id: plan, budget: Money(yuan: 1))
        try acting.fixHistory(.plan, id: plan, entry: 2, on: day("112/04/02"))
        try acting.fileProposal(plan: 1, title: "山城旅宿", submittedOn: day("112/05/02"))
        let application = try acting.applyForSubsidy(agency: "六龜區", title: "六龜申請", year: 112, plan: plan)
        try acting.editSubsidy(id: application, plan: 1)
        let withdrawn = try acting.addCase(year: 112, title: "六龜工作坊", agency: "六龜區")
        try acting.changeStatus(.case, id: withdrawn, to: "撤案", on: ROCDate.today)
        #expect(try test.read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1") } == "tester（六龜區）")
    }

    @Test("the refusal says, in Chinese, who records decisions")
    func message() {
        let message = PlacemakingError.decisionKeptByRDEC(acting: "六龜區", what: .award).message()
        #expect(message.contains("補助核定") && message.contains("研考會") && message.contains("六龜區"))
    }
}
