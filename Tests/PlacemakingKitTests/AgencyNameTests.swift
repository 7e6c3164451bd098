import Foundation
import GRDB
import Testing
@testable import PlacemakingKit

@Suite("Agency names as people write them")
struct AgencyNameTests {
    private func date(_ text: String) throws -> ROCDate { try ROCDate.parse(text) }

    @Test("a name holding a NUL or a lone mark is refused with suggestions, not a trap (Foundation's contains traps on a NUL)")
    func controlCharactersInNames() throws {
        let test = try TestDatabase()
        for typed in ["山\0", "\0", "\u{301}六龜", "六\0"] {
            #expect(throws: PlacemakingError.self) { try test.database.agency(named: typed) }
        }
        #expect("高雄市六龜區".containsScalars("六龜") && !"六龜".containsScalars("六龜區") && "a\0b".containsScalars("\0b"))
    }

    @Test("short, formal and district names resolve, with spaces and full-width spaces ignored")
    func forms() throws {
        let test = try TestDatabase()
        for typed in ["六龜區", "六龜區公所", "高雄市六龜區公所", "六龜", " 六龜區公所　", "高雄市 六龜區公所"] {
            #expect(try test.database.agency(named: typed).name == "六龜區", "\(typed)")
        }
        #expect(try test.database.agency(named: "高雄市政府海洋局").name == "海洋局")
        #expect(try test.database.agency(named: "都市發展局").name == "都發局")
        #expect(try test.database.agency(named: "客家委員會").name == "客委會")
        // A district typed with its formal name is accepted where a proposing agency is expected.
        let id = try test.database.submitPlan(agency: "六龜區公所", title: "十八羅漢山再生")
        #expect(try test.read { try String.fetchOne($0, sql: "SELECT a.name FROM plan p JOIN agency a ON a.id = p.agency_id WHERE p.id = ?", arguments: [id]) } == "六龜區")
    }

    @Test("臺 and 台 match both ways in names that contain them")
    func taiVariants() throws {
        let test = try TestDatabase()
        let port = try test.database.addAgency(name: "高雄港務分公司", fullName: "臺灣港務股份有限公司高雄港務分公司", kind: .partner)
        let tainan = try test.database.addAgency(name: "台南市政府", kind: .partner)
        #expect(try test.database.agency(named: "台灣港務股份有限公司高雄港務分公司").id == port)
        #expect(try test.database.agency(named: "臺灣港務股份有限公司高雄港務分公司").id == port)
        #expect(try test.database.agency(named: "臺南市政府").id == tainan)
        #expect(try test.database.agency(named: "台南市政府").id == tainan)
    }

    @Test("earlier names find today's agency: 農委會 is 農業部's row, and its name on a 111 date is 農委會")
    func formerNames() throws {
        let test = try TestDatabase()
        let moa = try test.database.agency(named: "農業部")
        #expect(try test.database.agency(named: "農委會") == moa)
        #expect(try test.database.agency(named: "行政院農業委員會") == moa)
        #expect(try test.database.agency(named: "科技部").name == "國科會")
        #expect(try test.database.agency(named: "環保署").name == "環境部")
        #expect(try test.database.agency(named: "交通部觀光局").name == "交通部觀光署")
        #expect(try test.database.agency(named: "勞委會").name == "勞動部")
        #expect(try test.database.agency(named: "文建會").name == "文化部")
        #expect(try test.database.agency(named: "行政院衛生署").name == "衛福部")
        #expect(try test.database.agency(named: "經建會").name == "國發會")
        #expect(try test.database.agency(named: "原住民族委員會").name == "原民會")
        #expect(try test.database.agency(named: "數位部").name == "數位發展部")
        // 研考會 is the city's own commission, not the NDC's predecessor.
        #expect(try test.database.agency(named: "研考會").kind == .bureau)

        // A 111 match recorded with the ministry's name of the time lands on today's row.
        let match = try test.database.recordMatch(plan: 1, ministry: "農委會", on: date("111/05/20"))
        #expect(try test.count("SELECT count(*) FROM plan_match WHERE id = ? AND ministry_id = ?", [match, moa.id]) == 1)
        // The name in force on a date: 農委會 until 112/07/31, 農業部 from 112/08/01.
        let id = moa.id
        #expect(try test.database.agencyName(id: id, on: date("111/05/20")) == "農委會")
        #expect(try test.database.agencyName(id: id, on: date("112/07/31")) == "農委會")
        #expect(try test.database.agencyName(id: id, on: date("112/08/01")) == "農業部")
        #expect(try test.database.agencyName(id: id, on: nil) == "農業部")
        #expect(try test.database.agencyName(id: test.database.agency(named: "經濟部").id, on: date("111/05/20")) == "經濟部")
    }

