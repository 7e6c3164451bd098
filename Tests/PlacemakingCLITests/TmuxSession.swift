import Foundation
import Glibc

/// The real `placemaking` binary in a real pseudo-terminal: a tmux session on a private socket, driven
/// with send-keys and read with capture-pane, as a person at a terminal would meet it.
final class TmuxSession {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isAvailable: Bool { tmux != nil && binary != nil }

    /// The binary that `swift test` built beside the test bundle.
    static let binary: String? = {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = testBundle.appendingPathComponent("placemaking").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    let socket = "placemaking-test-\(UUID().uuidString.prefix(8))"
    let folder: URL
    let databasePath: String

    init(width: Int = 80, height: Int = 30, arguments: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("ledger.sqlite").path
        let command = (["env", "HOME=\(folder.path)", "LANG=C.UTF-8", "PAGER=cat", "USER=tester", Self.binary!, "--db", databasePath] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), command], capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"], capture: false)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text], capture: false) }

    /// Types an answer (or nothing) and presses Enter.
    func enter(_ text: String = "") throws {
        if !text.isEmpty { try type(text) }
        try press("Enter")
    }

    /// Presses keys by tmux name: Enter, Tab, BSpace, Left, Up, C-c, C-d.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys, capture: false) }

    /// The visible screen, with lines that the terminal wrapped joined back.
    func screen() throws -> String { try tmux(["capture-pane", "-t", "main", "-p", "-J"]) }

    /// Waits until the screen shows `text` (at most `seconds`), and returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: text, screen: last)
    }

    /// Waits until `count` occurrences of `text` are on screen.
    @discardableResult
    func waitFor(_ text: String, count: Int, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.components(separatedBy: text).count - 1 >= count { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: "\(count)× \(text)", screen: last)
    }

    struct Timeout: Error, CustomStringConvertible {
        let expected: String
        let screen: String
        var description: String { "did not see \(expected) on screen:\n\(screen)" }
    }

    /// Runs tmux and returns what it printed. Only commands that print are captured: the server that
    /// `new-session` starts would otherwise inherit the pipe and keep it open for ever. Spawned with
    /// posix_spawn and reaped with waitpid: Foundation's Process was seen here never noticing that the
    /// tmux client had exited.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = [Self.tmux!, "-L", socket, "-f", "/dev/null"] + arguments
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture { posix_spawn_file_actions_adddup2(&actions, pipe[1], 1) } else { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw POSIXError(.ENOENT) }
        var output = Data()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipe[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }
}
