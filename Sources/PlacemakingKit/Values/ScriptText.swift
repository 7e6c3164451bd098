import Foundation

/// The text of a script (standard input, `.read FILE`). Decoding it leniently would turn each invalid
/// byte into U+FFFD and store that in titles; instead a script that is not UTF-8, or holds NUL bytes (a
/// UTF-16 or binary file), is refused with where the first bad byte is, so it can be converted (Big5
/// files are common) rather than silently garbled.
public enum ScriptText {
    /// The UTF-8 byte order mark that Windows editors and Excel put first.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes `data` as UTF-8 after dropping a leading byte order mark.
    ///
    /// - Throws: `PlacemakingError.scriptNotUTF8` or `.scriptHasNUL` with the byte offset (from 0, in
    ///   the data as given, BOM included) and line (from 1) of the first bad byte.
    public static func decode(_ data: Data) throws(PlacemakingError) -> String {
        let bytes = [UInt8](data)
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes[start...].makeIterator()
        var offset = start
        var scalars = String.UnicodeScalarView()
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\u{0}" {
                    throw .scriptHasNUL(byteOffset: offset, line: line(at: offset, in: bytes))
                }
                scalars.append(scalar)
                offset += encoded.count
            case .error:
                throw .scriptNotUTF8(byteOffset: offset, line: line(at: offset, in: bytes))
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The line (from 1) that the byte at `offset` is on.
    private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { lines, byte in byte == 0x0A ? lines + 1 : lines }
    }
}
