import Foundation

/// A private temporary folder for the parts of a workbook being written, removed when the last sink
/// holding it goes away (finished, failed or abandoned), so no export leaves files behind.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-\(UUID().uuidString)")
        do {
            // The user's, not the group's: its parts are written with the user's rights (FileTextOutput).
            try SystemIdentity.withUserRights { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) }
        } catch let error as PlacemakingError {
            throw error
        } catch {
            throw PlacemakingError.exportFileUnwritable(path: url.path, detail: error.localizedDescription)
        }
    }

    deinit { _ = try? SystemIdentity.withUserRights { try? FileManager.default.removeItem(at: url) } }

    /// A new text file here, written under a temporary name until closed.
    func textFile(_ name: String) throws -> FileTextOutput {
        try FileTextOutput(url: url.appendingPathComponent(name))
    }
}
