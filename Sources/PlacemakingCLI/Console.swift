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
        if pageBuffer != nil, file == nil { pageBuffer?.append(text) }
        else if isCapturing, file == nil { captured += text }
        else if file != nil || !outputClosed {
            pending.append(contentsOf: text.utf8)
            if pending.count >= Self.pendingLimit { flush() }
        }
    }

    func writeError(_ text: String) {
        flush()  // what came before it on standard output shows before it
        if isCapturing { capturedErrors += text } else { FileDescriptorWriter.writeAll(Array(text.utf8), to: STDERR_FILENO) }
    }

    /// Output for standard output or the `.output` file, gathered so that a long list goes out in
    /// 64 KB writes rather than one or two per row (the kernel call cost more than the row).
    private var pending: [UInt8] = []
    private static let pendingLimit = 64 * 1024

    /// Writes the gathered output. Called before anything goes to standard error, before input is read,
    /// when the destination changes and when a command ends; a console that goes away flushes too.
    func flush() {
        guard !pending.isEmpty else { return }
        if let file {
            FileDescriptorWriter.writeAll(pending, to: file.fileDescriptor)
        } else if !outputClosed {
            outputClosed = !FileDescriptorWriter.writeAll(pending, to: STDOUT_FILENO)
        }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { flush() }

    /// Set when standard output's reader went away (`| head`): later output is dropped quietly.
    private var outputClosed = false

    /// Sends output to a file (created or emptied) until `endRedirect`.
    func redirect(to path: String) throws {
        endRedirect()
        flush()
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        file = handle
    }

    func endRedirect() {
        flush()
        try? file?.close()
        file = nil
    }

    var isRedirected: Bool { file != nil }

    /// Collects output instead of showing it, for the pager.
    func beginPaging() {
        flush()
        pageBuffer = ""
    }

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
