import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

/// A day after today in Taiwan, for dates that must be refused as the future.
private let future = ROCDate(Date().addingTimeInterval(3 * 86_400))

private func day(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

/// Every write that takes a date of something that happened, with the field the date rule names.
enum DatedWrite: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case planAdd, planAddOn, planEdit, proposalAdd, proposalAddOn, proposalEdit, subsidyAdd, subsidyAddOn, subsidyEdit
    case matchAdd, matchEdit, visitAdd, visitEdit, eventAddOn, eventEditHeld, caseAddOn, award, awardCorrection
    case statusChange, historyFix

    var testDescription: String { rawValue }

    var field: HappenedDate {
        switch self {
        case .planAdd, .planEdit, .proposalAdd, .proposalEdit: .submitted
        case .subsidyAdd, .subsidyEdit: .filed
        case .matchAdd, .matchEdit: .matched
        case .visitAdd, .visitEdit: .visited
        case .eventEditHeld: .held
        case .awardCorrection: .awarded
        case .planAddOn, .proposalAddOn, .subsidyAddOn, .eventAddOn, .caseAddOn, .award, .statusChange, .historyFix: .status
        }
    }

    /// Records the write needs first (a match to edit, an application ready for its award).
    func prepare(_ db: AppDatabase) throws {
        switch self {
        case .matchEdit: try db.recordMatch(plan: 1, ministry: "經濟部", on: day("111/05/20"))
        case .award: try db.applyForSubsidy(agency: "都發局", title: "第二案", year: 111, round: 2, status: "報國發會複審", statusOn: day("111/09/01"))
        default: break
        }
    }

    func write(_ db: AppDatabase, on date: ROCDate) throws {
        switch self {
        case .planAdd: try db.submitPlan(agency: "六龜區", title: "x", submittedOn: date)
        case .planAddOn: try db.submitPlan(agency: "六龜區", title: "x", statusOn: date)
        case .planEdit: try db.editPlan(id: 1, submittedOn: date)
        case .proposalAdd: try db.fileProposal(plan: 1, title: "x", submittedOn: date)
        case .proposalAddOn: try db.fileProposal(plan: 1, title: "x", statusOn: date)
        case .proposalEdit: try db.editProposal(id: 1, submittedOn: date)
        case .subsidyAdd: try db.applyForSubsidy(agency: "都發局", title: "x", year: 111, round: 1, submittedOn: date)
        case .subsidyAddOn: try db.applyForSubsidy(agency: "都發局", title: "x", year: 111, round: 1, statusOn: date)
        case .subsidyEdit: try db.editSubsidy(id: 1, submittedOn: date)
        case .matchAdd: try db.recordMatch(plan: 1, ministry: "經濟部", on: date)
        case .matchEdit: try db.editMatch(id: 1, on: date)
        case .visitAdd: try db.recordVisit(agency: "燕巢區", on: date)
        case .visitEdit: try db.editVisit(id: 1, on: date)
        case .eventAddOn: try db.addEvent(title: "x", statusOn: date)
        case .eventEditHeld: try db.editEvent(id: 1, heldOn: date)
        case .caseAddOn: try db.addCase(year: 112, title: "x", statusOn: date)
        case .award: try db.awardSubsidy(id: 2, amount: Money(yuan: 1), on: date)
        case .awardCorrection: try db.awardSubsidy(id: 1, on: date)
        case .statusChange: try db.changeStatus(.plan, id: 1, to: "執行中", on: date)
        case .historyFix: try db.fixHistory(.plan, id: 1, entry: 1, on: date)
        }
    }
}

@Suite("One date rule")
struct DateRuleTests {
    @Test("a date of something that happened may not be after today; nothing is written", arguments: DatedWrite.allCases)
    func futureRefused(_ write: DatedWrite) throws {
        let test = try TestDatabase()
        try write.prepare(test.database)
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.dateInFuture(write.field, date: future, today: ROCDate.today)) {
            try write.write(test.database, on: future)
        }
        #expect(try test.tableCounts() == counts)
    }

    @Test("today is allowed", arguments: DatedWrite.allCases)
    func todayAllowed(_ write: DatedWrite) throws {
        let test = try TestDatabase()
        try write.prepare(test.database)
        try write.write(test.database, on: ROCDate.today)
    }

    @Test("planned dates may lie ahead")
    func plannedDates() throws {
        let test = try TestDatabase()
        let id = try test.database.addEvent(title: "明年的工作坊", plannedFrom: future, plannedTo: future)
        try test.database.editEvent(id: id, plannedTo: ROCDate(Date().addingTimeInterval(30 * 86_400)))
        // The first status is not dated by a planned start that has not come.
        #expect(try test.database.history(.event, id: id).value("effectiveOn", row: 0) == .date(ROCDate.today))
    }
}

