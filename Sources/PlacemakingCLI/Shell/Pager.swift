import Foundation

/// Shows long output one screen at a time through `$PAGER` or `less -FRX`, as psql and git do; short
/// output, or output when no pager exists, is written straight to the terminal.
///
/// The pager is started with `posix_spawn` in the shell's own process group, which is the terminal's
/// foreground group: a pager in a group of its own (as Foundation's `Process` makes it) is stopped by
/// SIGTTIN the moment it reads the keyboard, and the shell hangs. Output is written with plain
/// `write(2)`, so a pager that quits early (EPIPE) ends the writing, not the shell.
enum Pager {
    static func show(_ text: String, rows: Int, console: Console) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        // More lines than the screen holds: `less -F` then always waits for the user, so a pager that
        // ends at once never showed the text to anyone.
        guard lineCount >= rows, let pager = command() else {
            console.write(text)
            return
        }
        console.flush()  // nothing gathered earlier may appear under the pager
        // A pager killed mid-screen leaves the terminal as it set it (no echo, raw keys): put it back.
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        let started = Date()
        let outcome = run(pager, text: text)
        if haveTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        // The pager could not start, died of a signal or an error, or ended before a person could have
        // read a screen (`PAGER=true`): show the output anyway, so nothing is lost.
        if outcome == .failed || Date().timeIntervalSince(started) < 0.25 {
            console.write(text)
        }
    }

    enum Outcome { case shown, failed }

    /// Runs the pager with `text` on its standard input and waits for it.
    static func run(_ pager: (path: String, arguments: [String]), text: String) -> Outcome {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { return .failed }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        // The pager gets default signal handling (the shell ignores SIGPIPE and catches SIGINT).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTSTP, SIGWINCH, SIGTERM] { sigaddset(&defaults, signal) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var environment = ProcessInfo.processInfo.environment
        if environment["LESSCHARSET"] == nil { environment["LESSCHARSET"] = "utf-8" }
        let argv = ([pager.path] + pager.arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, pager.path, &actions, &attributes, argv, envp)
        close(pipe[0])
        guard spawned == 0 else {
            close(pipe[1])
            return .failed
        }
        let previousPipeHandler = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previousPipeHandler) }
        _ = FileDescriptorWriter.writeAll(Array(text.utf8), to: pipe[1])  // EPIPE: the user quit; nothing to do
        close(pipe[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitedNormally = (status & 0x7f) == 0
        let exitCode = (status >> 8) & 0xff
        return exitedNormally && exitCode == 0 ? .shown : .failed
    }

    /// `$PAGER` when it names a program, else `less -FRX` when installed.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, arguments: [String])? {
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
