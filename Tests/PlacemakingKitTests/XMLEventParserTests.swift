import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import PlacemakingKit

/// The events of a document as one list of strings, with adjacent text joined (a parser may report one
/// text in pieces): `<a k="v">`, `"text"`, `</a>`.
private final class EventLog: XMLEventHandler {
    var events: [String] = []

    func start(_ name: String, attributes: [String: String]) {
        let pairs = attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
        events.append("<" + ([name] + pairs).joined(separator: " ") + ">")
    }

    func text(_ text: String) {
        guard !text.isEmpty else { return }  // XMLParser reports an empty CDATA section; it adds nothing
        if let last = events.last, last.hasPrefix("\"") {
            events[events.count - 1] = String(last.dropLast()) + text + "\""
        } else {
            events.append("\"" + text + "\"")
        }
    }

    func end(_ name: String) { events.append("</\(name)>") }

    static func ours(_ data: Data) -> [String]? {
        let log = EventLog()
        do { try XMLEventParser.parse(data, handler: log) } catch { return nil }
        return log.events
    }
}

/// The same list from Foundation's XMLParser (libxml2): the independent reader the tests compare with.
private final class FoundationLog: NSObject, XMLParserDelegate {
    let log = EventLog()

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) { log.start(name, attributes: attributes) }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { log.end(name) }
    func parser(_ parser: XMLParser, foundCharacters string: String) { log.text(string) }
    // XML makes every line end "\n", in CDATA too; XMLParser hands CDATA over with its CRs.
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        log.text(String(decoding: block, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    static func events(_ data: Data) -> [String]? {
        let delegate = FoundationLog()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        return parser.parse() ? delegate.log.events : nil
    }
}

@Suite("XML reader of ODS and XLSX parts")
struct XMLEventParserTests {
    @Test("entities, character references, CDATA, comments, instructions, empty elements and line ends")
    func events() throws {
        let document = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- 前言 -->"
            + "<table:table table:name='計畫 &amp; 提案' n=\"a\tb\">\r\n"
            + "<text:p>A &lt;&gt; &quot;&apos; &#40860;&#x9F9C;</text:p><c r=\"B2\"/><![CDATA[<不是元素> & 也不是實體]]>"
            + "<?pi ignored?>line\r\nend<![CDATA[\r\nc\rd]]>&#0000000065;</table:table>\n<!-- after -->\n"
        #expect(EventLog.ours(Data(document.utf8)) == [
            "<table:table n=\"a b\" table:name=\"計畫 & 提案\">", "\"\n\"",
            "<text:p>", "\"A <> \"' 龜龜\"", "</text:p>",
            "<c r=\"B2\">", "</c>",
            "\"<不是元素> & 也不是實體line\nend\nc\ndA\"",
            "</table:table>",
        ])
    }

    @Test("a part cut short is told apart from one that is damaged; hostile and broken documents are refused")
    func refusals() throws {
        func failure(_ text: String) -> XMLEventParser.Failure? {
            do { try XMLEventParser.parse(Data(text.utf8), handler: EventLog()); return nil } catch { return error }
        }
        #expect(failure("<sheetData><row r=\"1\"><c><v>1</v></c></row>") == .truncated)
        #expect(failure("<a><b attr=\"unfinished") == .truncated)
        #expect(failure("<a><!-- open comment") == .truncated)
        // The billion-laughs document: no DOCTYPE, so no entity of its own, is ever read.
        let laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>"
        for bad in [laughs, "<a></b>", "<a>&unknown;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#+65;</a>", "<a>&#x+41;</a>", "<a>&#xFFFE;</a>", "<a>&#１;</a>", "<a b=c></a>",
                    "<a b=\"1\" b=\"2\"></a>", "<a/><b/>", "text<a/>", "", "<a>&amp</a>", "</a>", "<a b=\"<\"></a>"] {
            guard case .malformed(let line, let reason) = failure(bad) else {
                Issue.record("not refused as malformed: \(bad)")
                continue
            }
            #expect(line >= 1 && !reason.isEmpty)
        }
        #expect(failure("<a>\n\n<b></c></a>") == .malformed(line: 3, reason: "</c> 與 <b> 不相配"))
        #expect(throws: XMLEventParser.Failure.self) { try XMLEventParser.parse(Data([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E]), handler: EventLog()) }
    }

    @Test("the parts of this program's ODS and XLSX files read as Foundation's XMLParser reads them")
    func sameAsFoundationOnWorkbooks() throws {
        let folder = try WorkbookTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ods = folder.appendingPathComponent("sample.ods"), xlsx = folder.appendingPathComponent("sample.xlsx")
        try SinkSample.writeWorkbook(to: ods)
        try SinkSample.writeWorkbook(to: xlsx)
        var compared = 0
        for url in [ods, xlsx] {
            let archive = try Archive(url: url, accessMode: .read)
            for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                let data = try WorkbookTests.entry(archive, entry.path)
                let theirs = try #require(FoundationLog.events(data), "XMLParser refused \(entry.path)")
                #expect(EventLog.ours(data) == theirs, "\(url.lastPathComponent): \(entry.path)")
                compared += 1
            }
        }
        #expect(compared >= 8)
    }

    @Test("20,000 mutated documents: refused with a reason, or read as XMLParser reads them; never a crash")
    func fuzzAgainstFoundation() throws {
        var generator = SplitMix64(seed: 0x584D_4C21)
        let base = Array(("<?xml version=\"1.0\"?><sst count=\"2\"><si><t xml:space=\"preserve\">六龜 &amp; 甲仙</t></si>"
            + "<si><r><t>a&lt;b</t></r><rPh sb=\"0\"><t>ㄌㄧㄡˋ</t></rPh></si><c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<![CDATA[x]]><!-- c --></sst>").utf8)
        let pieces = Array("<>&;/\"'=!?-] \n\r#x龜a".utf8)
        var agreed = 0, refused = 0
        for _ in 0..<20_000 {
            let input = generator.mutated(base, pieces: pieces, maxEdits: 3)
            let data = Data(input)
            guard let ours = EventLog.ours(data) else {
                refused += 1
                continue
            }
            // Foundation's XMLParser traps (a crash, not an error) on much that is broken: an attribute
            // value without quotes, an attribute whose prefix is not declared (`xml:pace`), an unknown
            // entity (`&l;`), bytes that are not UTF-8 in a comment. So it is asked only about documents
            // ours reads, less those with a prefix (ours resolves no namespaces), a damaged XML
            // declaration, or bytes that are not UTF-8 (ours skips declarations and comments unread).
            // Those traps are one more reason the import no longer uses XMLParser: a spreadsheet with any
            // of them crashed the program.
            let text = String(decoding: input, as: UTF8.self).replacingOccurrences(of: "<t xml:space=\"preserve\">", with: "")
            if text.contains(":") || !text.hasPrefix("<?xml version=\"1.0\"?><") || String(validating: input, as: UTF8.self) == nil { continue }
            let theirs = try #require(FoundationLog.events(data), "XMLParser refused what ours read: \(text)")
            #expect(ours == theirs, "\(text)")
            agreed += 1
        }
        print("XML fuzz: \(agreed) read alike, \(refused) refused by ours")
        #expect(agreed > 1_000 && refused > 5_000)
    }
}
