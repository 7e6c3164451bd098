@preconcurrency import CReadline
import Foundation
import PlacemakingKit

// readline calls back through C function pointers, which cannot capture context; this is the state they
// reach. The shell is single-threaded, and readline is too.
nonisolated(unsafe) private var receivedLine: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var lineArrived = false
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0
nonisolated(unsafe) private var resized: sig_atomic_t = 0
/// Builds the completer when Tab is first pressed, so the prompt does not wait for the grammar and the
/// vocabulary.
nonisolated(unsafe) private var completerProvider: (() -> Completer?)?
/// Text treated as if typed before the line (a form completes `--agency` values as `plan add --agency `).
nonisolated(unsafe) private var completionContext = ""
nonisolated(unsafe) private var pendingMatches: [String] = []
nonisolated(unsafe) private var nextMatch = 0
nonisolated(unsafe) private var matchLabels: [String: String] = [:]

/// Interactive line input through GNU readline, the one line editor measured here that edits, moves over
/// and wraps double-width characters correctly. History is kept in a file and searchable with Ctrl-R;
/// Tab completes from the grammar and the vocabulary; Ctrl-C abandons the line (or a form) without
/// ending the shell; Ctrl-D on an empty line ends input.
///
/// It uses readline's callback interface with `poll`, so that a Ctrl-C can end a read cleanly.
final class LineEditor {
    enum Input: Equatable {
        case line(String)
        case interrupted
        case end
    }

    private let historyPath: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        rl_readline_name = UnsafePointer(strdup("placemaking"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        using_history()
        stifle_history(2000)
        if let historyPath { read_history(historyPath) }
        // A blocked signal mask is inherited through exec: a parent that blocks SIGINT would leave Ctrl-C dead.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in interrupted = 1; AppDatabase.interruptRunningQuery() }
        signal(SIGWINCH) { _ in resized = 1 }
        rl_attempted_completion_function = { text, start, _ in
            guard let text, let completer = completerProvider?(), let buffer = rl_line_buffer else { return nil }
            let word = String(cString: text)
            let before = String(decoding: Array(String(cString: buffer).utf8.prefix(Int(start))), as: UTF8.self)
            switch completer.complete(before: completionContext + before, word: word) {
            case .fileName:
                rl_attempted_completion_over = 0
                return nil
            case .words(let words):
                pendingMatches = words
                rl_completion_display_matches_hook = nil
            case .records(let ids, let labels):
                pendingMatches = ids
                matchLabels = labels
                rl_completion_display_matches_hook = { matches, count, _ in
                    // List ids with what they are: `2  那瑪夏區`.
                    guard let matches, count > 0 else { return }
                    var text = "\n"
                    for i in 1...Int(count) {
                        guard let match = matches[i] else { continue }
                        let id = String(cString: match)
                        text += id + "  " + (matchLabels[id] ?? "") + "\n"
                    }
                    fputs(text, stdout)
                    rl_forced_update_display()
                }
            }
            rl_attempted_completion_over = 1
            return rl_completion_matches(text) { _, state in
                if state == 0 { nextMatch = 0 }
                guard nextMatch < pendingMatches.count else { return nil }
                defer { nextMatch += 1 }
                return strdup(pendingMatches[nextMatch])
            }
        }
    }

    /// What Tab offers, asked for when Tab is pressed; nil turns completion off.
    var completer: (() -> Completer?)? {
        get { completerProvider }
        set { completerProvider = newValue }
    }

    /// Reads one line. `context` is text completion treats as typed before the line.
    func read(prompt: String, context: String = "") -> Input {
        completionContext = context
        lineArrived = false
        receivedLine = nil
        interrupted = 0
        rl_callback_handler_install(prompt) { line in
            receivedLine = line
            lineArrived = true
            rl_callback_handler_remove()
        }
        while !lineArrived {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if interrupted != 0 {
                interrupted = 0
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_callback_handler_remove()
                fputs("\n", stdout)
                fflush(stdout)
                return .interrupted
            }
            if resized != 0 {
                resized = 0
                rl_resize_terminal()
            }
            if ready > 0 {
                rl_callback_read_char()
            } else if ready < 0, errno != EINTR {
                rl_callback_handler_remove()
                return .end
            }
        }
        guard let raw = receivedLine else { return .end }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history, in memory and in the history file.
    func remember(_ line: String) {
        add_history(line)
        if let historyPath { append_history(1, historyPath) }
    }

    /// `$XDG_STATE_HOME/placemaking/history`, else `~/.local/state/placemaking/history`; nil when there
    /// is no home to keep it in.
    static func defaultHistoryPath(environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { base = state }
        else if let home = environment["HOME"], !home.isEmpty { base = home + "/.local/state" }
        else { return nil }
        let folder = base + "/placemaking"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let path = folder + "/history"
        // What a clerk typed (names, notes) is nobody else's to read: the history file is the user's alone.
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        return path
    }
}
