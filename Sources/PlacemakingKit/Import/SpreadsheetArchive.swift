import Foundation
import ZIPFoundation

/// A workbook's zip archive opened for reading, its parts read whole (a sheet's XML is parsed in one
/// pass); a file that is not a zip archive, or lacks a part, is refused with the user's message.
struct SpreadsheetArchive {
    /// Parts larger than this are refused rather than read: a crafted archive could expand without end.
    static let partLimit: UInt64 = 1 << 31

    let url: URL
    private let archive: Archive

    init(url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "not a zip archive")
        }
    }

    /// The bytes of the part at `path`; nil when it is missing and not `required`.
    func data(_ path: String, required: Bool = true) throws -> Data? {
        guard let entry = archive[path] else {
            if required { throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "no \(path)") }
            return nil
        }
        guard entry.uncompressedSize < Self.partLimit else {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "\(path) too large")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "\(path): \(error)")
        }
        return data
    }

    func data(_ path: String) throws -> Data {
        guard let data = try data(path, required: true) else {
            throw PlacemakingError.importFileUnreadable(path: url.lastPathComponent, detail: "no \(path)")
        }
        return data
    }
}
