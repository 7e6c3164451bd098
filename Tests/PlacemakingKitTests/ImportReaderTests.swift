import Foundation
import Testing
import ZIPFoundation
@testable import PlacemakingKit

@Suite("Import readers")
struct ImportReaderTests {
    /// '機關,計畫名稱,提報日期,預算（萬元）\r\n六龜區,六龜山城創生,112/03/15,500\r\n' encoded by Python's big5 codec.
    static let big5: [UInt8] = [0xBE, 0xF7, 0xC3, 0xF6, 0x2C, 0xAD, 0x70, 0xB5, 0x65, 0xA6, 0x57, 0xBA, 0xD9, 0x2C, 0xB4, 0xA3, 0xB3, 0xF8, 0xA4, 0xE9, 0xB4, 0xC1, 0x2C, 0xB9, 0x77, 0xBA, 0xE2, 0xA1, 0x5D, 0xB8, 0x55, 0xA4, 0xB8, 0xA1, 0x5E, 0x0D, 0x0A, 0xA4, 0xBB, 0xC0, 0x74, 0xB0, 0xCF, 0x2C, 0xA4, 0xBB, 0xC0, 0x74, 0xA4, 0x73, 0xAB, 0xB0, 0xB3, 0xD0, 0xA5, 0xCD, 0x2C, 0x31, 0x31, 0x32, 0x2F, 0x30, 0x33, 0x2F, 0x31, 0x35, 0x2C, 0x35, 0x30, 0x30, 0x0D, 0x0A]
    /// '機關,計畫名稱,提報日期\r\n那瑪夏區,𡒊堃社區營造,112/04/01\r\n' encoded by Python's big5hkscs codec.
    static let hkscs: [UInt8] = [0xBE, 0xF7, 0xC3, 0xF6, 0x2C, 0xAD, 0x70, 0xB5, 0x65, 0xA6, 0x57, 0xBA, 0xD9, 0x2C, 0xB4, 0xA3, 0xB3, 0xF8, 0xA4, 0xE9, 0xB4, 0xC1, 0x0D, 0x0A, 0xA8, 0xBA, 0xBA, 0xBF, 0xAE, 0x4C, 0xB0, 0xCF, 0x2C, 0x8E, 0xE7, 0xFB, 0x69, 0xAA, 0xC0, 0xB0, 0xCF, 0xC0, 0xE7, 0xB3, 0x79, 0x2C, 0x31, 0x31, 0x32, 0x2F, 0x30, 0x34, 0x2F, 0x30, 0x31, 0x0D, 0x0A]

    @Test("SHA-256 test vectors")
    func sha256() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("Big5 and Big5-HKSCS are detected and decoded; UTF-8 with a BOM loses the BOM")
    func encodings() throws {
        guard case .success(let (text, used)) = TextEncoding.detect(Data(Self.big5)) else { Issue.record("Big5 not read"); return }
        #expect(used == .big5)
        #expect(text.contains("六龜區,六龜山城創生,112/03/15,500"))
        guard case .success(let (hk, hkUsed)) = TextEncoding.detect(Data(Self.hkscs)) else { Issue.record("HKSCS not read"); return }
        #expect(hkUsed == .big5HKSCS)
        #expect(hk.contains("𡒊堃社區營造"))
        guard case .success(let (utf8, utf8Used)) = TextEncoding.detect(Data([0xEF, 0xBB, 0xBF] + Array("機關\n".utf8))) else { Issue.record("UTF-8"); return }
        #expect(utf8Used == .utf8 && utf8 == "機關\n")
    }

    @Test("bytes valid in no encoding are refused at the first bad byte")
    func invalid() {
        guard case .failure(let failure) = TextEncoding.detect(Data(Array("ab\ncd".utf8) + [0xFF, 0x41])) else { Issue.record("accepted"); return }
        #expect(failure.offset == 5 && failure.line == 2)
        guard case .failure(let forced) = TextEncoding.utf8.decode(Data(Self.big5)) else { Issue.record("accepted"); return }
        #expect(forced.offset == 0)
    }

