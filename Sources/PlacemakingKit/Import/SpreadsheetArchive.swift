import Foundation
import ZIPFoundation

/// A workbook's zip archive opened for reading, its parts read whole (a sheet's XML is parsed in one
/// pass); a file that is not a zip archive, or lacks a part, is refused with the user's message.
struct SpreadsheetArchive {
    /// Parts larger than this are refused rather than read: a sheet is parsed whole, and a crafted
    /// archive of 1 MB that expands to 1 GB took 4 GB of memory to parse. Large data comes as CSV,
    /// which is read row by row.
    static let partLimit: UInt64 = 256 << 20

    let url: URL
    private let archive: Archive

    init(url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent,
                                                        detail: "不是 ZIP 格式的試算表，可能是改了副檔名的其他檔案 not a zip archive")
        }
    }

    /// The bytes of the part at `path`; nil when it is missing and not `required`.
    func data(_ path: String, required: Bool = true) throws -> Data? {
        guard let entry = archive[path] else {
            if required { throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "試算表缺少 \(path)") }
            return nil
        }
        guard entry.uncompressedSize < Self.partLimit else {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent,
                                                        detail: "\(path) 解壓後超過 256 MB；大量資料請另存為 CSV 匯入（CSV 逐列讀取，沒有這個限制）")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "\(path) 的壓縮內容損壞")
        }
        return data
    }

    func data(_ path: String) throws -> Data {
        guard let data = try data(path, required: true) else {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "試算表缺少 \(path)")
        }
        return data
    }
}
