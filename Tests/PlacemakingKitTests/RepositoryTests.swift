import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Repository writes")
struct RepositoryTests {
    func date(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

    @Test("the brief plan list, read without the match totals, shows what the full list shows in those columns; asked for, the totals are there")
    func leanPlanList() throws {
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "六龜區", title: "山城創生", submittedOn: try ROCDate.parse("111/03/01"))
        _ = try test.database.recordMatch(plan: id, ministry: "經濟部", subsidy: Money(yuan: 1_000), on: try ROCDate.parse("111/05/20"))
        func list(_ choice: ColumnChoice) throws -> ResultTable {
            var sink = CollectingSink()
            try test.database.list(.plan, columns: choice, into: &sink)
            return try #require(sink.tables.first?.table)
        }
        let full = try list(.all)
        #expect(try list(.brief).rows == full.choosing(.named(["id", "agency", "title", "status", "statusOn"])).rows)
        let totals = try list(.named(["id", "matches", "matchedSubsidy"]))
        #expect(totals.rows.contains { $0 == [.integer(id), .integer(1), .money(Money(yuan: 1_000))] }, "\(totals.rows.suffix(2))")
    }

    @Test("the plan query's columns are where the cells are read from, by position, in both its forms")
    func planQueryColumnsByPosition() throws {
        let test = try TestDatabase()
        for matches in [true, false] {
            let names = try test.database.writer.read { db in
                try db.makeStatement(sql: AppDatabase.planQuery(matches: matches) + " WHERE plan.id = :id").columnNames
            }
            #expect(names == AppDatabase.PlanQueryColumn.allCases.map(\.name))
        }
    }

    @Test("submitting a plan writes the plan, its first status and the audit log together")
    func submitPlan() throws {
        let test = try TestDatabase(login: "六龜區承辦")
        let id = try test.database.submitPlan(agency: "六龜區", title: "六龜山城創生", submittedOn: date("112/03/15"),
                                              budget: Money(yuan: 19_680_000), note: "第一版")
        let plan = try test.read { try Plan.fetchOne($0, key: id) }
        #expect(plan?.status == "構想盤點")
        #expect(plan?.submittedOn == "2023-03-15")
        #expect(plan?.budget == 19_680_000)
        let history = try test.database.history(.plan, id: id)
        #expect(history.strings("status") == ["構想盤點"])
        #expect(history.value("effectiveOn", row: 0) == .date(try date("112/03/15")))
        let audit = try test.read { try Row.fetchOne($0, sql: "SELECT * FROM audit_log WHERE entity = 'plan' AND entity_id = ?", arguments: [id]) }
        #expect(audit?["actor"] == "六龜區承辦")
        #expect(audit?["action"] == "plan.submit")
        #expect(audit?["before"] as String? == nil)
        #expect((audit?["after"] as String?)?.contains("\"title\":\"六龜山城創生\"") == true)
    }