    @Test("the Executive Yuan's ministries and councils are on record, each once, with a source")
    func centralAgencies() throws {
        let test = try TestDatabase()
        for name in ["教育部", "內政部", "外交部", "國防部", "財政部", "法務部", "經濟部", "交通部", "勞動部", "農業部",
                     "衛生福利部", "環境部", "文化部", "數位發展部", "國家發展委員會", "國家科學及技術委員會", "大陸委員會",
                     "金融監督管理委員會", "海洋委員會", "僑務委員會", "國軍退除役官兵輔導委員會", "原住民族委員會", "客家委員會"] {
            #expect(try test.database.agency(named: name).kind == .ministry, "\(name)")
        }
        #expect(try test.count("SELECT count(*) FROM agency WHERE kind = 'ministry'") == 25)
        #expect(try test.count("SELECT count(*) FROM agency WHERE kind = 'ministry' AND sort_order > 207 AND source_id IS NULL") == 0)
        #expect(try test.count("SELECT count(*) FROM agency_name WHERE kind = 'former' AND source_id IS NULL") == 0)
        #expect(try test.count("SELECT count(*) FROM agency a WHERE NOT EXISTS (SELECT 1 FROM agency_name n WHERE n.agency_id = a.id AND n.kind = 'short' AND n.name = a.name)") == 0)
    }

