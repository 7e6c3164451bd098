import Foundation
import ZIPFoundation

/// Packs a workbook's parts into a zip archive, streaming each entry from strings and files (no entry
/// is ever held whole in memory), then renames the archive into place: an export that fails leaves
/// no file, and never a damaged one, under the name asked for.
struct ZipPackage {
    /// A piece of an entry: literal text, or the contents of a file written earlier.
    enum Part {
        case text(String)
        case file(URL)
    }

    struct Entry {
        var path: String
        var parts: [Part]
        /// ODF requires `mimetype` stored; everything else is deflated.
        var compressed = true
    }

    /// With the user's own rights: the archive may be written only where the user could write it.
    static func write(_ entries: [Entry], to url: URL) throws {
        try SystemIdentity.withUserRights { try writeAsUser(entries, to: url) }
    }

    private static func writeAsUser(_ entries: [Entry], to url: URL) throws {
        let partial = FileTextOutput.partialURL(for: url)
        do {
            let archive = try Archive(url: partial, accessMode: .create)
            for entry in entries {
                let reader = try PartReader(entry.parts)
                defer { reader.close() }
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: reader.size,
                                     compressionMethod: entry.compressed ? .deflate : .none,
                                     provider: { _, size in try reader.read(size) })
            }
            guard rename(partial.path, url.path) == 0 else {
                throw PlacemakingError.exportFileUnwritable(path: url.path, detail: String(cString: strerror(errno)))
            }
        } catch let error as PlacemakingError {
            try? FileManager.default.removeItem(at: partial)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: partial)
            let detail = FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path)
                ? String(describing: error) : FileTextOutput.reason(for: url)
            throw PlacemakingError.exportFileUnwritable(path: url.path, detail: detail)
        }
    }

    /// Reads the parts of one entry in order, as one stream of bytes.
    private final class PartReader {
        let size: Int64
        private var parts: [Part]
        private var next = 0
        private var pending = Data()
        private var pendingOffset = 0
        private var file: FileHandle?

        init(_ parts: [Part]) throws {
            self.parts = parts
            size = try parts.reduce(Int64(0)) { total, part in
                switch part {
                case .text(let s): return total + Int64(s.utf8.count)
                case .file(let url):
                    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber
                    return total + (size?.int64Value ?? 0)
                }
            }
        }

        func read(_ count: Int) throws -> Data {
            var chunk = Data()
            while chunk.count < count {
                if pendingOffset < pending.count {
                    let take = min(count - chunk.count, pending.count - pendingOffset)
                    chunk.append(pending[pendingOffset ..< pendingOffset + take])
                    pendingOffset += take
                    continue
                }
                if let file {
                    if let data = try file.read(upToCount: count - chunk.count), !data.isEmpty {
                        chunk.append(data)
                        continue
                    }
                    try file.close()
                    self.file = nil
                }
                guard next < parts.count else { break }
                switch parts[next] {
                case .text(let s): (pending, pendingOffset) = (Data(s.utf8), 0)
                case .file(let url): file = try FileHandle(forReadingFrom: url)
                }
                next += 1
            }
            return chunk
        }

        func close() { try? file?.close() }
    }
}