    @Test("a plan can be entered at its current status on a past date")
    func submitAtStatus() throws {
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "臺北區".replacingOccurrences(of: "臺北", with: "美濃"), title: "美濃",
                                              status: "已提報國發會", statusOn: date("112/01/05"))
        #expect(try test.database.history(.plan, id: id).strings("effectiveOn") == ["112/01/05"])
    }

    @Test("status changes follow the transition table, are dated, and keep their history")
    func statusChanges() throws {
        let test = try TestDatabase()
        let id = try test.database.submitPlan(agency: "甲仙區", title: "甲仙芋見", statusOn: date("112/01/02"))
        try test.database.changeStatus(.plan, id: id, to: "輔導中", on: date("112/01/10"))
        try test.database.changeStatus(.plan, id: id, to: "city review", on: date("112/02/01"), note: "英文名稱也可")
        let change = try test.database.changeStatus(.plan, id: id, to: "已提報國發會", on: date("112/03/01"))
        #expect(change == StatusChange(kind: .plan, id: id, from: "市府初審", to: "已提報國發會", on: try date("112/03/01")))
        #expect(try test.database.history(.plan, id: id).strings("status") == ["構想盤點", "輔導中", "市府初審", "已提報國發會"])
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE entity = 'plan' AND entity_id = ? AND action = 'plan.status'", [id]) == 3)
        let before = try test.read { try String.fetchOne($0, sql: "SELECT before FROM audit_log WHERE action = 'plan.status' ORDER BY id DESC LIMIT 1") }
        #expect(before?.contains("\"status\":\"市府初審\"") == true)
    }

    @Test("refused status changes write nothing")
    func refusedStatusChanges() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.transitionNotAllowed(.plan, id: 1, from: "媒合成功", to: "構想盤點", allowed: ["執行中", "撤案"])) {
            try test.database.changeStatus(.plan, id: 1, to: "構想盤點")
        }
        #expect(throws: PlacemakingError.unknownStatus(.plan, "不存在的狀態", known: ["構想盤點", "輔導中", "市府初審", "已提報國發會", "部會聯合現勘", "排入工作會議", "媒合成功", "部分媒合", "退回修正", "未獲媒合", "執行中", "暫停", "結案", "撤案"])) { try test.database.changeStatus(.plan, id: 1, to: "不存在的狀態") }
        #expect(throws: PlacemakingError.notFound(.plan, table: "plan", id: 999)) { try test.database.changeStatus(.plan, id: 999, to: "執行中") }
        // Before the current status's date (111/06/30), or in the future.
        #expect(throws: PlacemakingError.statusDateOutOfOrder(date: try date("111/06/01"), notBefore: try date("111/06/30"), notAfter: nil)) { try test.database.changeStatus(.plan, id: 1, to: "執行中", on: date("111/06/01")) }
        #expect(throws: PlacemakingError.dateInFuture(.status, date: try date("999/01/01"), today: ROCDate.today)) { try test.database.changeStatus(.plan, id: 1, to: "執行中", on: date("999/01/01")) }
        // An amount only comes with an approval of a subsidy or a case.
        #expect(throws: PlacemakingError.amountNotGranted(.plan, status: "執行中")) { try test.database.changeStatus(.plan, id: 1, to: "執行中", amount: Money(yuan: 1)) }
        #expect(try test.tableCounts() == counts)
    }

    @Test("recording and editing a ministry's match")
    func matches() throws {
        let test = try TestDatabase()
        let id = try test.database.recordMatch(plan: 1, ministry: "經濟部", subsidy: Money(yuan: 12_450_000),
                                               investment: Money(yuan: 7_230_000), meeting: "第46次工作會議", on: date("111/05/20"))
        let table = try test.database.matches(plan: 1)
        #expect(table.value("total", row: 0) == .money(Money(yuan: 19_680_000)))
        try test.database.editMatch(id: id, investment: Money(yuan: 8_000_000))
        #expect(try test.database.matches(year: 111).value("investmentAmount", row: 0) == .money(Money(yuan: 8_000_000)))
        #expect(throws: PlacemakingError.wrongAgencyKind("六龜區", expected: "中央部會")) { try test.database.recordMatch(plan: 1, ministry: "六龜區") }  // not a ministry
        #expect(throws: PlacemakingError.nothingToChange) { try test.database.editMatch(id: id) }
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE entity = 'plan_match'") == 2)
        #expect(try test.database.planDetail(id: 1).sections.first?.table.rows.count == 1)
    }

    @Test("filing, editing and advancing a business proposal")
    func proposals() throws {
        let test = try TestDatabase()
        let id = try test.database.fileProposal(plan: 1, title: "山城旅宿", submittedOn: date("112/05/02"), amount: Money(yuan: 3_000_000), ministry: "經濟部")
        #expect(try test.database.proposals(ProposalFilter(year: 112)).strings("title") == ["山城旅宿"])
        try test.database.editProposal(id: id, title: "山城旅宿整備")
        try test.database.changeStatus(.proposal, id: id, to: "提報", on: date("112/05/03"))
        #expect(try test.database.proposalDetail(id: id).record.value("status", row: 0) == .text("提報"))
        #expect(throws: PlacemakingError.notFound(.plan, table: "plan", id: 42)) { try test.database.fileProposal(plan: 42, title: "x") }
    }

    @Test("recording and editing a counseling visit")
    func visits() throws {
        let test = try TestDatabase()
        let id = try test.database.recordVisit(agency: "大樹", partner: "南區輔導中心", on: date("112/08/10"), purpose: "計畫修正")
        #expect(try test.database.visits(year: 112).strings("agency") == ["大樹區"])
        try test.database.editVisit(id: id, purpose: "計畫提報")
        #expect(try test.database.visitDetail(id: id).record.value("purpose", row: 0) == .text("計畫提報"))
        #expect(throws: PlacemakingError.wrongAgencyKind("國發會", expected: "區公所或市府局處")) { try test.database.recordVisit(agency: "國發會") }  // a ministry is not visited
    }

    @Test("applying for and awarding a subsidy; the call round is created when new")
    func subsidies() throws {
        let test = try TestDatabase()
        let id = try test.database.applyForSubsidy(agency: "都發局", title: "第二案", year: 111, round: 2, requested: Money(yuan: 8_000_000),
                                                   submittedOn: date("111/07/20"))
        #expect(try test.count("SELECT count(*) FROM call_round WHERE year = 111") == 2)  // round 2 was seeded
        let roundThree = try test.database.applyForSubsidy(agency: "六龜區", title: "第三案", year: 112, round: 1)
        #expect(try test.count("SELECT count(*) FROM call_round") == 3)
        #expect(throws: PlacemakingError.transitionNotAllowed(.subsidy, id: id, from: "草擬", to: "核定補助", allowed: ["送市府", "撤案"])) {
            try test.database.awardSubsidy(id: id, amount: Money(yuan: 1))
        }
        for (status, day) in [("送市府", "111/07/21"), ("市府初審", "111/08/01"), ("報國發會複審", "111/09/01")] {
            try test.database.changeStatus(.subsidy, id: id, to: status, on: date(day))
        }
        try test.database.awardSubsidy(id: id, amount: Money(yuan: 6_000_000), on: date("111/11/01"))
        let detail = try test.database.subsidyDetail(id: id).record
        #expect(detail.value("awardedAmount", row: 0) == .money(Money(yuan: 6_000_000)))
        #expect(detail.value("awardedOn", row: 0) == .date(try date("111/11/01")))
        try test.database.editSubsidy(id: roundThree, requested: Money(yuan: 1_000_000))
        #expect(throws: PlacemakingError.invalidValue(field: "補助計畫", value: "沒有這個計畫", hint: "可用的補助計畫：地方創生公有建築空間整備活化補助")) { try test.database.applyForSubsidy(agency: "都發局", title: "x", year: 111, programme: "沒有這個計畫") }
    }

    @Test("adding, editing and approving a participation case")
    func cases() throws {
        let test = try TestDatabase()
        let id = try test.database.addCase(year: 112, title: "社區參與式預算", agency: "文化局", method: "參與式預算", statusOn: date("112/01/02"))
        try test.database.changeStatus(.case, id: id, to: "審查", on: date("112/02/01"))
        try test.database.changeStatus(.case, id: id, to: "核定補助", on: date("112/03/01"), amount: Money(yuan: 300_000))
        let row = try test.database.caseDetail(id: id).record
        #expect(row.value("subsidized", row: 0) == .bool(true))
        #expect(row.value("subsidyAmount", row: 0) == .money(Money(yuan: 300_000)))
        // The status says it is subsidized: the flag follows the status, the amount may be corrected.
        #expect(throws: PlacemakingError.subsidyContradictsStatus(status: "核定補助", subsidized: true)) {
            try test.database.editCase(id: id, subsidized: false)
        }
        try test.database.editCase(id: id, subsidy: Money(yuan: 350_000))
        #expect(try test.database.caseDetail(id: id).record.value("subsidyAmount", row: 0) == .money(Money(yuan: 350_000)))
        #expect(throws: PlacemakingError.invalidValue(field: "補助金額", value: "1", hint: "未獲補助的案件不能有補助金額；請去掉 --subsidized no")) {
            try test.database.editCase(id: id, subsidized: false, subsidy: Money(yuan: 1))
        }
        #expect(try test.database.cases(CaseFilter(year: 112)).rows.count == 1)
    }

    @Test("adding, postponing and editing an event")
    func events() throws {
        let test = try TestDatabase()
        let id = try test.database.addEvent(title: "地方創生工作坊", kind: "工作坊", organiser: "研考會", partner: "人發中心",
                                            plannedFrom: date("112/06/01"), plannedTo: date("112/06/30"), statusOn: date("112/01/01"))
        try test.database.changeStatus(.event, id: id, to: "延期", on: date("112/05/20"), note: "疫情")
        try test.database.editEvent(id: id, plannedFrom: date("112/09/01"), plannedTo: date("112/09/30"))
        #expect(try test.database.events(year: 112).value("plannedFrom", row: 0) == .date(try date("112/09/01")))
        #expect(throws: PlacemakingError.invalidValue(field: "預定期間", value: "112/09/01–112/08/01", hint: "結束日不可早於開始日")) { try test.database.editEvent(id: id, plannedTo: date("112/08/01")) }
        #expect(try test.database.history(.event, id: id).strings("note") == ["", "疫情"])
    }

    @Test("bad input writes nothing: unknown agency, blank title, missing records")
    func refusedWrites() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.unknownAgency("台北市", suggestions: [])) { try test.database.submitPlan(agency: "台北市", title: "x") }
        #expect(throws: PlacemakingError.emptyValue(field: "計畫名稱")) { try test.database.submitPlan(agency: "六龜區", title: "  \n") }
        #expect(throws: PlacemakingError.wrongAgencyKind("經濟部", expected: "區公所或市府局處")) { try test.database.submitPlan(agency: "經濟部", title: "x") }  // ministries do not propose
        #expect(throws: PlacemakingError.notFound(.plan, table: "plan", id: 999)) { try test.database.editPlan(id: 999, title: "x") }
        #expect(throws: PlacemakingError.nothingToChange) { try test.database.editPlan(id: 1) }
        #expect(throws: PlacemakingError.dateInFuture(.submitted, date: try date("999/01/01"), today: ROCDate.today)) { try test.database.submitPlan(agency: "六龜區", title: "x", submittedOn: date("999/01/01")) }
        #expect(try test.tableCounts() == counts)
    }

    @Test("agency names: 臺 and 台 match, full names and names without 區 resolve, misses suggest")
    func agencyNames() throws {
        let test = try TestDatabase()
        #expect(try test.database.agency(named: "高雄市六龜區公所").name == "六龜區")
        #expect(try test.database.agency(named: "那瑪夏").name == "那瑪夏區")
        #expect(throws: PlacemakingError.unknownAgency("六龜鄉", suggestions: ["六龜區"])) { try test.database.agency(named: "六龜鄉") }
    }

    @Test("titles with SQL, emoji and blanks are stored and read back verbatim (newlines: TextRulesTests)")
    func verbatimText() throws {
        let test = try TestDatabase()
        for title in ["'; DROP TABLE plan; --", "海洋🌊創生 第二行 👩‍👩‍👧", "  前後空白  ", "\"quoted\" \\ back"] {
            let id = try test.database.submitPlan(agency: "海洋局", title: title)
            #expect(try test.read { try String.fetchOne($0, sql: "SELECT title FROM plan WHERE id = ?", arguments: [id]) } == title)
            #expect(try test.database.planDetail(id: id).record.value("title", row: 0) == .text(title))
        }
        #expect(try test.count("SELECT count(*) FROM plan") == 10)
    }
}