@Suite("Back-dated entry")
struct BackDatingTests {
    @Test("the first status is dated --on, else the record's own date, else today")
    func firstStatusDates() throws {
        let test = try TestDatabase()
        let db = test.database
        let first = { (kind: RecordKind, id: Int64) in try db.history(kind, id: id).value("effectiveOn", row: 0) }
        #expect(try first(.plan, db.submitPlan(agency: "六龜區", title: "a", submittedOn: day("112/03/15"))) == .date(try day("112/03/15")))
        #expect(try first(.plan, db.submitPlan(agency: "六龜區", title: "b", submittedOn: day("112/03/15"), statusOn: day("112/02/01")))
                == .date(try day("112/02/01")))
        #expect(try first(.plan, db.submitPlan(agency: "六龜區", title: "c")) == .date(ROCDate.today))
        #expect(try first(.proposal, db.fileProposal(plan: 1, title: "d", submittedOn: day("112/05/02"))) == .date(try day("112/05/02")))
        #expect(try first(.subsidy, db.applyForSubsidy(agency: "都發局", title: "e", year: 112, submittedOn: day("112/04/01")))
                == .date(try day("112/04/01")))
        #expect(try first(.event, db.addEvent(title: "f", plannedFrom: day("112/09/01"))) == .date(try day("112/09/01")))
        #expect(try first(.case, db.addCase(year: 112, title: "g")) == .date(ROCDate.today))
        #expect(try first(.case, db.addCase(year: 112, title: "h", statusOn: day("112/01/05"))) == .date(try day("112/01/05")))
    }

    @Test("an application entered last month at 報國發會複審 can be awarded on an earlier day than today")
    func lateEntryThenAward() throws {
        let test = try TestDatabase()
        let id = try test.database.applyForSubsidy(agency: "都發局", title: "○○空間整備", year: 112, round: 1,
                                                   requested: Money(yuan: 8_000_000), status: "報國發會複審", statusOn: day("112/05/10"))
        let award = try test.database.awardSubsidy(id: id, amount: Money(yuan: 5_000_000), on: day("112/06/15"))
        #expect(award == AwardOutcome(id: id, corrected: false, amount: Money(yuan: 5_000_000), on: try day("112/06/15")))
        #expect(try test.database.history(.subsidy, id: id).strings("status") == ["報國發會複審", "核定補助"])
    }
}

@Suite("Correcting a status history")
struct HistoryFixTests {
    /// A plan with three entries: 構想盤點 112/01/02, 輔導中 112/02/01, 市府初審 112/03/01.
    func plan(_ test: TestDatabase) throws -> Int64 {
        let id = try test.database.submitPlan(agency: "甲仙區", title: "甲仙芋見", statusOn: day("112/01/02"))
        try test.database.changeStatus(.plan, id: id, to: "輔導中", on: day("112/02/01"))
        try test.database.changeStatus(.plan, id: id, to: "市府初審", on: day("112/03/01"))
        return id
    }

    @Test("an entry moves between its neighbours, audited with the entry before and after")
    func fixWithinOrder() throws {
        let test = try TestDatabase()
        let id = try plan(test)
        let fix = try test.database.fixHistory(.plan, id: id, entry: 2, on: day("112/02/15"))
        #expect(fix == HistoryFix(kind: .plan, id: id, entry: 2, status: "輔導中", from: try day("112/02/01"), to: try day("112/02/15")))
        let history = try test.database.history(.plan, id: id)
        #expect(history.strings("entry") == ["1", "2", "3"])
        #expect(history.strings("effectiveOn") == ["112/01/02", "112/02/15", "112/03/01"])
        let audit = try #require(try test.read { try Row.fetchOne($0, sql: "SELECT * FROM audit_log WHERE action = 'history.fix'") })
        #expect(audit["entity"] == "status_history")
        #expect((audit["before"] as String?)?.contains("\"effective_on\":\"2023-02-01\"") == true)
        #expect((audit["after"] as String?)?.contains("\"effective_on\":\"2023-02-15\"") == true)
        // The same day as a neighbour is still in order.
        try test.database.fixHistory(.plan, id: id, entry: 3, on: day("112/02/15"))
    }

