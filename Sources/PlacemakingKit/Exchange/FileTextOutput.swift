import Foundation

/// Buffered UTF-8 output to standard output or to a file. A file is written under a temporary name
/// beside its destination and renamed into place by `close()`, so a failed or abandoned export never
/// leaves half a file under the name the user asked for (nor destroys an older file of that name).
public final class FileTextOutput: TextOutput {
    private let handle: FileHandle
    /// The destination and the temporary file written until `close()`; nil for standard output.
    private let paths: (final: URL, partial: URL)?
    private var buffer: [UInt8] = []
    private var failure: Error?
    private var closed = false
    /// Bytes written so far (after the buffer is flushed), for sizing zip entries.
    public private(set) var byteCount: Int64 = 0

    private static let bufferSize = 64 * 1024

    private init(handle: FileHandle, paths: (final: URL, partial: URL)?) {
        self.handle = handle
        self.paths = paths
    }

    /// Writes to standard output; `close()` flushes but leaves it open.
    public static func standardOutput() -> FileTextOutput {
        FileTextOutput(handle: .standardOutput, paths: nil)
    }

    /// Writes to `url`, replacing any file there once `close()` succeeds. The file is created, renamed
    /// and removed with the user's own rights (`SystemIdentity.withUserRights`), never the group's.
    public convenience init(url: URL) throws {
        let partial = FileTextOutput.partialURL(for: url)
        let handle = try SystemIdentity.withUserRights { () throws -> FileHandle in
            guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
                throw PlacemakingError.exportFileUnwritable(path: url.path, detail: FileTextOutput.reason(for: url))
            }
            do {
                return try FileHandle(forWritingTo: partial)
            } catch {
                try? FileManager.default.removeItem(at: partial)
                throw PlacemakingError.exportFileUnwritable(path: url.path, detail: error.localizedDescription)
            }
        }
        self.init(handle: handle, paths: (url, partial))
    }

    /// A hidden name beside `url` for the file being written.
    static func partialURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")
    }

    deinit {
        guard !closed, let paths else { return }
        try? handle.close()
        _ = try? SystemIdentity.withUserRights { try? FileManager.default.removeItem(at: paths.partial) }
    }

    public func write(_ string: String) {
        guard failure == nil, !closed else { return }
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Raw bytes (a copied file part).
    func write(bytes: Data) {
        guard failure == nil, !closed else { return }
        flush()
        do { try handle.write(contentsOf: bytes); byteCount += Int64(bytes.count) } catch { failure = error }
    }

    public func check() throws {
        if let failure { throw wrapped(failure) }
    }

    public func close() throws {
        guard !closed else { return }
        flush()
        closed = true
        guard let paths else { try check(); return }
        do {
            try check()
            try handle.close()
            try SystemIdentity.withUserRights {
                guard rename(paths.partial.path, paths.final.path) == 0 else {
                    throw PlacemakingError.exportFileUnwritable(path: paths.final.path, detail: String(cString: strerror(errno)))
                }
            }
        } catch {
            _ = try? SystemIdentity.withUserRights { try? FileManager.default.removeItem(at: paths.partial) }
            throw wrapped(error)
        }
    }

    private func flush() {
        guard !buffer.isEmpty, failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        do { try handle.write(contentsOf: buffer); byteCount += Int64(buffer.count) } catch { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    private func wrapped(_ error: Error) -> Error {
        if error is PlacemakingError { return error }
        return PlacemakingError.exportFileUnwritable(path: paths?.final.path ?? "-", detail: error.localizedDescription)
    }

    /// Why a file could not be created, in the system's words.
    static func reason(for url: URL) -> String {
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            return "no such folder: \(folder)"
        }
        return FileManager.default.isWritableFile(atPath: folder) ? "cannot create the file" : "permission denied: \(folder)"
    }
}
