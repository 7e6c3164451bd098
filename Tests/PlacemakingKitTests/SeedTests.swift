import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Seed data: the facts of the 111 half-year report")
struct SeedTests {
    @Test("the approved plans are those of exactly the six agencies of the report")
    func matchedPlans() throws {
        let test = try TestDatabase()
        let approved = try test.database.plans(PlanFilter(phase: .approved))
        #expect(Set(approved.strings("agency")) == ["六龜區", "那瑪夏區", "阿蓮區", "鳳山區", "甲仙區", "海洋局"])
        #expect(approved.rows.count == 6)
        #expect(Set(approved.strings("status")) == ["媒合成功"])
        // Nothing the report does not say: no titles, no matches, no amounts.
        #expect(approved.rows.allSatisfy { $0[2] == .null })
        #expect(try test.count("SELECT count(*) FROM plan_match") == 0)
        #expect(try test.database.plans(PlanFilter(year: 111)).rows.count == 6)
        #expect(try test.database.plans(PlanFilter(year: 110)).rows.isEmpty)
    }

    @Test("30 participation cases in 111, 13 with city subsidies, all marked as placeholders")
    func cases() throws {
        let test = try TestDatabase()
        let all = try test.database.cases(CaseFilter(year: 111))
        #expect(all.rows.count == 30)
        #expect(try test.database.cases(CaseFilter(year: 111, subsidized: true)).rows.count == 13)
        #expect(try test.count("SELECT count(*) FROM participation_case WHERE is_placeholder = 1 AND agency_id IS NULL AND subsidy_amount IS NULL") == 30)
    }

    @Test("visits, proposals, the award and the postponed workshop")
    func otherFacts() throws {
        let test = try TestDatabase()
        #expect(Set(try test.database.visits(year: 111).strings("agency")) == ["燕巢區", "茂林區", "桃源區", "大樹區"])
        #expect(Set(try test.database.visits().strings("partner")) == ["南區輔導中心"])
        #expect(Set(try test.database.proposals(ProposalFilter(year: 111)).strings("agency")) == ["六龜區", "海洋局"])

        let awards = try test.database.subsidies(SubsidyFilter(year: 111, phase: .approved))
        #expect(awards.rows.count == 1)
        #expect(awards.value("agency", row: 0) == .text("都發局"))
        #expect(awards.value("awardedAmount", row: 0) == .money(Money(yuan: 5_000_000)))
        #expect(awards.value("title", row: 0) == .text("2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫"))

        let events = try test.database.events(year: 111)
        #expect(events.strings("status") == ["延期"])
        #expect(events.value("organiser", row: 0) == .text("研考會"))
        #expect(events.value("partner", row: 0) == .text("人發中心"))
    }

    @Test("reference data: 38 districts with their town codes, status vocabularies with one initial status each")
    func referenceData() throws {
        let test = try TestDatabase()
        let districts = try test.database.agencies(kind: .district)
        #expect(districts.count == 38)
        #expect(districts.first?.townCode == "64000010" && districts.first?.name == "鹽埕區")
        #expect(districts.last?.townCode == "64000380" && districts.last?.name == "那瑪夏區")
        #expect(Set(districts.filter(\.isIndigenous).map(\.name)) == ["茂林區", "桃源區", "那瑪夏區"])
        for kind in RecordKind.allCases {
            #expect(try test.database.statuses(kind).filter(\.isInitial).count == 1, "\(kind)")
        }
    }

    @Test("every seeded fact carries its provenance, a dated status and an audit entry")
    func provenance() throws {
        let test = try TestDatabase()
        for table in ["plan", "business_proposal", "counseling_visit", "subsidy_application", "participation_case", "event"] {
            #expect(try test.count("SELECT count(*) FROM \(table) WHERE source_id <> 'rdec-111h1' OR source_section IS NULL") == 0, "\(table)")
            #expect(try test.count("SELECT count(*) FROM \(table) t WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = '\(table)' AND a.entity_id = t.id AND a.actor = 'seed')") == 0, "\(table)")
        }
        #expect(try test.count("SELECT count(*) FROM status_history WHERE effective_on = '2022-06-30' AND on_or_before = 1") ==
                6 + 2 + 1 + 1 + 30)
        #expect(try test.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }
}
