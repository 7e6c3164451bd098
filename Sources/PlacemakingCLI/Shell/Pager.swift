import Foundation

/// Shows long output one screen at a time through `$PAGER` or `less`, as psql and git do; short output,
/// or output when no pager exists, is written straight to the terminal.
enum Pager {
    static func show(_ text: String, rows: Int, console: Console) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard lineCount >= rows - 1, let pager = command() else {
            console.write(text)
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pager.path)
        process.arguments = pager.arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LESSCHARSET"] = "utf-8"
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            console.write(text)
            return
        }
        signal(SIGPIPE, SIG_IGN)  // quitting the pager early must not end the shell
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// `$PAGER` when it names a program, else `less -FRX` when installed.
    private static func command() -> (path: String, arguments: [String])? {
        let environment = ProcessInfo.processInfo.environment
        if let pager = environment["PAGER"]?.split(separator: " ").map(String.init), let name = pager.first, !name.isEmpty {
            if name == "cat" { return nil }
            let candidates = name.hasPrefix("/") ? [name] : (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
            if let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return (path, Array(pager.dropFirst()))
            }
        }
        for path in ["/usr/bin/less", "/bin/less"] where FileManager.default.isExecutableFile(atPath: path) {
            return (path, ["-FRX"])
        }
        return nil
    }
}
