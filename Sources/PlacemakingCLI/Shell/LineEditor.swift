@preconcurrency import CReadline
import Foundation
import PlacemakingKit

// readline calls back through C function pointers, which cannot capture context; this is the state they
// reach. The shell is single-threaded, and readline is too.
nonisolated(unsafe) private var receivedLine: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var lineArrived = false
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0
nonisolated(unsafe) private var resized: sig_atomic_t = 0
/// The self-pipe the signal handlers write to, so that the wait for a key always wakes (see `read`).
nonisolated(unsafe) private var wakeRead: Int32 = -1
nonisolated(unsafe) private var wakeWrite: Int32 = -1
/// Builds the completer when Tab is first pressed, so the prompt does not wait for the grammar and the
/// vocabulary.
nonisolated(unsafe) private var completerProvider: (() -> Completer?)?
/// Text treated as if typed before the line (a form completes `--agency` values as `plan add --agency `).
nonisolated(unsafe) private var completionContext = ""
nonisolated(unsafe) private var pendingMatches: [String] = []
nonisolated(unsafe) private var nextMatch = 0
nonisolated(unsafe) private var matchLabels: [String: String] = [:]

/// The key given to readline in place of the next byte once Ctrl-C was pressed: Ctrl-C itself, which the
/// terminal never passes on as a byte (it sends SIGINT), bound to end the line; `read` then discards it.
private let interruptKey: Int32 = 3

/// The UTF-8 character readline is in the middle of: its lead byte and how many more bytes it expects.
/// Ctrl-C makes the terminal drop unread input, which can cut a character in two; readline would keep
/// the first half and put it before the next line's first character.
nonisolated(unsafe) private var characterLead: UInt8 = 0
nonisolated(unsafe) private var characterBytesDue = 0
/// Whether the abandoned line ends with a character completed by `nextKey` (removed before it is shown).
nonisolated(unsafe) private var characterCompleted = false

/// Notes a byte given to readline, for `characterBytesDue`.
private func given(_ byte: UInt8) -> Int32 {
    if characterBytesDue > 0, byte & 0xC0 == 0x80 {
        characterBytesDue -= 1
    } else {
        characterLead = byte
        characterBytesDue = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
    }
    return Int32(byte)
}

