import Foundation

/// Where a command's output and messages go: the terminal, a file (`.output`), a buffer for the pager,
/// or memory when tests run commands.
public final class Console: @unchecked Sendable {
    private let isCapturing: Bool
    private var captured = ""
    private var capturedErrors = ""
    private var file: FileHandle?
    private var pageBuffer: String?

    /// Output to the process's standard output and standard error.
    public static func standard() -> Console { Console(capturing: false) }

    /// Output kept in memory, for tests.
    public static func capturing() -> Console { Console(capturing: true) }

    private init(capturing: Bool) { isCapturing = capturing }

    /// Everything written so far (capturing consoles only).
    public var output: String { captured }
    public var errors: String { capturedErrors }

    func write(_ text: String) {
        if let file { FileDescriptorWriter.writeAll(Array(text.utf8), to: file.fileDescriptor) }
        else if pageBuffer != nil { pageBuffer?.append(text) }
        else if isCapturing { captured += text }
        else if !outputClosed { outputClosed = !FileDescriptorWriter.writeAll(Array(text.utf8), to: STDOUT_FILENO) }
    }

    func writeError(_ text: String) {
        if isCapturing { capturedErrors += text } else { FileDescriptorWriter.writeAll(Array(text.utf8), to: STDERR_FILENO) }
    }

    /// Set when standard output's reader went away (`| head`): later output is dropped quietly.
    private var outputClosed = false

    /// Sends output to a file (created or emptied) until `endRedirect`.
    func redirect(to path: String) throws {
        endRedirect()
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        file = handle
    }

    func endRedirect() {
        try? file?.close()
        file = nil
    }

    var isRedirected: Bool { file != nil }

    /// Collects output instead of showing it, for the pager.
    func beginPaging() { pageBuffer = "" }

    /// The output collected since `beginPaging`.
    func endPaging() -> String {
        defer { pageBuffer = nil }
        return pageBuffer ?? ""
    }

    /// A `TextOutputStream` over this console, for the writers of `PlacemakingKit`.
    var stream: Stream { Stream(console: self) }

    struct Stream: TextOutputStream {
        let console: Console
        mutating func write(_ string: String) { console.write(string) }
    }
}
