import Foundation

/// The rows of a file to import, whatever its format: CSV read row by row from the file's bytes
/// (memory-mapped, so a large file is never held as text), a workbook's sheet read whole. Also names
/// the file by its SHA-256 for provenance.
public struct ImportSource {
    public let fileName: String
    public let sha256: String
    /// The encoding a CSV file was read in; nil for workbooks.
    public let encoding: TextEncoding?
    private var csv: CSVReader?
    private var sheetRows: [ImportRow] = []
    private var sheetIndex = 0
    private var csvRow = 0

    public init(url: URL, sheet: String? = nil, encoding forced: TextEncoding? = nil) throws {
        fileName = url.lastPathComponent
        let data = try Self.read(url)
        sha256 = SHA256.hex(data)
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt":
            // NUL bytes are never text in a CSV: UTF-16 (Excel's "Unicode text"), whose ASCII would pass as UTF-8.
            if forced == nil, TextEncoding.looksLikeUTF16(data) {
                throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent,
                                                            detail: "這是 UTF-16 文字（Excel 的「Unicode 文字」）；請另存為「CSV UTF-8」")
            }
            let decoded = forced.map { encoding in encoding.utf8(data).map { ($0, encoding) } } ?? TextEncoding.detectUTF8(data)
            switch decoded {
            case .success(let (bytes, used)):
                csv = CSVReader(utf8: bytes)
                encoding = used
            case .failure(let failure):
                if let forced {
                    throw PlacemakingError.fileNotInEncoding(path: url.lastPathComponent, encoding: forced.rawValue,
                                                             byteOffset: failure.offset, line: failure.line)
                }
                throw PlacemakingError.fileNotText(path: url.lastPathComponent, byteOffset: failure.offset, line: failure.line)
            }
        case "xlsx":
            sheetRows = try XLSXReader.rows(of: url, sheet: sheet)
            encoding = nil
        case "ods":
            sheetRows = try ODSReader.rows(of: url, sheet: sheet)
            encoding = nil
        default:
            throw PlacemakingError.importUnknownFormat(path: url.lastPathComponent)
        }
    }

    /// The file's bytes, memory-mapped when it is a regular file; what stands in the way said plainly.
    private static func read(_ url: URL) throws -> Data {
        let name = url.lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw PlacemakingError.importFileUnreadable(path: url.path, detail: "檔案不存在")
        }
        if isFolder.boolValue { throw PlacemakingError.importFileUnreadable(path: name, detail: "這是資料夾，不是檔案") }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw PlacemakingError.importFileUnreadable(path: name, detail: "沒有讀取權限")
        }
        // A pipe or a device cannot be mapped; it is read instead.
        if let mapped = try? Data(contentsOf: url, options: .alwaysMapped) { return mapped }
        do { return try Data(contentsOf: url) } catch {
            throw PlacemakingError.importFileUnreadable(path: name, detail: "讀取失敗")
        }
    }

    /// The next row, numbered as the file counts (CSV: records from 1, the header included).
    public mutating func next() throws -> ImportRow? {
        if var reader = csv {
            defer { csv = reader }
            guard let fields = try reader.next() else { return nil }
            csvRow += 1
            return ImportRow(number: csvRow, cells: fields.map { $0.isEmpty ? .empty : .text($0) })
        }
        guard sheetIndex < sheetRows.count else { return nil }
        sheetIndex += 1
        return sheetRows[sheetIndex - 1]
    }

    /// How much of the file has been read, from 0 to 1.
    public var fractionRead: Double {
        if let csv { return csv.fractionRead }
        return sheetRows.isEmpty ? 1 : Double(sheetIndex) / Double(sheetRows.count)
    }
}
