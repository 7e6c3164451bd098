/// Where a text sink (CSV, JSON, Markdown) writes: a `TextOutputStream` that can also report a failed
/// write and be closed. Writing cannot throw in `TextOutputStream`, so a file output keeps its first
/// error; the sink asks for it after each row (so a full disk stops an export at once) and at the end.
public protocol TextOutput: TextOutputStream {
    /// Throws the first write error so far, if any.
    mutating func check() throws
    /// Flushes and closes the output; a file appears at its path only now.
    mutating func close() throws
}

extension TextOutput {
    public mutating func check() throws {}
    public mutating func close() throws {}
}

extension String: TextOutput {}

/// Any text stream (the shell's output, a test's string) as a `TextOutput` that never fails.
public struct StreamTextOutput<Stream: TextOutputStream>: TextOutput {
    public var stream: Stream

    public init(_ stream: Stream) { self.stream = stream }

    public mutating func write(_ string: String) { stream.write(string) }
}
