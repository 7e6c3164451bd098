import Foundation

/// What an XML reader is told, in document order (the shape of Foundation's `XMLParserDelegate`).
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func text(_ text: String)
    func end(_ name: String)
}

extension XMLEventHandler {
    func text(_ text: String) {}
    func end(_ name: String) {}
}

/// A small, strict XML reader for the parts of ODS and XLSX files: elements with qualified names
/// (`table:table-cell`, not resolved against namespaces), attributes, text with the five predefined
/// entities and character references, CDATA, comments and processing instructions. A DOCTYPE, and
/// with it every entity of its own, is refused: spreadsheets never have one, and entity expansion is
/// how hostile XML exhausts memory.
///
/// Why not Foundation's `XMLParser`: it brings libxml2 and with it ICU and liblzma, four shared
/// libraries that every start of the program loaded and relocated for the one command that reads a
/// spreadsheet (a millisecond of each one-shot command).
struct XMLEventParser {
    /// Why a document was refused, with the line where it happened (from 1).
    enum Failure: Error, Equatable {
        /// The document ends inside an element (a part cut short).
        case truncated
        case malformed(line: Int, reason: String)
    }

    /// Runs `handler` over `data`. Well-formedness is checked as far as the readers depend on it:
    /// every element closed by its own name, one root, nothing but comments and instructions after it.
    static func parse(_ data: Data, handler: XMLEventHandler) throws(Failure) {
        let result: Result<Void, Failure> = data.withUnsafeBytes { raw in
            var parser = XMLEventParser(bytes: raw.bindMemory(to: UInt8.self), handler: handler)
            do throws(Failure) { try parser.document() } catch { return .failure(error) }
            return .success(())
        }
        try result.get()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let handler: XMLEventHandler
    private var position = 0
    private var open: [String] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, handler: XMLEventHandler) {
        self.bytes = bytes
        self.handler = handler
    }

    // MARK: - Document structure

