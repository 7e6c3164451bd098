import Foundation
import Testing
@testable import PlacemakingCLI
import PlacemakingKit

/// `export ndc` and the summary's workbooks, as a user runs them, read back from the files.
@Suite("export ndc")
struct ExportCommandTests {
    /// The names of the entries of a zip archive, in order, read from its central directory by `unzip -Z1`.
    func entries(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import zipfile,sys; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("ODS and XLSX workbooks hold the five sheets; the ODS mimetype comes first", arguments: ["ods", "xlsx"])
    func workbooks(_ kind: String) throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("媒合情形.\(kind)").path
        let result = program.run(["export", "ndc", "--out", path, "--as-of", "111/06/30"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("計畫、部會媒合、事業提案、補助申請、實地輔導"))
        let names = try entries(path)
        if kind == "ods" {
            #expect(names.first == "mimetype")
            #expect(names.contains("content.xml"))
        } else {
            #expect(names.contains("xl/workbook.xml"))
            #expect(names.filter { $0.hasPrefix("xl/worksheets/sheet") }.count == 5)
        }
    }

    @Test("CSV to a file is for people (BOM, CRLF, formula guard); on screen for machines")
    func csv() throws {
        let program = try ProgramRun()
        _ = program.run(["plan", "edit", "1", "--title", "=1+1"])
        let path = program.folder.appendingPathComponent("p.csv").path
        #expect(program.run(["export", "ndc", "--format", "csv", "--out", path]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\r\n"))
        #expect(text.contains("'=1+1"))
        let screen = program.run(["export", "ndc", "--format", "csv", "--sheet", "實地輔導"])
        #expect(screen.status == 0)
        #expect(!screen.output.hasPrefix("\u{FEFF}"))
        #expect(screen.output.split(separator: "\n").count == 5)
    }

    @Test("JSON as of a day keeps the facts after later changes, and flags upper-bound dates")
    func json() throws {
        let program = try ProgramRun()
        #expect(program.run(["plan", "status", "1", "執行中", "--on", "111/07/01"]).status == 0)
        let plans = try program.json(["export", "ndc", "--as-of", "111/06/30"])
        #expect(plans.count == 6)
        #expect(plans.allSatisfy { $0["status"] as? String == "媒合成功" })
        #expect(plans.first?["statusOnOrBefore"] as? Bool == true)
    }

    @Test("refusals: a workbook to the screen, an unknown sheet; nothing written")
    func refusals() throws {
        let program = try ProgramRun()
        let ods = program.run(["export", "ndc", "--format", "ods"])
        #expect(ods.status == 1)
        #expect(ods.errors.contains("ODS 需要 --out 檔名"))
        let sheet = program.run(["export", "ndc", "--sheet", "預算"])
        #expect(sheet.status == 1)
        #expect(sheet.errors.contains("可用：計畫、部會媒合"))
    }

    @Test("summary as a workbook: one sheet per table")
    func summaryWorkbook() throws {
        let program = try ProgramRun()
        let path = program.folder.appendingPathComponent("s.ods").path
        let result = program.run(["summary", "--year", "111", "--as-of", "111/06/30", "--format", "ods", "--out", path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try entries(path).first == "mimetype")
    }
}