    @Test("a misspelt ministry suggests ministries, not districts or bureaus")
    func suggestionsByKind() throws {
        let test = try TestDatabase()
        #expect(throws: PlacemakingError.unknownAgency("經齊部", suggestions: ["經濟部"])) {
            try test.database.recordMatch(plan: 1, ministry: "經齊部")
        }
        // 文化處 looks like the city's 文化局 and the ministry 文化部: a ministry is expected, so only 文化部.
        #expect(throws: PlacemakingError.unknownAgency("文化處", suggestions: ["文化部"])) {
            try test.database.recordMatch(plan: 1, ministry: "文化處")
        }
        #expect(throws: PlacemakingError.unknownAgency("文化處", suggestions: ["文化局", "文化部"])) {
            try test.database.agency(named: "文化處")
        }
        #expect(throws: PlacemakingError.unknownAgency("六龜鄉", suggestions: ["六龜區"])) {
            try test.database.submitPlan(agency: "六龜鄉", title: "x")
        }
    }

    @Test("agency add: audited, with derived and given names; refused when acting for 六龜區")
    func addAgency() throws {
        let test = try TestDatabase()
        let liugui = try test.database.agency(named: "六龜區")
        let scoped = try test.database.acting(for: liugui.id)
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.agenciesKeptByRDEC(acting: "六龜區")) {
            try scoped.addAgency(name: "中山大學", fullName: "國立中山大學", kind: .partner)
        }
        #expect(throws: PlacemakingError.agenciesKeptByRDEC(acting: "六龜區")) { try scoped.editAgency(id: 1, aliases: ["鹽埕埔"]) }
        #expect(try test.tableCounts() == counts)

        let id = try test.database.addAgency(name: "中山大學", fullName: "國立中山大學", kind: .partner, aliases: ["中山"])
        #expect(try test.database.agency(named: "國立中山大學").id == id)
        #expect(try test.database.agency(named: "中山").id == id)
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE action = 'agency.add' AND entity = 'agency' AND entity_id = ? AND actor = 'tester'", [id]) == 1)
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE action = 'agency.name' AND entity = 'agency_name'") == 3)

        // A bureau gets its name without 高雄市政府; a district its name without 區 and 高雄市.
        let bureau = try test.database.addAgency(name: "青年局", fullName: "高雄市政府青年局", kind: .bureau)
        #expect(try test.database.agency(named: "高雄市政府青年局").id == bureau)
        #expect(Database.derivedAliases(name: "甲仙區", fullName: "高雄市甲仙區公所", kind: .district) == ["甲仙區公所", "甲仙"])
        #expect(throws: PlacemakingError.invalidValue(field: "區碼 town code", value: "123",
                                                      hint: "只有區公所有區碼，格式為 64000NN0，例如 64000320（六龜區）")) {
            try test.database.addAgency(name: "某區", kind: .district, townCode: "123")
        }
    }

    @Test("duplicate names are refused, whatever kind of name they clash with, and nothing is written")
    func duplicates() throws {
        let test = try TestDatabase()
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.agencyNameTaken("教育部", owner: "教育部")) {
            try test.database.addAgency(name: "教育部", kind: .ministry)
        }
        #expect(throws: PlacemakingError.agencyNameTaken("農委會", owner: "農業部")) {
            try test.database.addAgency(name: "農委會", kind: .ministry)
        }
        #expect(throws: PlacemakingError.agencyNameTaken("高雄市 六龜區公所", owner: "六龜區")) {
            try test.database.addAgency(name: "新區", fullName: "高雄市 六龜區公所", kind: .district)
        }
        #expect(throws: PlacemakingError.agencyNameTaken("六龜", owner: "六龜區")) {
            try test.database.editAgency(id: test.database.agency(named: "甲仙區").id, aliases: ["六龜"])
        }
        #expect(try test.tableCounts() == counts)

        _ = try test.database.addAgency(name: "台灣港務", kind: .partner)
        let added = try test.tableCounts()
        #expect(throws: PlacemakingError.agencyNameTaken("臺灣港務", owner: "台灣港務")) {
            try test.database.addAgency(name: "臺灣港務", kind: .partner)
        }
        #expect(throws: PlacemakingError.agencyNameTaken("台灣 港務", owner: "台灣港務")) {
            try test.database.addAgency(name: "港務", fullName: "台灣 港務", kind: .partner)
        }
        #expect(try test.tableCounts() == added)
    }

    @Test("agency edit --name --on renames, keeping the old name as former until that day")
    func rename() throws {
        let test = try TestDatabase()
        let id = try test.database.addAgency(name: "青年局", fullName: "高雄市政府青年局", kind: .bureau)
        try test.database.editAgency(id: id, name: "青年發展局", fullName: "高雄市政府青年發展局", on: date("115/01/01"))
        #expect(try test.database.agency(named: "青年發展局").id == id)
        #expect(try test.database.agency(named: "青年局").id == id)         // the old name still finds it
        #expect(try test.database.agency(named: "高雄市政府青年局").id == id)
        #expect(try test.database.agencyName(id: id, on: date("114/12/31")) == "青年局")
        #expect(try test.database.agencyName(id: id, on: date("115/01/01")) == "青年發展局")
        #expect(try test.count("SELECT count(*) FROM agency_name WHERE agency_id = ? AND kind = 'former' AND valid_to = '2026-01-01'", [id]) == 2)
        #expect(try test.count("SELECT count(*) FROM audit_log WHERE action = 'agency.edit' AND entity_id = ?", [id]) == 1)

        // Only 臺/台 or spacing: a correction in place, no former name.
        let partner = try test.database.addAgency(name: "台灣港務", kind: .partner)
        try test.database.editAgency(id: partner, name: "臺灣港務")
        #expect(try test.count("SELECT count(*) FROM agency_name WHERE agency_id = ? AND kind = 'former'", [partner]) == 0)
        #expect(try test.database.agency(named: "台灣港務").name == "臺灣港務")
        #expect(throws: PlacemakingError.nothingToChange) { try test.database.editAgency(id: partner) }
        #expect(throws: PlacemakingError.notFound(nil, table: "agency", id: 9999)) { try test.database.editAgency(id: 9999, name: "x") }
    }

    @Test("a renaming dated before the name began is refused")
    func renameBeforeStart() throws {
        let test = try TestDatabase()
        let moa = try test.database.agency(named: "農業部").id
        let counts = try test.tableCounts()
        #expect(throws: PlacemakingError.invalidValue(field: "改名日期 --on", value: "112/01/01", hint: "須晚於「農業部」的啟用日 112/08/01")) {
            try test.database.editAgency(id: moa, name: "農漁部", on: date("112/01/01"))
        }
        #expect(try test.tableCounts() == counts)
    }

    @Test("the city's prefix without 公所 resolves; a near miss suggests the closest agency only")
    func cityPrefix() throws {
        let test = try TestDatabase()
        #expect(try test.database.agency(named: "高雄市六龜區").name == "六龜區")
        #expect(try test.database.agency(named: "高雄市海洋局").name == "海洋局")
        #expect(throws: PlacemakingError.unknownAgency("高雄六龜", suggestions: ["六龜區"])) { try test.database.agency(named: "高雄六龜") }
        #expect(throws: PlacemakingError.unknownAgency("六龜鄉", suggestions: ["六龜區"])) { try test.database.agency(named: "六龜鄉") }
    }
}