    private mutating func document() throws(Failure) {
        if starts(with: [0xEF, 0xBB, 0xBF]) { position += 3 }
        if starts(with: [0xFE, 0xFF]) || starts(with: [0xFF, 0xFE]) { throw failure("此部分為 UTF-16 編碼，請另存為 UTF-8") }
        var sawRoot = false
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!--") {
                    position += 4
                    let begin = position
                    try skip(past: "-->")
                    // XML allows no "--" inside a comment.
                    if position - 3 > begin, (begin..<position - 3).contains(where: { bytes[$0] == UInt8(ascii: "-") && bytes[$0 + 1] == UInt8(ascii: "-") }) {
                        throw failure("註解中有「--」")
                    }
                } else if starts(with: "<![CDATA[") {
                    guard !open.isEmpty else { throw failure("CDATA 在根元素之外") }
                    position += 9
                    let begin = position
                    try skip(past: "]]>")
                    try emitText(from: begin, to: position - 3)
                } else if starts(with: "<!") {
                    throw failure("試算表不應有 DOCTYPE 或宣告")
                } else if starts(with: "</") {
                    try endTag()
                } else {
                    guard !(sawRoot && open.isEmpty) else { throw failure("有第二個根元素") }
                    sawRoot = true
                    try startTag()
                }
            } else {
                let begin = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
                    if bytes[position] == UInt8(ascii: "]"), starts(with: "]]>") { throw failure("文字中有「]]>」") }
                    position += 1
                }
                if open.isEmpty {
                    guard isWhitespace(from: begin, to: position) else { throw failure("根元素之外有文字") }
                } else {
                    try emitDecodedText(from: begin, to: position)
                }
            }
        }
        guard open.isEmpty else { throw .truncated }
        guard sawRoot else { throw failure(bytes.isEmpty ? "內容是空的" : "沒有根元素") }
    }

    private mutating func startTag() throws(Failure) {
        position += 1
        let name = try self.name()
        var attributes: [String: String] = [:]
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw .truncated }
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                open.append(name)
                handler.start(name, attributes: attributes)
                return
            case UInt8(ascii: "/"):
                guard position + 1 < bytes.count else { throw .truncated }
                guard bytes[position + 1] == UInt8(ascii: ">") else { throw failure("<\(name)> 中「/」後面不是「>」") }
                position += 2
                handler.start(name, attributes: attributes)
                handler.end(name)
                return
            default:
                let before = position
                let key = try self.name()
                guard position > before else { throw failure("<\(name)> 中有不應出現的字元") }
                skipWhitespace()
                guard position < bytes.count else { throw .truncated }
                guard bytes[position] == UInt8(ascii: "=") else { throw failure("屬性 \(key) 沒有值") }
                position += 1
                skipWhitespace()
                guard position < bytes.count else { throw .truncated }
                let quote = bytes[position]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw failure("屬性 \(key) 的值沒有加引號") }
                position += 1
                let begin = position
                while position < bytes.count, bytes[position] != quote {
                    guard bytes[position] != UInt8(ascii: "<") else { throw failure("屬性 \(key) 的值中有「<」") }
                    position += 1
                }
                guard position < bytes.count else { throw .truncated }
                let value = try decoded(from: begin, to: position, attribute: true)
                position += 1
                guard position < bytes.count else { throw .truncated }
                guard Self.isSpace(bytes[position]) || bytes[position] == UInt8(ascii: ">") || bytes[position] == UInt8(ascii: "/") else {
                    throw failure("屬性 \(key) 的值後面缺少空白")
                }
                guard attributes.updateValue(value, forKey: key) == nil else { throw failure("屬性 \(key) 出現兩次") }
            }
        }
    }

    private mutating func endTag() throws(Failure) {
        position += 2
        let name = try self.name()
        skipWhitespace()
        guard position < bytes.count else { throw .truncated }
        guard bytes[position] == UInt8(ascii: ">") else { throw failure("</\(name)> 中有不應出現的字元") }
        position += 1
        guard let innermost = open.popLast() else { throw failure("</\(name)> 沒有對應的開始標籤") }
        guard innermost == name else { throw failure("</\(name)> 與 <\(innermost)> 不相配") }
        handler.end(name)
    }

    /// An element or attribute name: ASCII letters, digits, `_ - . :` and anything beyond ASCII, not
    /// starting with a digit, `-` or `.` (XML's name rule, with non-ASCII letters taken on trust).
    private mutating func name() throws(Failure) -> String {
        let begin = position
        while position < bytes.count, Self.isNameByte(bytes[position], first: position == begin) { position += 1 }
        guard position < bytes.count else { throw .truncated }
        guard position > begin else { throw failure("此處應有名稱") }
        return try utf8(from: begin, to: position)
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...:
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return !first
        default:
            return false
        }
    }

    // MARK: - Text

    /// CDATA: taken as it is but for line ends, which XML makes `\n` everywhere.
    private func emitText(from begin: Int, to end: Int) throws(Failure) {
        guard end > begin else { return }
        let text = try utf8(from: begin, to: end)
        handler.text(text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text)
    }

    private func emitDecodedText(from begin: Int, to end: Int) throws(Failure) {
        guard end > begin else { return }
        handler.text(try decoded(from: begin, to: end, attribute: false))
    }

    /// The text between `begin` and `end` with entities and character references replaced, line ends
    /// made `\n`, and in attribute values tabs and line ends made spaces (as XML requires).
    private func decoded(from begin: Int, to end: Int, attribute: Bool) throws(Failure) -> String {
        var plain = true
        for index in begin..<end where bytes[index] == UInt8(ascii: "&") || bytes[index] == 0x0D || (attribute && bytes[index] < 0x20) {
            plain = false
            break
        }
        if plain { return try utf8(from: begin, to: end) }
        var out: [UInt8] = []
        out.reserveCapacity(end - begin)
        var index = begin
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                // A name or a number: `&#0000000065;` is as valid as `&#65;`, so look far enough.
                guard let semicolon = (index + 1..<min(end, index + 64)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                    throw failure("「&」後面沒有實體名稱", at: index)
                }
                let entity = try utf8(from: index + 1, to: semicolon)
                switch entity {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    guard entity.hasPrefix("#"), let scalar = Self.characterReference(entity.dropFirst()) else {
                        throw failure("不認得的實體 &\(entity);", at: index)
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                index = semicolon + 1
            case 0x0D:
                out.append(attribute ? 0x20 : 0x0A)
                index += 1
                if index < end, bytes[index] == 0x0A { index += 1 }
            case 0x09 where attribute, 0x0A where attribute:
                out.append(0x20)
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw failure("文字不是 UTF-8 編碼", at: begin) }
        return text
    }

    /// `#123` or `#x1F` as a character XML allows (not NUL or another control character but tab and
    /// line ends, not a surrogate, not U+FFFE or U+FFFF); digits only, no sign.
    private static func characterReference(_ reference: Substring) -> Unicode.Scalar? {
        let hex = reference.hasPrefix("x")
        let digits = hex ? reference.dropFirst() : reference
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && (hex ? $0.isHexDigit : $0.isNumber) }) else { return nil }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 8, let value = significant.isEmpty ? 0 : UInt32(significant, radix: hex ? 16 : 10) else { return nil }
        guard value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF) else { return nil }
        return Unicode.Scalar(value)
    }

    private func utf8(from begin: Int, to end: Int) throws(Failure) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self) else {
            throw failure("文字不是 UTF-8 編碼", at: begin)
        }
        return text
    }

    // MARK: - Scanning

    private func starts(with text: StaticString) -> Bool {
        starts(with: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private func starts<C: Collection<UInt8>>(with prefix: C) -> Bool {
        guard bytes.count - position >= prefix.count else { return false }
        var index = position
        for byte in prefix {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    private mutating func skip(past terminator: StaticString) throws(Failure) {
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw .truncated
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    private func isWhitespace(from begin: Int, to end: Int) -> Bool {
        (begin..<end).allSatisfy { Self.isSpace(bytes[$0]) }
    }

    /// XML's white space: space, tab, line feed, carriage return.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func failure(_ reason: String, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? position, bytes.count)
        let line = 1 + (0..<end).reduce(0) { $0 + (bytes[$1] == 0x0A ? 1 : 0) }
        return .malformed(line: line, reason: reason)
    }
}
