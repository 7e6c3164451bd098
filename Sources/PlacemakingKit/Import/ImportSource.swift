import Foundation

/// The rows of a file to import, whatever its format: CSV streamed row by row from its decoded text,
/// a workbook's sheet read whole. Also names the file by its SHA-256 for provenance.
public struct ImportSource {
    public let fileName: String
    public let sha256: String
    /// The encoding a CSV file was read in; nil for workbooks.
    public let encoding: TextEncoding?
    private var csv: CSVReader?
    private var sheetRows: IndexingIterator<[ImportRow]>?
    private var csvRow = 0

    public init(url: URL, sheet: String? = nil, encoding forced: TextEncoding? = nil) throws {
        fileName = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PlacemakingError.importFileUnreadable(path: url.path, detail: (error as NSError).localizedDescription)
        }
        sha256 = SHA256.hex(data)
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt":
            let decoded = forced.map { encoding in encoding.decode(data).map { ($0, encoding) } } ?? TextEncoding.detect(data)
            switch decoded {
            case .success(let (text, used)):
                csv = CSVReader(text: text)
                encoding = used
            case .failure(let failure):
                throw PlacemakingError.fileNotText(path: url.lastPathComponent, byteOffset: failure.offset, line: failure.line)
            }
        case "xlsx":
            sheetRows = try XLSXReader.rows(of: url, sheet: sheet).makeIterator()
            encoding = nil
        case "ods":
            sheetRows = try ODSReader.rows(of: url, sheet: sheet).makeIterator()
            encoding = nil
        default:
            throw PlacemakingError.importUnknownFormat(path: url.lastPathComponent)
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
        return sheetRows?.next()
    }
}
