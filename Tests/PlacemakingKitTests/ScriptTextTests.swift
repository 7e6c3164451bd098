import Foundation
import Testing
@testable import PlacemakingKit

@Suite("Script text")
struct ScriptTextTests {
    @Test("UTF-8 is kept as it is, Chinese and emoji included")
    func validText() throws {
        let text = "plan add --agency 六龜區 --title '山城🌱創生'\r\nplan list\n"
        #expect(try ScriptText.decode(Data(text.utf8)) == text)
        #expect(try ScriptText.decode(Data()) == "")
    }

    @Test("a leading byte order mark is dropped, a later U+FEFF kept")
    func byteOrderMark() throws {
        #expect(try ScriptText.decode(Data([0xEF, 0xBB, 0xBF] + Array("plan list".utf8))) == "plan list")
        #expect(try ScriptText.decode(Data([0xEF, 0xBB, 0xBF])) == "")
        #expect(try ScriptText.decode(Data(Array("a".utf8) + [0xEF, 0xBB, 0xBF])) == "a\u{FEFF}")
    }

    @Test("invalid UTF-8 is refused with the offset and line of the first bad byte")
    func invalidBytes() {
        // 六龜區 in Big5 on line 2, after 10 bytes of line 1 and the BOM.
        let big5: [UInt8] = [0xA4, 0xBB, 0xC0, 0x74, 0xB0, 0xCF]
        let data = Data([0xEF, 0xBB, 0xBF] + Array("plan list\n".utf8) + Array("--title ".utf8) + big5)
        #expect(throws: PlacemakingError.scriptNotUTF8(byteOffset: 21, line: 2)) { try ScriptText.decode(data) }
        #expect(throws: PlacemakingError.scriptNotUTF8(byteOffset: 0, line: 1)) { try ScriptText.decode(Data([0xFF])) }
        // A truncated sequence, an overlong encoding, an encoded surrogate.
        #expect(throws: PlacemakingError.scriptNotUTF8(byteOffset: 2, line: 1)) { try ScriptText.decode(Data([0x61, 0x62, 0xE5, 0x85])) }
        #expect(throws: PlacemakingError.scriptNotUTF8(byteOffset: 1, line: 1)) { try ScriptText.decode(Data([0x61, 0xC0, 0xAF])) }
        #expect(throws: PlacemakingError.scriptNotUTF8(byteOffset: 0, line: 1)) { try ScriptText.decode(Data([0xED, 0xA0, 0x80])) }
        let message = PlacemakingError.scriptNotUTF8(byteOffset: 21, line: 2).message()
        #expect(message.contains("第 2 行") && message.contains("21") && message.contains("UTF-8"))
    }

    @Test("NUL bytes are refused: UTF-16 or binary files")
    func nulBytes() {
        let utf16 = Data("plan".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: PlacemakingError.scriptHasNUL(byteOffset: 1, line: 1)) { try ScriptText.decode(utf16) }
        #expect(throws: PlacemakingError.scriptHasNUL(byteOffset: 6, line: 3)) { try ScriptText.decode(Data("a\nbc\nd\u{0}".utf8)) }
    }
}
