import Foundation

/// Where a command's output and messages go: the terminal, or a buffer when tests run commands.
public final class Console: @unchecked Sendable {
    private var captured: String?
    private let isCapturing: Bool
    /// Written to standard error (or captured separately).
    private(set) var capturedErrors = ""

    /// Output to the process's standard output and standard error.
    public static func standard() -> Console { Console(capturing: false) }

    /// Output kept in memory, for tests.
    public static func capturing() -> Console { Console(capturing: true) }

    private init(capturing: Bool) {
        isCapturing = capturing
        captured = capturing ? "" : nil
    }

    /// Everything written so far (capturing consoles only).
    public var output: String { captured ?? "" }
    public var errors: String { capturedErrors }

    func write(_ text: String) {
        if isCapturing { captured! += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    func writeError(_ text: String) {
        if isCapturing { capturedErrors += text } else { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// A `TextOutputStream` over this console, for the writers of `PlacemakingKit`.
    var stream: Stream { Stream(console: self) }

    struct Stream: TextOutputStream {
        let console: Console
        mutating func write(_ string: String) { console.write(string) }
    }
}
