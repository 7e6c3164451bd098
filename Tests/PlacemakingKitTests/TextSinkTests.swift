import Foundation
import Testing
@testable import PlacemakingKit

@Suite("Text sinks: CSV, JSON, Markdown")
struct TextSinkTests {
    func csv(forPeople: Bool) throws -> String {
        var sink = CSVSink(output: "", forPeople: forPeople)
        try SinkSample.table.send(to: &sink, sheet: "計畫")
        try sink.finish()
        return sink.output
    }

    @Test("CSV for people: BOM, CRLF, text guarded against formulas, numbers and dates never, quotes and newlines quoted")
    func csvForPeople() throws {
        let out = try csv(forPeople: true)
        #expect(out.hasPrefix("\u{FEFF}編號,名稱,"))
        let lines = out.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines[4].isEmpty, "every record ends with CRLF: \(lines)")
        #expect(lines[1] == "1,燕巢橫山共創基地,核定,2022-06-30,5000000,是,'=1+1,2026-11-27 15:24")
        // Text that looks negative is guarded; a negative amount is a number and is not.
        #expect(lines[2].hasPrefix("2,'-5,草擬,2022-06-30前,-5,否,\"a,\"\"b\"\"\nc\","))
        #expect(lines[2].hasSuffix(",未詳"))
        // Unknown reads 未詳 as on screen; a note that is merely empty stays blank.
        #expect(lines[3] == "3,未詳,草擬,未詳,未詳,否,,未詳")
        #expect(!out.contains("\r\n\n"))
    }

    @Test("CSV for programs: no BOM, LF, no guard, ISO dates and stored timestamps, unknown empty")
    func csvForMachines() throws {
        let out = try csv(forPeople: false)
        #expect(!out.hasPrefix("\u{FEFF}"))
        #expect(!out.contains("\r"))
        #expect(!out.contains("'"))
        let lines = out.components(separatedBy: "\n")
        #expect(lines[1] == "1,燕巢橫山共創基地,核定,2022-06-30,5000000,是,=1+1,2026-11-27T07:24:44Z")
        #expect(lines[2] == "2,-5,草擬,2022-06-30,-5,否,\"a,\"\"b\"\"")
        #expect(lines[3] == "c\",")
        #expect(lines[4] == "3,,草擬,,,否,,")
    }

    @Test("the guard covers =, +, -, @, tab and CR, and nothing else")
    func guardCharacters() {
        for text in ["=SUM(A1)", "+1", "-1", "@A1", "\tx", "\rx"] { #expect(CSVSink<String>.guardFormula(text) == "'" + text) }
        for text in ["1", "a=b", "", " =1", "（=）"] { #expect(CSVSink<String>.guardFormula(text) == text) }
    }

    @Test("CSV sheets follow one another a blank line apart, with one BOM")
    func csvSheets() throws {
        var sink = CSVSink(output: "", forPeople: true)
        try SinkSample.table.send(to: &sink, sheet: "a")
        try SinkSample.table.send(to: &sink, sheet: "b")
        try sink.finish()
        #expect(sink.output.components(separatedBy: "\u{FEFF}").count == 2)
        #expect(sink.output.contains("\r\n\r\n編號,名稱"))
    }

    @Test("--format csv on screen is the CSV sink's output")
    func writerIsSink() throws {
        var screen = ""
        OutputFormat(style: .csv).write(SinkSample.table, to: &screen)
        #expect(screen == (try csv(forPeople: false)))
    }

    @Test("JSON: a date known only as an upper bound carries <key>OnOrBefore: true; exact dates carry nothing")
    func jsonOnOrBefore() throws {
        var sink = JSONSink(output: "")
        try SinkSample.table.send(to: &sink, sheet: "計畫")
        try sink.finish()
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(sink.output.utf8)) as? [[String: Any]])
        #expect(objects.count == 3)
        #expect(objects[0]["statusOn"] as? String == "2022-06-30")
        #expect(objects[0]["statusOnOrBefore"] == nil)
        #expect(objects[1]["statusOn"] as? String == "2022-06-30")
        #expect(objects[1]["statusOnOrBefore"] as? Bool == true)
        #expect(objects[0]["budget"] as? Int == 5_000_000)
        #expect(objects[0]["phase"] as? String == "approved")
        #expect(objects[0]["updatedAt"] as? String == "2026-11-27T07:24:44Z")
        #expect(objects[2]["title"] is NSNull)
        #expect(sink.output.contains("\"statusOn\": \"2022-06-30\", \"statusOnOrBefore\": true, \"budget\""))
        #expect(JSONSink<String>.onOrBeforeKey("date") == "dateOnOrBefore")
        // A list's rows are the same objects `show` writes for one record.
        let table = SinkSample.table
        #expect(sink.output == "[\n  " + table.rows.map { JSONSink<String>.object(table.columns, $0) }.joined(separator: ",\n  ") + "\n]\n")
        var screen = ""
        OutputFormat(style: .json).write(SinkSample.table, to: &screen)
        #expect(screen == sink.output)
    }

    @Test("JSON of nothing is [], and several sheets make one object when asked")
    func jsonShapes() throws {
        var empty = JSONSink(output: "")
        try ResultTable(columns: SinkSample.columns).send(to: &empty, sheet: "x")
        try empty.finish()
        #expect(empty.output == "[]\n")
        var two = JSONSink(output: "")
        try SinkSample.table.send(to: &two, sheet: "a")
        #expect(throws: PlacemakingError.self) { try SinkSample.table.send(to: &two, sheet: "b") }
        var keyed = JSONSink(output: "", keyedBySheet: true)
        try SinkSample.table.send(to: &keyed, sheet: "計畫")
        try ResultTable(columns: SinkSample.columns).send(to: &keyed, sheet: "空")
        try keyed.finish()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(keyed.output.utf8)) as? [String: Any])
        #expect((object["計畫"] as? [Any])?.count == 3)
        #expect((object["空"] as? [Any])?.isEmpty == true)
    }

    @Test("Markdown: a GitHub table, | and backslash escaped, newlines as <br>, no HTML")
    func markdown() throws {
        var sink = MarkdownSink(output: "")
        try ResultTable(columns: [.init("a", "名稱|甲", "a"), .init("b", "金額(元)", "b")],
                        rows: [[.text("a|b\\|c\r\nd<i>&\u{1B}"), .money(Money(yuan: 5_000_000))]]).send(to: &sink, sheet: "計畫")
        try sink.finish()
        #expect(sink.output == "## 計畫\n\n| 名稱\\|甲 | 金額(元) |\n| --- | --- |\n| a\\|b\\\\\\|c<br>d&lt;i>&amp;^[ | 5,000,000 |\n")
    }

    @Test("a file output appears only when closed, and leaves nothing when abandoned")
    func fileOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sinks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("計畫.csv").path
        do {
            var sink = CSVSink(output: try OutputTarget(path: path).openText(), forPeople: true)
            try SinkSample.table.send(to: &sink, sheet: "計畫")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var sink = CSVSink(output: try OutputTarget(path: path).openText(), forPeople: true)
        try SinkSample.table.send(to: &sink, sheet: "計畫")
        try sink.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: [0xEF, 0xBB, 0xBF] + Array("編號".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["計畫.csv"])
        #expect(throws: PlacemakingError.self) { try OutputTarget(path: folder.path + "/no/such/x.csv").openText() }
    }

    @Test("workbooks refuse standard output with a message that names --out")
    func workbookNeedsFile() {
        for format in [ExportFormat.ods, .xlsx] {
            #expect(throws: PlacemakingError.workbookNeedsFile(format: format.rawValue.uppercased())) {
                _ = try format.sink(to: OutputTarget(path: "-"))
            }
        }
        #expect(PlacemakingError.workbookNeedsFile(format: "ODS").message().contains("ODS 需要 --out 檔名"))
        #expect(ExportFormat(pathExtension: "ODS") == .ods && ExportFormat(pathExtension: "md") == .markdown)
    }
}
