import Foundation

/// The encodings a CSV file from a Taiwanese desk comes in. Foundation's Big5 decoders on Linux skip
/// bytes they cannot map instead of failing, so every decoding is checked against the bytes' own
/// structure before it is trusted.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case big5 = "big5"
    case big5HKSCS = "big5-hkscs"

    /// The encoding a user names on `--encoding` (`utf8`, `UTF-8`, `cp950`, `big5hkscs` …); nil for others.
    public init?(named name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "big5", "cp950", "big-5": self = .big5
        case "big5-hkscs", "big5hkscs", "hkscs": self = .big5HKSCS
        default: return nil
        }
    }

    /// kCFStringEncodingBig5 and kCFStringEncodingBig5_HKSCS_1999 as NSStringEncoding values; the
    /// CoreFoundation names are not visible from Swift on Linux.
    private var foundation: String.Encoding {
        switch self {
        case .utf8: .utf8
        case .big5: String.Encoding(rawValue: 0x8000_0A03)
        case .big5HKSCS: String.Encoding(rawValue: 0x8000_0A06)
        }
    }

    /// The text of `data` in this encoding (a UTF-8 BOM dropped), or the offset of the first byte that
    /// does not belong to it.
    public func decode(_ data: Data) -> Result<String, DecodingFailure> {
        utf8(data).map { bytes in
            String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes, as: UTF8.self)
        }
    }

    /// `data` as UTF-8 bytes: itself when it is valid UTF-8 (a BOM kept, for the reader to skip), else
    /// its text converted once; or the offset of the first byte that does not belong to this encoding.
    /// A UTF-8 file, the usual case, is checked in place and never copied.
    public func utf8(_ data: Data) -> Result<Data, DecodingFailure> {
        switch self {
        case .utf8:
            if let bad = data.withUnsafeBytes(Self.firstInvalidUTF8) { return .failure(DecodingFailure(bytes: data, offset: bad)) }
            return .success(data)
        case .big5, .big5HKSCS:
            let bytes = [UInt8](data)
            let shape = Self.big5Shape(bytes, leads: self == .big5 ? 0xA1...0xF9 : 0x81...0xFE)
            if let bad = shape.invalidAt { return .failure(DecodingFailure(bytes: bytes, offset: bad)) }
            guard let text = String(data: data, encoding: foundation) else {
                return .failure(DecodingFailure(bytes: bytes, offset: 0))
            }
            // Each single byte gives one scalar and each pair at least one; fewer means a pair was
            // dropped, as Foundation does with pairs it cannot map.
            let scalars = text.unicodeScalars
            if scalars.count < shape.characters || scalars.contains("\u{FFFD}") {
                return .failure(DecodingFailure(bytes: bytes, offset: Self.firstUnmapped(bytes, encoding: foundation)))
            }
            return .success(Data(text.utf8))
        }
    }

    /// Tries UTF-8, then Big5 (CP950), then Big5-HKSCS; the failure reported is UTF-8's, the encoding
    /// the file most likely meant.
    public static func detect(_ data: Data) -> Result<(String, TextEncoding), DecodingFailure> {
        detectUTF8(data).map { bytes, encoding in
            (String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes, as: UTF8.self), encoding)
        }
    }

    /// `detect`, giving UTF-8 bytes (`utf8(_:)`) instead of text. When no encoding fits, the failure
    /// reported is the one furthest into the file: the encoding the file most likely is, and its
    /// first bad byte (a Big5 file with one bad byte on line 3 is not "bad at byte 1").
    public static func detectUTF8(_ data: Data) -> Result<(Data, TextEncoding), DecodingFailure> {
        var furthest: DecodingFailure?
        for encoding in allCases {
            switch encoding.utf8(data) {
            case .success(let bytes): return .success((bytes, encoding))
            case .failure(let failure): if failure.offset > (furthest?.offset ?? -1) { furthest = failure }
            }
        }
        return .failure(furthest ?? DecodingFailure(bytes: [UInt8](), offset: 0))
    }

    /// Whether `data` looks like UTF-16 (Excel's "Unicode text"): a byte-order mark, or NUL bytes in
    /// its first line, which no text in the encodings read here has.
    public static func looksLikeUTF16(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.prefix(200).contains(0)
    }

    /// Where a decoding failed: byte offset from 0 and line from 1.
    public struct DecodingFailure: Error, Sendable {
        public let offset: Int
        public let line: Int

        init<Bytes: Collection<UInt8>>(bytes: Bytes, offset: Int) {
            self.offset = offset
            line = 1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
    }

    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            guard (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
    }

    /// Big5's byte structure: ASCII, or a lead byte followed by 0x40–0x7E or 0xA1–0xFE. Plain Big5
    /// (with CP950's additions) leads with 0xA1–0xF9; HKSCS adds 0x87–0xA0 and 0xFA–0xFE, which
    /// Foundation's CP950 decoder would silently drop.
    static func big5Shape(_ bytes: [UInt8], leads: ClosedRange<UInt8>) -> (characters: Int, invalidAt: Int?) {
        var i = 0, characters = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; characters += 1; continue }
            guard leads.contains(b), i + 1 < bytes.count else { return (characters, i) }
            let trail = bytes[i + 1]
            guard (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else { return (characters, i) }
            i += 2
            characters += 1
        }
        return (characters, nil)
    }

    /// The first pair the decoder cannot map, found pair by pair; only on the failure path.
    private static func firstUnmapped(_ bytes: [UInt8], encoding: String.Encoding) -> Int {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let pair = Data(bytes[i..<min(i + 2, bytes.count)])
            let text = String(data: pair, encoding: encoding)
            if text == nil || text?.isEmpty == true || text?.unicodeScalars.contains("\u{FFFD}") == true { return i }
            i += 2
        }
        return 0
    }
}