    @Test("out of order, in the future, a missing entry or no change: refused, nothing written")
    func refusals() throws {
        let test = try TestDatabase()
        let id = try plan(test)
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.statusDateOutOfOrder(date: try day("111/12/31"), notBefore: try day("112/01/02"), notAfter: try day("112/03/01"))) {
            try test.database.fixHistory(.plan, id: id, entry: 2, on: day("111/12/31"))
        }
        #expect(throws: PlacemakingError.statusDateOutOfOrder(date: try day("112/03/02"), notBefore: try day("112/01/02"), notAfter: try day("112/03/01"))) {
            try test.database.fixHistory(.plan, id: id, entry: 2, on: day("112/03/02"))
        }
        #expect(throws: PlacemakingError.statusDateOutOfOrder(date: try day("112/02/02"), notBefore: nil, notAfter: try day("112/02/01"))) {
            try test.database.fixHistory(.plan, id: id, entry: 1, on: day("112/02/02"))
        }
        #expect(throws: PlacemakingError.dateInFuture(.status, date: future, today: ROCDate.today)) {
            try test.database.fixHistory(.plan, id: id, entry: 3, on: future)
        }
        #expect(throws: PlacemakingError.noHistoryEntry(.plan, id: id, entry: 4, count: 3)) {
            try test.database.fixHistory(.plan, id: id, entry: 4, on: day("112/03/01"))
        }
        #expect(throws: PlacemakingError.noHistoryEntry(.plan, id: id, entry: 0, count: 3)) {
            try test.database.fixHistory(.plan, id: id, entry: 0, on: day("112/03/01"))
        }
        #expect(throws: PlacemakingError.nothingToChange) { try test.database.fixHistory(.plan, id: id, entry: 2, on: day("112/02/01")) }
        #expect(throws: PlacemakingError.notFound(.plan, table: "plan", id: 999)) { try test.database.fixHistory(.plan, id: 999, entry: 1, on: day("112/02/01")) }
        #expect(try test.tableCounts() == counts)
    }

    @Test("a date known only as an upper bound becomes exact")
    func clearsOnOrBefore() throws {
        let test = try TestDatabase()
        #expect(try test.database.history(.plan, id: 1).value("onOrBefore", row: 0) == .bool(true))
        try test.database.fixHistory(.plan, id: 1, entry: 1, on: day("111/05/20"))
        let history = try test.database.history(.plan, id: 1)
        #expect(history.value("onOrBefore", row: 0) == .bool(false))
        #expect(history.value("effectiveOn", row: 0) == .date(try day("111/05/20")))
        // Even on the same day: the date is now known.
        try test.database.fixHistory(.proposal, id: 1, entry: 1, on: day("111/06/30"))
        #expect(try test.database.history(.proposal, id: 1).value("onOrBefore", row: 0) == .bool(false))
    }

    @Test("re-dating an award's entry moves the award date with it")
    func awardEntryMovesAwardedOn() throws {
        let test = try TestDatabase()
        try test.database.fixHistory(.subsidy, id: 1, entry: 1, on: day("111/06/01"))
        #expect(try test.database.subsidyDetail(id: 1).record.value("awardedOn", row: 0) == .date(try day("111/06/01")))
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE action = 'subsidy.correct' AND entity_id = 1") == 1)
    }
}

@Suite("Status effects")
struct StatusEffectTests {
    func caseUnderReview(_ test: TestDatabase) throws -> Int64 {
        let id = try test.database.addCase(year: 112, title: "社區參與式預算", agency: "文化局", statusOn: day("112/01/02"))
        try test.database.changeStatus(.case, id: id, to: "審查", on: day("112/02/01"))
        return id
    }