/// readline's source of keys (`rl_getc_function`). Its own blocks in `read(2)`, restarted after a
/// signal: when Ctrl-C flushes the terminal's input between `poll` saying a key is there and that
/// `read` (a long paste), it sleeps until the next key and the Ctrl-C is lost. This one waits with
/// `poll` on the terminal and the signals' pipe, and reads without blocking. After Ctrl-C it first
/// completes a character cut in two (with a valid continuation for its lead byte), then gives
/// `interruptKey`.
private func nextKey() -> Int32 {
    while true {
        if interrupted != 0 {
            guard characterBytesDue > 0 else { return interruptKey }
            let first = characterBytesDue == (characterLead >= 0xF0 ? 3 : characterLead >= 0xE0 ? 2 : 1)
            characterCompleted = true
            return given(first && characterLead == 0xE0 ? 0xA0 : first && characterLead == 0xF0 ? 0x90 : 0x80)
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        if poll(&descriptors, wakeRead < 0 ? 1 : 2, -1) < 0 {
            if errno == EINTR { continue }
            return EOF
        }
        if descriptors[1].revents != 0 { drainWakePipe(); continue }
        guard descriptors[0].revents != 0 else { continue }
        let flags = fcntl(STDIN_FILENO, F_GETFL)
        _ = fcntl(STDIN_FILENO, F_SETFL, flags | O_NONBLOCK)
        var byte: UInt8 = 0
        let count = read(STDIN_FILENO, &byte, 1)
        let failure = errno
        _ = fcntl(STDIN_FILENO, F_SETFL, flags)
        if count == 1 { return given(byte) }
        if count < 0, failure == EAGAIN || failure == EWOULDBLOCK || failure == EINTR { continue }
        return EOF  // the terminal is gone
    }
}

private func drainWakePipe() {
    var drained = [UInt8](repeating: 0, count: 64)
    while read(wakeRead, &drained, drained.count) > 0 {}
}

/// Interactive line input through GNU readline, the one line editor measured here that edits, moves over
/// and wraps double-width characters correctly. History is kept in a file and searchable with Ctrl-R;
/// Tab completes from the grammar and the vocabulary; Ctrl-C abandons the line (or a form) without
/// ending the shell; Ctrl-D on an empty line ends input.
///
/// It uses readline's callback interface with `poll`, so that a Ctrl-C can end a read cleanly. The
/// handlers also write a byte to a pipe that `poll` watches with the terminal: a signal taken by
/// another thread (the process has Dispatch's), or just before `poll` began (while readline drew the
/// prompt or handled the keys of a long paste), still wakes it, instead of waiting for the next key.
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
        if wakeRead < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                }
                (wakeRead, wakeWrite) = (ends[0], ends[1])
            }
        }
        rl_getc_function = { _ in nextKey() }
        rl_bind_key(interruptKey) { _, _ in
            // The line is left on screen as it was abandoned, the cursor after its end (it may wrap); drawn
            // a moment after SIGINT, as the terminal then discards the output it has not shown yet.
            usleep(20_000)
            if characterCompleted { rl_rubout(1, 0) }
            characterCompleted = false
            rl_point = rl_end
            rl_redisplay()
            rl_done = 1
            return 0
        }
        signal(SIGINT) { _ in
            interrupted = 1
            AppDatabase.interruptRunningQuery()
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
        signal(SIGWINCH) { _ in
            resized = 1
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
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

    /// Forgets a Ctrl-C that came while a command ran: it stopped (or was meant for) that command, not
    /// the next line. The shell calls this after each command; a Ctrl-C between two reads with no
    /// command in between (a continued line, the fields of a form) still cancels the next read.
    func forgetInterrupt() {
        interrupted = 0
    }

    /// Reads one line. `context` is text completion treats as typed before the line.
    func read(prompt: String, context: String = "") -> Input {
        completionContext = context
        lineArrived = false
        receivedLine = nil
        rl_callback_handler_install(prompt) { line in
            receivedLine = line
            lineArrived = true
            rl_callback_handler_remove()
        }
        var interruptTries = 0
        while !lineArrived {
            if interrupted != 0, interruptTries < 3 {
                // Through readline, so that it takes `interruptKey` (after completing a character cut in
                // two) and ends the line in a clean state; a few tries, as it may first be in a key sequence.
                interruptTries += 1
                rl_callback_read_char()
                continue
            }
            if interrupted != 0 {
                interrupted = 0
                usleep(20_000)
                rl_redisplay()
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_callback_handler_remove()
                fputs("\n", stdout)
                fflush(stdout)
                rl_on_new_line()
                return .interrupted
            }
            if resized != 0 {
                resized = 0
                rl_resize_terminal()
            }
            var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, wakeRead < 0 ? 1 : 2, -1)
            if ready > 0, descriptors[1].revents != 0 {
                // A signal: its flag is looked at next, before any key.
                drainWakePipe()
                continue
            }
            if ready > 0 {
                rl_callback_read_char()
            } else if ready < 0, errno != EINTR {
                rl_callback_handler_remove()
                return .end
            }
        }
        if interrupted != 0 {
            // Ended by `interruptKey`: readline finished the line as for Enter, and it is abandoned.
            // (Not rl_free_line_state: it redraws, and would draw the finished line empty.)
            interrupted = 0
            free(receivedLine)
            fputs("\n", stdout)
            fflush(stdout)
            // The next prompt starts on this new line, leaving the abandoned one as it is.
            rl_on_new_line()
            return .interrupted
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
