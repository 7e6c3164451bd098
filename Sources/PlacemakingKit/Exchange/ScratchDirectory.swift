import Foundation

/// A private temporary folder for the parts of a workbook being written, removed when the last sink
/// holding it goes away (finished, failed or abandoned), so no export leaves files behind.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            throw PlacemakingError.exportFileUnwritable(path: url.path, detail: error.localizedDescription)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A new text file here, written under a temporary name until closed.
    func textFile(_ name: String) throws -> FileTextOutput {
        try FileTextOutput(url: url.appendingPathComponent(name))
    }
}
