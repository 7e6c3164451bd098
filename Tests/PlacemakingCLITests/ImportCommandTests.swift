import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

private let sofficeInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
}

@Suite("import plans, proposals, visits, subsidies and cases")
struct ImportCommandTests {
    /// The plans as the list shows them, for comparing two ledgers.
    static func plans(_ program: ProgramRun) throws -> [String] {
        try program.json(["plan", "list", "--wide"]).map { plan in
            ["agency", "title", "status", "budget", "submittedOn"].map { "\(plan[$0] ?? "nil")" }.joined(separator: "|")
        }.sorted()
    }

    static func write(_ bytes: [UInt8], named name: String, in program: ProgramRun) throws -> String {
        let path = program.folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a Big5 CSV, a Big5-HKSCS CSV with 𡒊 and a UTF-8 CSV with BOM import; 萬元 applied")
    func encodings() throws {
        let program = try ProgramRun()
        let big5 = try Self.write([0xBE, 0xF7, 0xC3, 0xF6, 0x2C, 0xAD, 0x70, 0xB5, 0x65, 0xA6, 0x57, 0xBA, 0xD9, 0x2C, 0xB4, 0xA3, 0xB3, 0xF8, 0xA4, 0xE9, 0xB4, 0xC1, 0x2C, 0xB9, 0x77, 0xBA, 0xE2, 0xA1, 0x5D, 0xB8, 0x55, 0xA4, 0xB8, 0xA1, 0x5E, 0x0D, 0x0A, 0xA4, 0xBB, 0xC0, 0x74, 0xB0, 0xCF, 0x2C, 0xA4, 0xBB, 0xC0, 0x74, 0xA4, 0x73, 0xAB, 0xB0, 0xB3, 0xD0, 0xA5, 0xCD, 0x2C, 0x31, 0x31, 0x32, 0x2F, 0x30, 0x33, 0x2F, 0x31, 0x35, 0x2C, 0x35, 0x30, 0x30, 0x0D, 0x0A], named: "big5.csv", in: program)
        let hkscs = try Self.write([0xBE, 0xF7, 0xC3, 0xF6, 0x2C, 0xAD, 0x70, 0xB5, 0x65, 0xA6, 0x57, 0xBA, 0xD9, 0x2C, 0xB4, 0xA3, 0xB3, 0xF8, 0xA4, 0xE9, 0xB4, 0xC1, 0x0D, 0x0A, 0xA8, 0xBA, 0xBA, 0xBF, 0xAE, 0x4C, 0xB0, 0xCF, 0x2C, 0x8E, 0xE7, 0xFB, 0x69, 0xAA, 0xC0, 0xB0, 0xCF, 0xC0, 0xE7, 0xB3, 0x79, 0x2C, 0x31, 0x31, 0x32, 0x2F, 0x30, 0x34, 0x2F, 0x30, 0x31, 0x0D, 0x0A], named: "hkscs.csv", in: program)
        let bom = try Self.write([0xEF, 0xBB, 0xBF] + Array("單位;名稱;日期;備註\n阿蓮區;\"阿蓮; 大崗山\";1120501;\"兩行\n說明\"\n".utf8), named: "bom.csv", in: program)
        for path in [big5, hkscs, bom] {
            let result = program.run(["import", "plans", path])
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("已新增 1 筆、已存在 0 筆、拒絕 0 筆"), "\(result.output)")
        }
        let plans = try Self.plans(program)
        #expect(plans.contains("六龜區|六龜山城創生|構想盤點|5000000|2023-03-15"), "\(plans)")
        #expect(plans.contains { $0.hasPrefix("那瑪夏區|𡒊堃社區營造|") }, "\(plans)")
        #expect(plans.contains { $0.hasPrefix("阿蓮區|阿蓮; 大崗山|") }, "\(plans)")
        let audit = program.run(["sql", "SELECT count(*) FROM audit_log WHERE action = 'plan.import'", "--format", "csv"])
        #expect(audit.output.contains("6"), "\(audit.output)")  // three plans and three files
        let forced = program.run(["import", "plans", big5, "--encoding", "utf-8"])
        #expect(forced.status == 1 && forced.errors.contains("第 1 個位元組"), "\(forced.errors)")
    }