    func subsidized(_ test: TestDatabase, _ id: Int64) throws -> (Bool?, Int64?) {
        let row = try #require(try test.read { try Row.fetchOne($0, sql: "SELECT subsidized, subsidy_amount FROM participation_case WHERE id = ?", arguments: [id]) })
        return (row["subsidized"], row["subsidy_amount"])
    }

    @Test("a case is subsidized from 核定補助 on, also without an amount, and keeps it until withdrawn")
    func caseSubsidizedByStatus() throws {
        let test = try TestDatabase()
        let id = try caseUnderReview(test)
        #expect(try subsidized(test, id) == (false, nil))
        try test.database.changeStatus(.case, id: id, to: "核定補助", on: day("112/03/01"))
        #expect(try subsidized(test, id) == (true, nil))  // amount not known yet
        try test.database.editCase(id: id, subsidy: Money(yuan: 300_000))
        try test.database.changeStatus(.case, id: id, to: "辦理中", on: day("112/04/01"))
        #expect(try subsidized(test, id) == (true, 300_000))
        // Through 辦理中 the history still says subsidized.
        #expect(throws: PlacemakingError.subsidyContradictsStatus(status: "辦理中", subsidized: true)) {
            try test.database.editCase(id: id, subsidized: false)
        }
        try test.database.changeStatus(.case, id: id, to: "撤案", on: day("112/05/01"))
        #expect(try subsidized(test, id) == (false, nil))
    }

    @Test("a status that grants nothing refuses an amount")
    func amountWithoutGrant() throws {
        let test = try TestDatabase()
        let id = try caseUnderReview(test)
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.amountNotGranted(.case, status: "自辦(不補助)")) {
            try test.database.changeStatus(.case, id: id, to: "自辦(不補助)", on: day("112/03/01"), amount: Money(yuan: 300_000))
        }
        #expect(throws: PlacemakingError.amountNotGranted(.plan, status: "執行中")) {
            try test.database.changeStatus(.plan, id: 1, to: "執行中", amount: Money(yuan: 1))
        }
        #expect(try test.tableCounts() == counts)
        try test.database.changeStatus(.case, id: id, to: "自辦(不補助)", on: day("112/03/01"))
        #expect(try subsidized(test, id) == (false, nil))
        #expect(throws: PlacemakingError.subsidyContradictsStatus(status: "自辦(不補助)", subsidized: false)) {
            try test.database.editCase(id: id, subsidized: true)
        }
        #expect(throws: PlacemakingError.subsidyContradictsStatus(status: "自辦(不補助)", subsidized: false)) {
            try test.database.editCase(id: id, subsidy: Money(yuan: 1))
        }
    }

    @Test("case add: the flag follows the starting status, and is free where the status does not say")
    func caseAdd() throws {
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.subsidyContradictsStatus(status: "計畫提報", subsidized: false)) {
            try test.database.addCase(year: 112, title: "x", subsidy: Money(yuan: 1))
        }
        let approved = try test.database.addCase(year: 112, title: "a", status: "核定補助", statusOn: day("112/03/01"))
        #expect(try subsidized(test, approved) == (true, nil))
        let running = try test.database.addCase(year: 112, title: "b", subsidized: true, status: "辦理中", statusOn: day("112/03/01"))
        #expect(try subsidized(test, running) == (true, nil))
        try test.database.editCase(id: running, subsidized: false)  // nothing in its history says otherwise
    }

    @Test("the seeded cases agree with their statuses: 13 subsidized at 核定補助, 17 not at 自辦(不補助)")
    func seededCases() throws {
        let test = try TestDatabase()
        #expect(try test.count("SELECT count(*) FROM participation_case WHERE (status = '核定補助') <> (subsidized = 1)") == 0)
    }
}

