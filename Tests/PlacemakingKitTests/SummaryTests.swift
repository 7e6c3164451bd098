import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Programme summary")
struct SummaryTests {
    func date(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

    /// The source report's sentences (壹、二、(三) items 1–3 and the end of 壹、一、(三)) as printed,
    /// spaces around numbers included.
    enum Source {
        static let item1 = "截至 111 年 6 月底，本市六龜區、那瑪夏區、阿蓮區、鳳山區、甲仙區、海洋局等 6 個機關之創生計畫已由國發會媒合部會資源成功。"
        static let item2 = "積極與國發會南區輔導中心合作，陸續至燕巢、茂林、桃源、大樹等區實地輔導公所進行計畫提報及修正作業，並協助已媒合成功之機關滾動式提報事業提案。"
        static let item2Proposals = "111 年度共有六龜區及海洋局兩項計畫提報新增事業提案。"
        static let item3Award = "協助都發局提報「2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫」爭取國發會 111 年度「地方創生公有建築空間整備活化補助」，獲核定補助 500 萬元。"
        static let item3NextCall = "國發會預計 7 月份辦理第二次徵案，將持續輔導協助各機關提案爭取。"
        static let participation = "本府 111 年度公民參與計畫推動件數共 30 件，其中本府核定補助經費共計 13 件。"
    }

    /// Without spaces: the source sets numbers off with spaces, the generated prose does not.
    func normalised(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// Checks the figures of the source report, as of 111/06/30.
    func expectSourceFigures(_ s: ProgrammeSummary) {
        #expect(s.year == 111)
        #expect(s.asOf.iso == "2022-06-30")
        #expect(s.plans.matchedAgencies == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect(s.proposals.submitted.count == 2)
        #expect(s.proposals.agencies == ["六龜區", "海洋局"])
        #expect(s.visits.agencies == ["燕巢區", "茂林區", "桃源區", "大樹區"])
        #expect(s.subsidies.approvedCount == 1)
        #expect(s.subsidies.approvedAmount == Money(yuan: 5_000_000))
        #expect(s.subsidies.awarded.map(\.agency) == ["都發局"])
        #expect(s.cases.total == 30)
        #expect(s.cases.subsidized == 13)
        #expect(s.events.map(\.status) == ["延期"])
    }

    @Test("a new database gives the source report's figures as of 111/06/30")
    func sourceFigures() throws {
        let test = try TestDatabase()
        let summary = try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))
        expectSourceFigures(summary)
        #expect(summary.plans.total == 6)
        #expect(summary.plans.byPhase.first { $0.phase == .approved }?.count == 6)
        #expect(summary.plans.byPhase.map(\.phase) == Phase.allCases)
        #expect(summary.plans.matched.allSatisfy { $0.matchedOnOrBefore && $0.matchedOn.iso == "2022-06-30" })
        #expect(summary.subsidies.comingRounds.map(\.round) == [2])
    }

    /// Later changes, each dated after 111/06/30, through the repository API.
    func changeAfterCutOff(_ db: AppDatabase) throws {
        try db.changeStatus(.plan, id: 1, to: "執行中", on: date("111/07/01"))
        try db.changeStatus(.plan, id: 2, to: "撤案", on: date("111/07/15"))
        try db.submitPlan(agency: "旗山區", title: "旗山老街創生", submittedOn: date("111/08/01"), status: "已提報國發會")
        try db.fileProposal(plan: 1, title: "六龜第二期", submittedOn: date("111/08/05"), status: "提報")
        try db.recordVisit(agency: "旗山區", partner: "南區輔導中心", on: date("111/08/10"), purpose: "計畫修正")
        let application = try db.applyForSubsidy(agency: "海洋局", title: "漁港倉庫活化", year: 111, round: 2,
                                                  submittedOn: date("111/08/01"), status: "報國發會複審")
        try db.awardSubsidy(id: application, amount: Money(yuan: 3_000_000), on: date("111/10/01"))
        let newCase = try db.addCase(year: 111, title: "旗山參與式預算", agency: "旗山區", status: "審查", statusOn: date("111/08/01"))
        try db.changeStatus(.case, id: newCase, to: "核定補助", on: date("111/09/01"), amount: Money(yuan: 300_000))
        try db.changeStatus(.case, id: 1, to: "辦理中", on: date("111/09/15"))
        try db.changeStatus(.event, id: 1, to: "已排定", on: date("111/09/01"))
    }

