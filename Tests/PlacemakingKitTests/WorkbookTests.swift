import Foundation
import Testing
import ZIPFoundation
@testable import PlacemakingKit

@Suite("Workbook sinks: ODS and XLSX")
struct WorkbookTests {
    /// A fresh folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func entry(_ archive: Archive, _ path: String) throws -> Data {
        let entry = try #require(archive[path], "no \(path) in the archive")
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }

    /// The sample with a text that holds characters XML 1.0 forbids and one that looks like an escape.
    static var table: ResultTable {
        var table = SinkSample.table
        table.rows.append([.integer(4), .text("a\u{1}b\u{FFFE}c"), .code("x", label: "x"), .null, .null, .bool(true), .text("_x0041_  two  spaces"), .null])
        return table
    }

    @Test("ODS: mimetype first and stored, the manifest lists every part, content.xml well-formed with typed cells")
    func ods() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("狀態.ods")
        var sink = try ODSSink(target: .file(url.path))
        try Self.table.send(to: &sink, sheet: "計畫")
        try Self.table.send(to: &sink, sheet: "計畫")  // the same name twice becomes 計畫 (2)
        try sink.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["狀態.ods"])

        // The first local file header, byte by byte: PK\3\4, method 0 (stored), no extra field, `mimetype`.
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8, extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(extraLength == 0)
        #expect(String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[(30 + nameLength)..<(30 + nameLength + 46)], as: UTF8.self) == "application/vnd.oasis.opendocument.spreadsheet")

        let archive = try Archive(url: url, accessMode: .read)
        let paths = archive.map(\.path)
        #expect(paths.first == "mimetype")
        #expect(Set(paths) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml"])
        let manifest = try XMLTree(try Self.entry(archive, "META-INF/manifest.xml"))
        let listed = Set(manifest.all("manifest:file-entry").compactMap { $0.attributes["manifest:full-path"] })
        #expect(listed == Set(paths).subtracting(["mimetype", "META-INF/manifest.xml"]).union(["/"]))
        for part in ["styles.xml", "meta.xml"] { _ = try XMLTree(try Self.entry(archive, part)) }

        let content = try XMLTree(try Self.entry(archive, "content.xml"))
        #expect(content.all("table:table").map { $0.attributes["table:name"] } == ["計畫", "計畫 (2)"])
        let rows = content.indices("table:table-row")
        #expect(rows.count == 10)
        let cells = content.children(of: rows[1]).filter { $0.name == "table:table-cell" }
        let types = cells.map { $0.attributes["office:value-type"] ?? "-" }
        #expect(types == ["float", "string", "string", "date", "float", "string", "string", "date"])
        #expect(cells[0].attributes["office:value"] == "1")
        #expect(cells[3].attributes["office:date-value"] == "2022-06-30")
        #expect(cells[4].attributes["office:value"] == "5000000")
        #expect(cells[4].attributes["table:style-name"] == "ceMoney")
        #expect(cells[6].attributes["office:value"] == nil)
        #expect(cells[7].attributes["office:date-value"] == "2026-11-27T15:24:44")
        let texts = content.children(of: rows[1]).filter { $0.name == "text:p" }.map(\.text)
        #expect(texts == ["1", "燕巢橫山共創基地", "核定", "111/06/30", "5,000,000", "是", "=1+1", "115/11/27 15:24"])
        let second = content.children(of: rows[2])
        #expect(second.first { $0.attributes["table:style-name"] == "ceDateBefore" }?.attributes["office:date-value"] == "2022-06-30")
        #expect(second.filter { $0.name == "text:p" }.map(\.text).contains("a,\"b\""))  // a line break makes two paragraphs
        // Characters XML forbids are dropped; runs of spaces survive as text:s.
        let fourth = content.children(of: rows[4])
        #expect(fourth.contains { $0.text == "abc" })
        #expect(fourth.contains { $0.name == "text:s" && $0.attributes["text:c"] == nil })
        // Column widths: one column element per column, the title column wider than the id column.
        let columns = content.all("table:table-column").prefix(8).compactMap { $0.attributes["table:style-name"] }
        #expect(columns.count == 8)
        #expect(Int(columns[1].dropFirst(2)) ?? 0 > Int(columns[0].dropFirst(2)) ?? 0)
        // The number and date styles the cells use exist, the date one in the ROC calendar.
        #expect(content.all("number:year").allSatisfy { $0.attributes["number:calendar"] == "ROC" })
        #expect(content.all("number:number-style").contains { $0.attributes["style:name"] == "N_MONEY" })

        let settings = try XMLTree(try Self.entry(archive, "settings.xml"))
        let frozen = settings.all("config:config-item").filter { $0.attributes["config:name"] == "VerticalSplitMode" }.map(\.text)
        #expect(frozen == ["2", "2"])
    }

    @Test("ODS paragraphs: spaces, tabs and line breaks kept")
    func odsParagraphs() {
        #expect(ODSSink.paragraphs("a  b") == "<text:p>a <text:s/>b</text:p>")
        #expect(ODSSink.paragraphs(" a\tb") == "<text:p><text:s/>a<text:tab/>b</text:p>")
        #expect(ODSSink.paragraphs("a\r\nb\nc") == "<text:p>a</text:p><text:p>b</text:p><text:p>c</text:p>")
        #expect(ODSSink.paragraphs("<&>") == "<text:p>&lt;&amp;&gt;</text:p>")
    }

    @Test("XLSX: the parts and their relationships, shared strings, typed cells, frozen header, widths")
    func xlsx() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("狀態.xlsx")
        var sink = try XLSXSink(target: .file(url.path))
        try Self.table.send(to: &sink, sheet: "計畫:111")
        try sink.finish()
        let archive = try Archive(url: url, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                             "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
        let types = try XMLTree(try Self.entry(archive, "[Content_Types].xml"))
        #expect(Set(types.all("Override").compactMap { $0.attributes["PartName"] })
            == ["/xl/workbook.xml", "/xl/styles.xml", "/xl/sharedStrings.xml", "/xl/worksheets/sheet1.xml"])
        let workbook = try XMLTree(try Self.entry(archive, "xl/workbook.xml"))
        #expect(workbook.all("sheet").map { $0.attributes["name"] } == ["計畫_111"])
        let relationships = try XMLTree(try Self.entry(archive, "xl/_rels/workbook.xml.rels"))
        #expect(Set(relationships.all("Relationship").compactMap { $0.attributes["Target"] }) == ["worksheets/sheet1.xml", "styles.xml", "sharedStrings.xml"])
        let styles = try XMLTree(try Self.entry(archive, "xl/styles.xml"))
        #expect(styles.all("cellXfs").first?.attributes["count"] == String(styles.all("xf").count - 1))

        let strings = try XMLTree(try Self.entry(archive, "xl/sharedStrings.xml")).all("t").map(\.text)
        let sheet = try XMLTree(try Self.entry(archive, "xl/worksheets/sheet1.xml"))
        #expect(sheet.all("pane").first?.attributes["state"] == "frozen")
        #expect(sheet.all("pane").first?.attributes["ySplit"] == "1")
        #expect(sheet.all("col").count == 8)
        let rows = sheet.indices("row")
        #expect(rows.count == 5)
        func cells(_ row: Int) -> [(reference: String, type: String?, style: String?, value: String)] {
            var found: [(String, String?, String?, String)] = []
            let elements = sheet.children(of: rows[row])
            for (i, element) in elements.enumerated() where element.name == "c" {
                let value = elements.indices.contains(i + 1) && elements[i + 1].name == "v" ? elements[i + 1].text : ""
                found.append((element.attributes["r"] ?? "", element.attributes["t"], element.attributes["s"], value))
            }
            return found
        }
        let first = cells(1)
        #expect(first.map(\.reference) == ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2"])
        #expect(first[0].type == nil && first[0].value == "1")
        #expect(first[1].type == "s" && strings[Int(first[1].value) ?? -1] == "燕巢橫山共創基地")
        #expect(first[3].type == nil && first[3].value == "44742")  // 2022-06-30
        #expect(first[3].style == String(XLSXSink.Style.date.rawValue))
        #expect(first[4].value == "5000000" && first[4].style == String(XLSXSink.Style.money.rawValue))
        #expect(strings[Int(first[6].value) ?? -1] == "=1+1")
        #expect(Double(first[7].value).map { abs($0 - 46353.6422) < 0.0001 } == true, "\(first[7].value)")  // 2026-11-27 15:24:44 in Taiwan
        #expect(cells(2)[3].style == String(XLSXSink.Style.dateBefore.rawValue))
        #expect(cells(3).count == 7, "an empty note is no cell; unknowns read 未詳")
        #expect(strings.contains("abc"))
        #expect(strings.contains("_x005F_x0041_  two  spaces"))
        #expect(strings.first == "編號")
    }

    @Test("XLSX cell references run past Z")
    func columnNames() {
        #expect([0, 25, 26, 51, 701, 702].map(XLSXSink.columnName) == ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
    }

    @Test("sheet names: forbidden characters replaced, 31 characters at most, unique ignoring case")
    func sheetNames() {
        var names = SheetNames()
        #expect(names.name(for: "a/b") == "a_b")
        #expect(names.name(for: "A/B") == "A_B (2)")
        #expect(names.name(for: "") == "工作表3")
        #expect(names.name(for: "'x'") == "x")
        #expect(names.name(for: String(repeating: "長", count: 40)).count == 31)
        #expect(names.name(for: String(repeating: "長", count: 40)) == String(repeating: "長", count: 27) + " (2)")
    }

    @Test("a workbook with nothing written still opens: one empty sheet; a failed one leaves no file")
    func emptyAndFailed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var ods = try ODSSink(url: folder.appendingPathComponent("empty.ods"))
        try ods.finish()
        #expect(try XMLTree(try Self.entry(try Archive(url: folder.appendingPathComponent("empty.ods"), accessMode: .read), "content.xml"))
            .all("table:table").count == 1)
        var xlsx = try XLSXSink(url: folder.appendingPathComponent("no/such/folder.xlsx"))
        try SinkSample.table.send(to: &xlsx, sheet: "x")
        #expect(throws: PlacemakingError.self) { try xlsx.finish() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["empty.ods"])
    }
}