    @Test("export ndc --sheet 計畫 as CSV, XLSX and ODS imports into a new ledger and reproduces the plans; twice adds nothing",
          arguments: ["csv", "xlsx", "ods"])
    func roundTrip(_ format: String) throws {
        let source = try ProgramRun()
        #expect(source.run(["plan", "add", "--agency", "六龜區", "--title", "六龜山城創生, \"二期\"", "--submitted", "112/03/15", "--budget", "1,968萬"]).status == 0)
        #expect(source.run(["plan", "add", "--agency", "海洋局", "--title", "-漁港再生", "--submitted", "1120402", "--status", "輔導中", "--on", "112/05/01"]).status == 0)
        let file = source.folder.appendingPathComponent("計畫.\(format)").path
        let exported = source.run(["export", "ndc", "--sheet", "計畫", "--format", format, "--out", file])
        #expect(exported.status == 0, "\(exported.errors)")
        let target = try ProgramRun()
        let first = target.run(["import", "plans", file])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("已新增 2 筆、已存在 6 筆、拒絕 0 筆"), "\(first.output)")
        #expect(try Self.plans(target) == Self.plans(source))
        let second = target.run(["import", "plans", file])
        #expect(second.output.contains("已新增 0 筆、已存在 8 筆"), "\(second.output)")
        #expect(try Self.plans(target) == Self.plans(source))
    }

    @Test("a file with errors in several rows: --dry-run lists each bad cell, the import writes nothing")
    func errors() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("錯誤.csv").path
        try """
            機關,計畫名稱,提報日期,預算(元),狀態
            六龜區,好計畫,112/03/15,100萬,
            臺北區,壞機關,112/03/15,,
            甲仙區,壞日期,111/02/29,-5,
            阿蓮區,,112/01/01,,不存在
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(program.run(["plan", "list"]).status == 0)  // creates the ledger
        let before = program.bytes
        let dry = program.run(["import", "plans", path, "--dry-run"])
        #expect(dry.status == 1, "a dry run that finds bad cells fails, so a script can tell")
        for expected in ["第 3 列「機關」", "第 4 列「提報日期」", "第 4 列「預算(元)」", "第 5 列「計畫名稱」", "第 5 列「狀態」", "將拒絕 3 筆"] {
            #expect(dry.output.contains(expected), "\(expected) in \(dry.output)")
        }
        #expect(Bool(program.bytes == before), "the ledger changed")
        let real = program.run(["import", "plans", path])
        #expect(real.status == 1)
        #expect(real.errors.contains("未匯入任何資料"), "\(real.errors)")
        #expect(Bool(program.bytes == before), "the ledger changed")
    }

    @Test("proposals, visits and subsidy applications listed as CSV import into a backup taken before them; twice adds nothing")
    func proposalsVisitsSubsidies() throws {
        let source = try ProgramRun()
        #expect(source.run(["plan", "add", "--agency", "六龜區", "--title", "六龜山城創生", "--submitted", "112/03/15"]).status == 0)
        let plan = try #require(try source.json(["plan", "list"]).compactMap { $0["id"] as? Int }.max())
        let target = try ProgramRun()
        #expect(source.run(["backup", target.path]).status == 0)
        for command in [
            ["proposal", "add", "--plan", "\(plan)", "--title", "山城旅宿整備", "--submitted", "112/05/02", "--amount", "300萬",
             "--ministry", "經濟部", "--status", "提報", "--on", "112/05/03"],
            ["visit", "add", "--agency", "六龜區", "--partner", "南區輔導中心", "--plan", "\(plan)", "--on", "112/08/10",
             "--purpose", "計畫提報及修正"],
            ["subsidy", "add", "--agency", "六龜區", "--title", "六龜老街空間整備", "--year", "112", "--round", "2",
             "--plan", "\(plan)", "--requested", "800萬", "--submitted", "112/06/01"],
        ] {
            let added = source.run(command)
            #expect(added.status == 0, "\(command): \(added.errors)")
        }
        for (noun, kind) in [("proposal", "proposals"), ("visit", "visits"), ("subsidy", "subsidies")] {
            let listed = source.run([noun, "list", "--format", "csv", "--wide"])
            let file = source.folder.appendingPathComponent("\(kind).csv").path
            try listed.output.write(toFile: file, atomically: true, encoding: .utf8)
            let first = target.run(["import", kind, file])
            #expect(first.status == 0, "\(kind): \(first.errors)")
            #expect(first.output.contains("已新增 1 筆"), "\(kind): \(first.output)")
            let comparable = { (program: ProgramRun) in
                try program.json([noun, "list", "--wide"]).map { row in
                    row.filter { $0.key != "id" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
                }.sorted()
            }
            #expect(try comparable(target) == comparable(source), "\(kind)")
            let second = target.run(["import", kind, file])
            #expect(second.status == 0 && second.output.contains("已新增 0 筆"), "\(kind): \(second.output)")
        }
        let audit = target.run(["sql", "SELECT action FROM audit_log WHERE action LIKE '%.import' ORDER BY id", "--format", "csv"])
        for action in ["proposal.import", "visit.import", "subsidy.import"] { #expect(audit.output.contains(action), "\(audit.output)") }
    }

    @Test("a status date known only as an upper bound (前, by) keeps that mark through export and import as ODS, XLSX and CSV")
    func upperBoundDates() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("前.csv").path
        try "機關,計畫名稱,狀態,狀態日期\n六龜區,山城甲,輔導中,111/06/30前\n美濃區,菸樓乙,輔導中,by 2022-05-31\n甲仙區,芋頭丙,輔導中,111/04/01\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = program.run(["import", "plans", path])
        #expect(result.status == 0, "\(result.errors)")
        let plans = try program.json(["plan", "list", "--wide"])
        let bounded = { (title: String) in plans.first { $0["title"] as? String == title }?["statusOnOrBefore"] as? Bool }
        #expect(bounded("山城甲") == true && bounded("菸樓乙") == true, "\(plans.filter { ($0["title"] as? String)?.count == 3 })")
        #expect(bounded("芋頭丙") != true)
        for format in ["ods", "xlsx", "csv"] {
            let exported = program.folder.appendingPathComponent("計畫.\(format)").path
            #expect(program.run(["export", "ndc", "--sheet", "計畫", "--format", format, "--out", exported]).status == 0)
            let again = try ProgramRun()
            #expect(again.run(["import", "plans", exported]).status == 0)
            let reimported = try again.json(["plan", "list", "--wide"]).filter { ($0["title"] as? String).map(["山城甲", "芋頭丙"].contains) == true }
            #expect(reimported.map { $0["statusOnOrBefore"] as? Bool == true } == [true, false], "\(format): \(reimported)")
        }
    }

    @Test("a clerk's import stays in its agency: another agency's row refuses the file, nothing written; a viewer cannot import")
    func clerkScope() throws {
        let program = try OperatorTests.ledger()
        let mixed = program.folder.appendingPathComponent("混合.csv").path
        try "機關,計畫名稱,提報日期\n六龜區,六龜自有,112/03/15\n海洋局,他人計畫,112/03/15\n".write(toFile: mixed, atomically: true, encoding: .utf8)
        let proposals = program.folder.appendingPathComponent("提案.csv").path
        try "計畫編號,提案名稱\n6,海洋局的計畫下\n".write(toFile: proposals, atomically: true, encoding: .utf8)
        let before = program.bytes
        let refused = program.run(["import", "plans", mixed], as: "liugui01")
        #expect(refused.status == 1)
        #expect(refused.output.contains("第 3 列「機關」"), "\(refused.output)")
        let foreignPlan = program.run(["import", "proposals", proposals], as: "liugui01")
        #expect(foreignPlan.status == 1 && foreignPlan.output.contains("第 2 列「計畫編號」"), "\(foreignPlan.output)")
        #expect(program.run(["import", "plans", mixed], as: "look").status != 0)
        #expect(Bool(program.bytes == before), "the ledger changed")
        let own = program.folder.appendingPathComponent("自有.csv").path
        try "機關,計畫名稱\n六龜區,六龜自有\n".write(toFile: own, atomically: true, encoding: .utf8)
        let accepted = program.run(["import", "plans", own], as: "liugui01")
        #expect(accepted.status == 0, "\(accepted.errors)")
        #expect(try OperatorTests.lastActor(program) == "liugui01（六龜區）")
    }

    @Test("the progress line: rows, percent, rate and rows left, grouped by thousands")
    func progressLine() {
        #expect(ImportProgress.line(rows: 12_000, fraction: 0.25, seconds: 2, language: .chinese)
                == "已讀 12,000 列（25%），每秒 6,000 列，約剩 36,000 列")
        #expect(ImportProgress.line(rows: 1_000_000, fraction: 1, seconds: 100, language: .english)
                == "1,000,000 rows read (100%), 10,000 rows/s, about 0 left")
    }

    @Test("files that would import quietly wrong are refused before any row, each with what to do, and nothing is written")
    func refusedFiles() throws {
        let program = try ProgramRun()
        #expect(program.run(["plan", "list"]).status == 0)
        let before = program.bytes
        func file(_ name: String, _ text: String) throws -> String {
            let path = program.folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let plansSheet = try file("計畫表.csv", "計畫編號,機關,計畫名稱,狀態,階段,狀態日期,提報日期,總經費(元),媒合部會\n1,六龜區,山城,構想盤點,,,,,\n")
        let cases: [(arguments: [String], expected: String)] = [
            (["import", "plans", try file("空.csv", "")], "檔案是空的"),
            (["import", "plans", try file("空行.csv", "\n\n")], "檔案是空的"),
            (["import", "plans", try file("重複.csv", "機關,計畫名稱,提案機關\n六龜區,x,甲仙區\n")], "「機關」與「提案機關」都是「機關」"),
            (["import", "visits", plansSheet], "這個檔案看起來不是實地輔導紀錄"),
            (["import", "plans", plansSheet, "--map", "沒這欄=agency"], "檔案沒有「沒這欄」欄"),
            (["import", "plans", program.folder.path], "這是資料夾，不是檔案"),
            (["import", "plans", program.folder.appendingPathComponent("不存在.csv").path], "檔案不存在"),
            (["import", "plans", try file("u16.csv", "機關,計畫名稱\n".unicodeScalars.map(String.init).joined(separator: "\u{0}"))], "UTF-16"),
            (["import", "plans", try file("utf8.csv", "機關,計畫名稱\n六龜區,山城\n"), "--encoding", "big5"], "不是 big5 文字"),
        ]
        for (arguments, expected) in cases {
            let result = program.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.errors.contains(expected), "\(arguments): \(result.errors)")
        }
        #expect(Bool(program.bytes == before), "the ledger changed")
        // A header this kind knows may name the field of --map.
        let mapped = program.run(["import", "plans", try file("別名.csv", "區公所,計畫\n六龜區,山城\n"), "--map", "區公所=提案機關"])
        #expect(mapped.status == 0, "\(mapped.errors)")
    }

    @Test("names and ids are looked up before 'already there': a row matching a record still fails on an unknown plan or partner, in its own column")
    func referencesBeforeExisting() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("輔導.csv").path
        try "受輔導機關,同行單位,計畫編號,日期,事由\n甲仙區,南區輔導中心,,112/08/10,計畫提報\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(program.run(["import", "visits", path]).status == 0)
        try "受輔導機關,同行單位,計畫編號,日期,事由\n甲仙區,火星中心,99999,112/08/10,計畫提報\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = program.run(["import", "visits", path])
        #expect(result.status == 1)
        #expect(result.output.contains("第 2 列「同行單位」") && result.output.contains("第 2 列「計畫編號」"), "\(result.output)")
    }

    @Test("cases import with year, subsidy flag and method")
    func cases() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("案件.csv").path
        try "年度,案件名稱,單位,參與方式,備註\n112,社區咖啡館,六龜區,世界咖啡館,\n112年,青年論壇,未詳,,\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = program.run(["import", "cases", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("已新增 2 筆"), "\(result.output)")
        #expect(try program.json(["case", "list", "--year", "112"]).count == 2)
        #expect(program.run(["import", "cases", path]).output.contains("已存在 2 筆"))
    }

    @Test("a CSV converted by LibreOffice to XLSX and ODS imports", .enabled(if: sofficeInstalled), arguments: ["xlsx", "ods"])
    func libreOffice(_ format: String) throws {
        let program = try ProgramRun()
        let csv = program.folder.appendingPathComponent("lo.csv")
        try "機關,計畫名稱,提報日期,預算（萬元）\n鳳山區,鳳山 \"老街\",2023-03-15,12.5\n".write(to: csv, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["soffice", "-env:UserInstallation=file://\(program.folder.path)/profile", "--headless",
                             "--infilter=CSV:44,34,76,1", "--convert-to", format, "--outdir", program.folder.path, csv.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let converted = program.folder.appendingPathComponent("lo.\(format)").path
        let result = program.run(["import", "plans", converted])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try Self.plans(program).contains("鳳山區|鳳山 \"老街\"|構想盤點|125000|2023-03-15"))
    }
}
