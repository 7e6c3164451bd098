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

    /// The tmux server's and the shell's process ids, to prove that closing ends both.
    private(set) var processIDs: [pid_t] = []

    /// Starts the program at `width`×`height`. `pager` is `$PAGER` (nil: unset, so the real `less`);
    /// HOME and XDG_STATE_HOME point into the session's own folder, so no test touches the user's history.
    init(width: Int = 80, height: Int = 30, arguments: [String] = [], pager: String? = "cat",
         environment: [String: String] = [:]) throws {
        guard let binary = Self.binary else { throw POSIXError(.ENOENT) }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("placemaking-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("ledger.sqlite").path
        var variables = ["HOME": folder.path, "XDG_STATE_HOME": folder.appendingPathComponent(".local/state").path,
                         "LANG": "C.UTF-8"]
        if let pager { variables["PAGER"] = pager }
        variables.merge(environment) { $1 }
        let command = (["env", "-u", "PAGER", "-u", "LESS", "-u", "COLUMNS", "-u", "LINES"]
                       + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                       + [binary, "--db", databasePath] + arguments)
            .map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), command], capture: false)
        let pids = try tmux(["display-message", "-p", "-t", "main", "#{pid} #{pane_pid}"])
        processIDs = pids.split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
    }

    deinit { close() }

    /// Ends the tmux server and the program in it, even if they ignore SIGHUP, and removes the folder.
    func close() {
        _ = try? tmux(["kill-server"], capture: false)
        let deadline = Date().addingTimeInterval(3)
        while processIDs.contains(where: Self.isAlive), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        for pid in processIDs where Self.isAlive(pid) { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether a process exists and is not a zombie waiting for its parent.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !stat.contains(") Z ")
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
        // The test runner may block or ignore signals; tmux and the program must not inherit that, or
        // kill-server cannot end them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        Glibc.close(pipe[1])
        defer { Glibc.close(pipe[0]) }
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
