import Foundation

/// Where an export goes: standard output or a file (`--out PATH`; `-` means standard output). Text
/// formats take either; a workbook (ODS, XLSX) is a zip archive and needs a file.
public enum OutputTarget: Sendable, Equatable {
    case standardOutput
    case file(String)

    /// `nil` or `-` is standard output; anything else a file path.
    public init(path: String?) {
        guard let path, path != "-" else { self = .standardOutput; return }
        self = .file(path)
    }

    /// A text output to this target; a file is created now (under a temporary name until `close()`).
    public func openText() throws -> FileTextOutput {
        switch self {
        case .standardOutput: return FileTextOutput.standardOutput()
        case .file(let path): return try FileTextOutput(url: URL(fileURLWithPath: path))
        }
    }

    /// The file a workbook is written to; refuses standard output.
    public func workbookURL(format: String) throws -> URL {
        guard case .file(let path) = self else { throw PlacemakingError.workbookNeedsFile(format: format) }
        return URL(fileURLWithPath: path)
    }
}
