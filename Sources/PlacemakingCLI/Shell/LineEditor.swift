@preconcurrency import CReadline
import Foundation

/// Interactive line input through GNU readline: editing that handles double-width characters, history
/// kept in a file (searchable with Ctrl-R), and Ctrl-C that clears the line instead of ending the shell.
final class LineEditor {
    private let historyPath: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        using_history()
        stifle_history(2000)
        if let historyPath { read_history(historyPath) }
        signal(SIGINT) { _ in
            // Ctrl-C abandons the line being typed and starts a fresh prompt.
            fputs("\n", stdout)
            rl_on_new_line()
            rl_replace_line("", 0)
            rl_redisplay()
        }
    }

    /// The next line, or nil at end of input (Ctrl-D on an empty line).
    func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
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
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        return path
    }
}
