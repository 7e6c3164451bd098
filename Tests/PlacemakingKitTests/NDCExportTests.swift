import Foundation
import Testing
@testable import PlacemakingKit

/// The NDC-matching status workbook, as of a day, on a real ledger file.
@Suite("NDC export")
struct NDCExportTests {
    func workbook(_ database: AppDatabase, _ filter: NDCExportFilter) throws -> [String: ResultTable] {
        var sink = CollectingSink()
        try database.exportNDC(filter, into: &sink)
        sink.finish()
        return Dictionary(uniqueKeysWithValues: sink.tables.map { ($0.name, $0.table) })
    }

    func date(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

    @Test("on a new ledger the sheets hold the report's facts, statuses dated 前 where only a bound is known")
    func facts() throws {
        let test = try TestDatabase()
        let book = try workbook(test.database, NDCExportFilter(year: 111, asOf: try date("111/06/30")))
        #expect(book.keys.sorted() == NDCSheet.allCases.map(\.name).sorted())
        let plans = try #require(book["計畫"])
        #expect(plans.strings("agency") == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect(plans.rows.allSatisfy { $0[3] == .text("媒合成功") })
        #expect(plans.value("statusOn", row: 0) == .dateOnOrBefore(try date("111/06/30")))
        #expect(book["事業提案"]?.strings("agency") == ["六龜區", "海洋局"])
        #expect(book["實地輔導"]?.strings("agency") == ["燕巢區", "茂林區", "桃源區", "大樹區"])
        #expect(book["補助申請"]?.value("awardedAmount", row: 0) == .money(Money(yuan: 5_000_000)))
        #expect(book["部會媒合"]?.rows.isEmpty == true)
    }

    @Test("later changes do not alter the workbook as of an earlier day; matches add up per plan")
    func asOf() throws {
        let test = try TestDatabase()
        let db = test.database
        try db.recordMatch(plan: 1, ministry: "經濟部", subsidy: Money(yuan: 12_450_000), investment: Money(yuan: 7_230_000),
                           meeting: "第46次工作會議", on: try date("111/05/20"))
        try db.recordMatch(plan: 1, ministry: "文化部", subsidy: Money(yuan: 1_000_000), on: try date("111/09/01"))
        try db.changeStatus(.plan, id: 1, to: "執行中", on: try date("111/07/01"))
        let then = try workbook(db, NDCExportFilter(asOf: try date("111/06/30")))
        let plans = try #require(then["計畫"])
        #expect(plans.value("status", row: 0) == .text("媒合成功"))
        #expect(plans.value("ministries", row: 0) == .text("經濟部"))
        #expect(plans.value("matchedSubsidy", row: 0) == .money(Money(yuan: 12_450_000)))
        #expect(then["部會媒合"]?.rows.count == 1)
        let now = try workbook(db, NDCExportFilter())
        #expect(now["計畫"]?.value("status", row: 0) == .text("執行中"))
        #expect(now["計畫"]?.value("matchedSubsidy", row: 0) == .money(Money(yuan: 13_450_000)))
        #expect(now["部會媒合"]?.rows.count == 2)
        // Before the facts were true, there was nothing to report.
        let before = try workbook(db, NDCExportFilter(asOf: try date("100/01/01")))
        #expect(before["計畫"]?.rows.isEmpty == true)
    }

    @Test("an agency filter keeps that agency's rows on every sheet")
    func agency() throws {
        let test = try TestDatabase()
        let book = try workbook(test.database, NDCExportFilter(agency: "高雄市六龜區公所"))
        #expect(book["計畫"]?.strings("agency") == ["六龜區"])
        #expect(book["事業提案"]?.strings("agency") == ["六龜區"])
        #expect(book["實地輔導"]?.rows.isEmpty == true)
    }

    @Test("a match keeps the ministry's name valid on its date (農委會 in 111, 農業部 after 112/08/01)")
    func namesOnTheirDate() throws {
        let test = try TestDatabase()
        try test.database.recordMatch(plan: 1, ministry: "農委會", on: try date("111/05/20"))
        try test.database.recordMatch(plan: 2, ministry: "農委會", on: try date("112/09/01"))
        #expect(try test.database.matches().strings("ministry") == ["農委會", "農業部"])
        let book = try workbook(test.database, NDCExportFilter())
        #expect(book["部會媒合"]?.strings("ministry") == ["農委會", "農業部"])
        #expect(book["計畫"]?.value("ministries", row: 0) == .text("農委會"))
    }
}