    @Test("changes dated after the cut-off leave the figures as of 111/06/30 unchanged")
    func laterChangesDoNotCount() throws {
        let test = try TestDatabase()
        let before = try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))
        try changeAfterCutOff(test.database)
        let after = try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))
        expectSourceFigures(after)
        #expect(after == before)
        #expect(after.councilReport == before.councilReport)
    }

    @Test("at the end of the year the later changes count: a matched plan executing stays matched, a withdrawn one does not")
    func yearEnd() throws {
        let test = try TestDatabase()
        try changeAfterCutOff(test.database)
        let s = try test.database.programmeSummary(year: 111)
        #expect(s.asOf.iso == "2022-12-31")
        #expect(s.plans.total == 7)
        #expect(s.plans.matchedAgencies == ["六龜區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect(s.plans.matched.first?.status == "執行中")
        let phases = Dictionary(uniqueKeysWithValues: s.plans.byPhase.map { ($0.phase, $0.count) })
        #expect(phases[.approved] == 4 && phases[.executing] == 1 && phases[.withdrawn] == 1 && phases[.submitted] == 1)
        #expect(s.proposals.submitted.count == 3)
        #expect(s.proposals.planCount == 2)
        #expect(s.visits.agencies == ["燕巢區", "茂林區", "桃源區", "大樹區", "旗山區"])
        #expect(s.subsidies.approvedCount == 2)
        #expect(s.subsidies.approvedAmount == Money(yuan: 8_000_000))
        #expect(s.subsidies.comingRounds.isEmpty)
        #expect(s.cases.total == 31)
        // Case 1 went on to 辦理中: still subsidized; the new case was subsidized on 111/09/01.
        #expect(s.cases.subsidized == 14)
        #expect(s.cases.byAgency.map(\.agency) == ["旗山區", nil])
        #expect(s.events.map(\.status) == ["已排定"])

        let report = s.councilReport
        #expect(report.placemaking[1][1] == "111年度共有六龜區及海洋局兩項計畫提報3件新增事業提案。")
        #expect(report.placemaking[2][0] == "協助都發局提報「2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫」、海洋局提報「漁港倉庫活化」爭取國發會111年度「地方創生公有建築空間整備活化補助」，分別獲核定補助500萬元、300萬元，共計800萬元。")
        #expect(report.participation == "本府111年度公民參與計畫推動件數共31件，其中本府核定補助經費共計14件。")
    }

    @Test("records first dated after the as-of day do not exist yet, and matches made later are left out")
    func asOfBeforeRecords() throws {
        let test = try TestDatabase()
        let plan = try test.database.submitPlan(agency: "美濃區", title: "美濃客庄", status: "排入工作會議", statusOn: date("111/03/01"))
        try test.database.changeStatus(.plan, id: plan, to: "部分媒合", on: date("111/04/01"))
        try test.database.recordMatch(plan: plan, ministry: "經濟部", subsidy: Money(yuan: 12_450_000), investment: Money(yuan: 7_230_000), on: date("111/04/01"))
        try test.database.recordMatch(plan: plan, ministry: "農業部", subsidy: Money(yuan: 1_000_000), on: date("111/09/01"))
        let april = try test.database.programmeSummary(year: 111, asOf: date("111/04/15"))
        #expect(april.plans.total == 1)
        #expect(april.plans.matchedAgencies == ["美濃區"])
        #expect(april.plans.matchesByMinistry == [.init(ministry: "經濟部", plans: 1, subsidy: Money(yuan: 12_450_000), investment: Money(yuan: 7_230_000))])
        #expect(april.cases.total == 0 && april.visits.visits.isEmpty == false)  // undated visits from the report count in their year
        #expect(april.councilReport.placemaking[0][0] == "截至111年4月15日，本市美濃區之創生計畫已由國發會媒合部會資源成功。")
        // By the year's end the 農業部 match counts, under the name in force then (農委會).
        let december = try test.database.programmeSummary(year: 111, asOf: date("111/12/31"))
        #expect(december.plans.matchesByMinistry.map(\.ministry) == ["經濟部", "農委會"])
        #expect(december.plans.matchedAgencies.first == "美濃區")
    }

    @Test("the report's items match the source report's sentences figure for figure")
    func reportMatchesSource() throws {
        let test = try TestDatabase()
        let report = try test.database.programmeSummary(year: 111, asOf: date("111/06/30")).councilReport
        #expect(report.placemaking.count == 3)
        #expect(normalised(report.placemaking[0][0]) == normalised(Source.item1))
        #expect(normalised(report.placemaking[1][0]) == normalised(Source.item2))
        #expect(normalised(report.placemaking[1][1]) == normalised(Source.item2Proposals))
        #expect(normalised(report.placemaking[2][0]).hasPrefix(normalised(Source.item3Award)))
        // The second call's month (7月) is in the source's prose only: the call round's date is unknown,
        // so the sentence says a second call is coming without a month.
        #expect(report.placemaking[2][0].hasSuffix("國發會另將辦理第二次徵案，將持續輔導協助各機關提案爭取。"))
        #expect(normalised(report.participation) == normalised(Source.participation))
        #expect(report.title == "111年度地方創生與公民參與辦理情形（截至111年6月底）")
    }

    @Test("a call round with a known opening date gives the source's sentence with its month")
    func nextCallWithMonth() throws {
        let test = try TestDatabase()
        var summary = try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))
        summary.subsidies.comingRounds[0].opensOn = try date("111/07/01")
        let item = summary.councilReport.placemaking[2][0]
        #expect(normalised(item) == normalised(Source.item3Award + Source.item3NextCall))
    }

    @Test("with nothing on record the sentences say so instead of stating zeros")
    func zeroVariants() throws {
        let test = try TestDatabase()
        // The seeded facts are dated 111/06/30: at the end of 110 none of them existed.
        let s = try test.database.programmeSummary(year: 110)
        #expect(s.asOf.iso == "2021-12-31")
        #expect(s.plans.total == 0 && s.cases.total == 0 && s.proposals.submitted.isEmpty && s.visits.visits.isEmpty)
        let report = s.councilReport
        #expect(report.placemaking[0] == ["截至110年12月底，本市尚無機關提報創生計畫。"])
        #expect(report.placemaking[1] == ["110年度尚無實地輔導紀錄。", "110年度尚無計畫提報新增事業提案。"])
        #expect(report.placemaking[2] == ["110年度尚無機關提報爭取地方創生補助。"])
        #expect(report.participation == "本府110年度公民參與計畫尚無推動案件。")
        #expect(SummaryPage(s).html.components(separatedBy: "<svg").count - 1 == 3)
    }

    @Test("cases without a subsidy and a single visit read naturally")
    func smallVariants() throws {
        let test = try TestDatabase()
        try test.database.addCase(year: 112, title: "海洋局工作坊", agency: "海洋局", status: "計畫提報", statusOn: date("112/02/01"))
        try test.database.recordVisit(agency: "海洋局", on: date("112/03/01"))
        try test.database.submitPlan(agency: "旗山區", title: "旗山", status: "已提報國發會", statusOn: date("112/01/10"))
        let s = try test.database.programmeSummary(year: 112, asOf: date("112/03/31"))
        let report = s.councilReport
        #expect(report.participation == "本府112年度公民參與計畫推動件數共1件，尚無本府核定補助經費之案件。")
        #expect(report.placemaking[1][0] == "陸續至海洋局實地輔導，並協助已媒合成功之機關滾動式提報事業提案。")
        #expect(report.placemaking[0][0].hasPrefix("截至112年3月底，本市六龜區、那瑪夏區"))
    }

    @Test("the as-of day defaults to the end of the year, or today in the current year, and may not be in the future")
    func asOfRules() throws {
        let today = try date("115/11/27")
        #expect(try AppDatabase.summaryDay(year: 111, asOf: nil, today: today) == date("111/12/31"))
        #expect(try AppDatabase.summaryDay(year: 115, asOf: nil, today: today) == today)
        #expect(try AppDatabase.summaryDay(year: 111, asOf: date("112/03/01"), today: today) == date("112/03/01"))
        #expect(throws: PlacemakingError.summaryYearNotStarted(year: 116, today: today)) {
            try AppDatabase.summaryDay(year: 116, asOf: nil, today: today)
        }
        #expect(throws: PlacemakingError.summaryAsOfInFuture(date: try date("115/11/28"), today: today)) {
            try AppDatabase.summaryDay(year: 115, asOf: date("115/11/28"), today: today)
        }
        #expect(throws: PlacemakingError.summaryAsOfBeforeYear(year: 111, date: try date("110/12/31"))) {
            try AppDatabase.summaryDay(year: 111, asOf: date("110/12/31"), today: today)
        }
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.self) { try test.database.programmeSummary(year: 999) }
    }

    @Test("the cut-off reads 6月底 at a month's end and the full date otherwise")
    func cutOffWording() throws {
        #expect(CouncilReport.cutOff(try date("111/06/30")) == "111年6月底")
        #expect(CouncilReport.cutOff(try date("111/06/15")) == "111年6月15日")
        #expect(CouncilReport.cutOff(try date("113/02/29")) == "113年2月底")
        #expect(CouncilReport.cutOff(try date("111/02/28")) == "111年2月底")
        #expect(ChineseNumeral.count(2) == "兩" && ChineseNumeral.ordinal(2) == "二" && ChineseNumeral.count(12) == "12")
        #expect(CouncilReport.joinedWithAnd(["六龜區", "甲仙區", "海洋局"]) == "六龜區、甲仙區及海洋局")
    }

    @Test("the JSON object has the contracted keys with their types")
    func json() throws {
        let test = try TestDatabase()
        let text = try test.database.programmeSummary(year: 111, asOf: date("111/06/30")).json
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == 111)
        #expect(object["asOf"] as? String == "2022-06-30")
        let plans = try #require(object["plans"] as? [String: Any])
        #expect(plans["total"] as? Int == 6)
        #expect((plans["byPhase"] as? [String: Int]) == ["draft": 0, "submitted": 0, "reviewing": 0, "approved": 6, "rejected": 0,
                                                          "executing": 0, "closed": 0, "withdrawn": 0])
        #expect(plans["matchedAgencies"] as? [String] == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect((object["businessProposals"] as? [String: Any])?["submittedInYear"] as? Int == 2)
        #expect((object["counselingVisits"] as? [String: Any])?["agencies"] as? [String] == ["燕巢區", "茂林區", "桃源區", "大樹區"])
        let subsidies = try #require(object["subsidies"] as? [String: Any])
        #expect(subsidies["approvedCount"] as? Int == 1)
        #expect(subsidies["approvedAmount"] as? Int == 5_000_000)
        let cases = try #require(object["participationCases"] as? [String: Any])
        #expect(cases["total"] as? Int == 30)
        #expect(cases["subsidized"] as? Int == 13)
        #expect((object["events"] as? [[String: Any]])?.first?["status"] as? String == "延期")
    }

    @Test("the tables go to any sink, each row as wide as its columns")
    func tables() throws {
        let test = try TestDatabase()
        let summary = try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))
        var sink = CollectingSink()
        for (name, table) in summary.tables() { try table.send(to: &sink, sheet: name) }
        #expect(sink.tables.map(\.name) == ["摘要", "計畫階段", "媒合機關", "事業提案", "實地輔導", "補助申請", "公民參與", "活動"])
        for (name, table) in sink.tables {
            #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(name)")
            #expect(table.brief.map { Set($0).isSubset(of: table.columns.map(\.key)) } ?? true, "\(name)")
        }
        #expect(sink.tables[1].table.rows.last?.first == .text("合計"))
        #expect(sink.tables[5].table.value("awardedAmount", row: 0) == .money(Money(yuan: 5_000_000)))
        #expect(summary.tables(.english).first?.name == "headline")
    }

    @Test("the HTML page is self-contained: three charts, no network reference, text escaped")
    func html() throws {
        let test = try TestDatabase()
        try test.database.addEvent(title: "<script>alert(1)</script> & 講座", year: 111, plannedFrom: date("111/03/01"),
                                   plannedTo: date("111/03/02"), statusOn: date("111/03/01"))
        let html = SummaryPage(try test.database.programmeSummary(year: 111, asOf: date("111/06/30"))).html
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(!html.lowercased().contains("http"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 講座"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("截至 111年6月30日"))
        #expect(html.contains("500萬元"))
    }

    @Test("chart scales step by 1, 2 or 5 times a power of ten")
    func chartScale() {
        for (largest, top, step) in [(1.0, 1.0, 1.0), (6, 6, 2), (7, 8, 2), (30, 30, 10), (2368, 3000, 1000), (0.4, 1, 1)] {
            let scale = SVGBarChart.scale(largest)
            #expect(scale.top == top && scale.step == step, "\(largest)")
        }
    }
}