@Suite("Correcting an award")
struct AwardCorrectionTests {
    @Test("the seeded 都發局 award gets its date; amount, status and history stay; audited as subsidy.correct")
    func seededAwardDate() throws {
        let test = try TestDatabase()
        let outcome = try test.database.awardSubsidy(id: 1, on: day("111/06/30"))
        #expect(outcome == AwardOutcome(id: 1, corrected: true, amount: Money(yuan: 5_000_000), on: try day("111/06/30")))
        let record = try test.database.subsidyDetail(id: 1).record
        #expect(record.value("status", row: 0) == .text("核定補助"))
        #expect(record.value("awardedAmount", row: 0) == .money(Money(yuan: 5_000_000)))
        #expect(record.value("awardedOn", row: 0) == .date(try day("111/06/30")))
        let history = try test.database.history(.subsidy, id: 1)
        #expect(history.rows.count == 1)
        #expect(history.value("onOrBefore", row: 0) == .bool(false))
        let audit = try #require(try test.read { try Row.fetchOne($0, sql: "SELECT * FROM audit_log WHERE action = 'subsidy.correct'") })
        #expect((audit["before"] as String?)?.contains("\"awarded_on\":null") == true)
        #expect((audit["after"] as String?)?.contains("\"awarded_on\":\"2022-06-30\"") == true)
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE action = 'subsidy.status'") == 0)
    }

    @Test("an awarded application's amount is corrected without a transition, also after work began")
    func amountCorrection() throws {
        let test = try TestDatabase()
        let id = try test.database.applyForSubsidy(agency: "都發局", title: "第二案", year: 111, round: 2, status: "報國發會複審", statusOn: day("111/09/01"))
        try test.database.awardSubsidy(id: id, amount: Money(yuan: 6_000_000), on: day("111/11/01"))
        try test.database.changeStatus(.subsidy, id: id, to: "規劃設計/發包", on: day("111/12/01"))
        let outcome = try test.database.awardSubsidy(id: id, amount: Money(yuan: 5_800_000))
        #expect(outcome == AwardOutcome(id: id, corrected: true, amount: Money(yuan: 5_800_000), on: try day("111/11/01")))
        #expect(try test.database.history(.subsidy, id: id).strings("status") == ["報國發會複審", "核定補助", "規劃設計/發包"])
        // A new date must keep the history in order.
        #expect(throws: PlacemakingError.statusDateOutOfOrder(date: try day("111/12/15"), notBefore: try day("111/09/01"), notAfter: try day("111/12/01"))) {
            try test.database.awardSubsidy(id: id, on: day("111/12/15"))
        }
        try test.database.awardSubsidy(id: id, on: day("111/10/20"))
        #expect(try test.database.history(.subsidy, id: id).strings("effectiveOn") == ["111/09/01", "111/10/20", "111/12/01"])
        #expect(throws: PlacemakingError.nothingToChange) { try test.database.awardSubsidy(id: id, amount: Money(yuan: 5_800_000), on: day("111/10/20")) }
    }

    @Test("an application not yet reviewed is not awarded")
    func notYetReviewed() throws {
        let test = try TestDatabase()
        let id = try test.database.applyForSubsidy(agency: "都發局", title: "草稿", year: 112, statusOn: day("112/01/02"))
        #expect(throws: PlacemakingError.transitionNotAllowed(.subsidy, id: id, from: "草擬", to: "核定補助", allowed: ["送市府", "撤案"])) {
            try test.database.awardSubsidy(id: id, amount: Money(yuan: 1), on: day("112/02/01"))
        }
    }
}

@Suite("Audit of an edit")
struct AuditEditTests {
    @Test("an edit logs the whole row before and after, with the actor and the action")
    func beforeAfter() throws {
        let test = try TestDatabase(login: "研考會承辦")
        try test.database.editPlan(id: 1, budget: Money(yuan: 19_680_000))
        let audit = try #require(try test.read { try Row.fetchOne($0, sql: "SELECT * FROM audit_log WHERE action = 'plan.edit'") })
        #expect(audit["actor"] == "研考會承辦")
        #expect(audit["entity_id"] == 1)
        let before = try #require(audit["before"] as String?), after = try #require(audit["after"] as String?)
        #expect(before.contains("\"budget\":null"))
        #expect(after.contains("\"budget\":19680000"))
        #expect(before.contains("\"status\":\"媒合成功\"") && after.contains("\"status\":\"媒合成功\""))
        let shown = try test.database.auditLog(table: .plan, id: 1, limit: 1)
        #expect(shown.strings("changes") == ["預算(元)：（空白） → 19,680,000"])
    }
}