@Suite("Acting for one agency")
struct ScopeTests {
    @Test("a district office acting for itself changes its own records and no one else's")
    func scopedWrites() throws {
        let test = try TestDatabase()
        let liugui = try test.database.agency(named: "六龜區")
        let scoped = try test.database.acting(for: liugui.id)
        let counts = try test.tableCounts()
        // 那瑪夏區's plan (#2), a plan for 甲仙區, a case with no agency, a proposal under 海洋局's plan (#6).
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: "那瑪夏區")) {
            try scoped.changeStatus(.plan, id: 2, to: "執行中", on: ROCDate.parse("111/07/01"))
        }
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: "那瑪夏區")) { try scoped.editPlan(id: 2, title: "x") }
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: "甲仙區")) { try scoped.submitPlan(agency: "甲仙區", title: "x") }
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: nil)) { try scoped.addCase(year: 112, title: "x") }
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: "海洋局")) { try scoped.fileProposal(plan: 6, title: "x") }
        // Nor may it hand its own plan to another agency.
        #expect(throws: PlacemakingError.outsideScope(acting: "六龜區", owner: "甲仙區")) { try scoped.editPlan(id: 1, agency: "甲仙區") }
        #expect(try test.tableCounts() == counts)

        try scoped.changeStatus(.plan, id: 1, to: "執行中", on: ROCDate.parse("111/07/01"))
        let id = try scoped.submitPlan(agency: "六龜區", title: "自己的計畫")
        try scoped.fileProposal(plan: 1, title: "自己的提案")
        #expect(try test.read { try String.fetchOne($0, sql: "SELECT actor FROM audit_log WHERE entity = 'plan' AND entity_id = ?", arguments: [id]) } == "tester（六龜區）")
        // Without a scope (研考會's staff), everything may change.
        try test.database.changeStatus(.plan, id: 2, to: "執行中", on: ROCDate.parse("111/07/01"))
    }
}