    static func rows(_ text: String) throws -> [[String]] {
        var reader = CSVReader(text: text)
        var rows: [[String]] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test("an XLSX whose sheet is cut short is refused, not read in part; a pre-1912 date cell is explained")
    func damagedWorkbook() throws {
        let folder = try WorkbookTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cut.xlsx")
        try SinkSample.writeWorkbook(to: url)
        #expect(try XLSXReader.rows(of: url, sheet: nil).count > 2)
        try Self.editPart(url, "xl/worksheets/sheet1.xml") { sheet in
            // Cut after the second complete row: well-formed so far, then the file ends.
            let rowEnds = sheet.ranges(of: "</row>")
            #expect(rowEnds.count > 2)
            return rowEnds.count > 1 ? String(sheet[..<rowEnds[1].upperBound]) : sheet
        }
        #expect {
            try XLSXReader.rows(of: url, sheet: nil)
        } throws: { error in
            (error as? PlacemakingError)?.message().contains("不完整") == true
        }
        #expect(throws: PlacemakingError.self) {
            try ImportValues.date(.dateBeforeROC("0112-03-31"), text: "0112-03-31")
        }
        #expect(throws: PlacemakingError.self) { try ImportValues.date(.number("-652962"), text: "-652962") }
    }

    /// Replaces the part `path` of the zip at `url` with `edit` of its text.
    static func editPart(_ url: URL, _ path: String, _ edit: (String) -> String) throws {
        let archive = try Archive(url: url, accessMode: .update)
        let text = String(decoding: try WorkbookTests.entry(archive, path), as: UTF8.self)
        let edited = Data(edit(text).utf8)
        try archive.remove(try #require(archive[path]))
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(edited.count)) { position, size in
            edited.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    @Test("a cell's comment in ODS is not its text; an XLSX cell pointing past the shared strings is refused, naming the file and row")
    func annotationsAndSharedStrings() throws {
        let folder = try WorkbookTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ods = folder.appendingPathComponent("notes.ods")
        try SinkSample.writeWorkbook(to: ods)
        try Self.editPart(ods, "content.xml") { text in
            // A comment on the title cell of the first row, as Calc writes one.
            let anchor = "<text:p>燕巢橫山共創基地</text:p>"
            #expect(text.contains(anchor))
            // One comment before the cell's paragraph (as Calc writes it), one inside it.
            return text.replacingOccurrences(of: anchor, with: "<office:annotation><dc:creator>研考會</dc:creator><text:p>請再確認</text:p></office:annotation>"
                + "<text:p>燕巢橫山<office:annotation><text:p>也請確認<text:s/>此處</text:p></office:annotation>共創基地</text:p>")
        }
        let rows = try ODSReader.rows(of: ods, sheet: nil)
        #expect(rows.contains { $0.cells.contains(.text("燕巢橫山共創基地")) }, "\(rows.prefix(2))")
        #expect(!rows.contains { $0.cells.contains { $0.text.contains("確認") } })

        let xlsx = folder.appendingPathComponent("strings.xlsx")
        try SinkSample.writeWorkbook(to: xlsx)
        #expect(try XLSXReader.rows(of: xlsx, sheet: nil).count > 2)
        try Self.editPart(xlsx, "xl/worksheets/sheet1.xml") { text in
            // The first shared-string cell now points far past the strings.
            guard let range = text.range(of: #"t="s"><v>\d+</v>"#, options: .regularExpression) else { return text }
            return text.replacingCharacters(in: range, with: #"t="s"><v>999999</v>"#)
        }
        #expect {
            try XLSXReader.rows(of: xlsx, sheet: nil)
        } throws: { error in
            let message = (error as? PlacemakingError)?.message() ?? ""
            return message.contains("strings.xlsx") && message.contains("共用字串") && message.contains("999999")
        }
    }

    @Test("RFC 4180: quoted separators, doubled quotes and line breaks; ; and tab detected; BOM dropped")
    func csv() throws {
        #expect(try Self.rows("\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z") == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(try Self.rows("a;b;c\n1;2,5;3\n") == [["a", "b", "c"], ["1", "2,5", "3"]])
        #expect(try Self.rows("a\tb\n1\t2") == [["a", "b"], ["1", "2"]])
        #expect(throws: PlacemakingError.csvUnclosedQuote(line: 2)) { try Self.rows("a\n\"open,b\nc") }
    }

    @Test("100,000 mutated CSV inputs: rows or a message, never a crash or a hang")
    func fuzz() throws {
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        let base = Array("機關,計畫名稱,\"預算（萬元）\"\r\n六龜區,\"山城, \"\"創生\"\"\",500\n".unicodeScalars)
        let pieces: [Unicode.Scalar] = ["\"", ",", ";", "\t", "\r", "\n", "\u{FEFF}", "a", "龜", "\u{0}", "𡒊"]
        let start = Date()
        var messages = 0, rows = 0
        for _ in 0..<100_000 {
            let input = generator.mutated(base, pieces: pieces, maxEdits: 4)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: input)
            var reader = CSVReader(text: String(text))
            do {
                var count = 0
                while try reader.next() != nil { count += 1; #expect(count <= input.count + 1) }
                rows += count
            } catch let error as PlacemakingError {
                #expect(!error.message().isEmpty)
                messages += 1
            }
        }
        #expect(rows > 0 && messages > 0)
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
