import Foundation
import PlacemakingKit

/// The shell: reads lines, splits them into words and runs them with the same grammar as the one-shot
/// command line. A line whose quotes are still open, or that ends with `\`, continues on the next.
struct Shell {
    let runner: CommandRunner
    /// Stop a script at its first failing command.
    let bail: Bool

    private var context: CommandContext { runner.context }

    /// Runs each line of `text`; the result is the worst status of any command.
    func runScript(_ text: String) -> ExitStatus {
        var worst = ExitStatus.success
        var pending = ""
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            pending += pending.isEmpty ? String(line) : "\n" + line
            guard isComplete(pending) else {
                if pending.hasSuffix("\\") { pending.removeLast() }
                continue
            }
            defer { pending = "" }
            guard let status = execute(pending) else { return worst }
            if status.rawValue > worst.rawValue { worst = status }
            if bail, status != .success { return worst }
        }
        if !pending.isEmpty, let status = execute(pending), status.rawValue > worst.rawValue { worst = status }
        return worst
    }

    /// The interactive loop, until `quit` or Ctrl-D.
    func runInteractive() -> ExitStatus {
        let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(environment: ProcessInfo.processInfo.environment))
        let path = URL(fileURLWithPath: context.databasePath).standardizedFileURL.path
        context.say("""
            placemaking — 高雄市地方創生與公民參與資料庫
            資料庫：\(path)
            輸入 help 查看指令、help plan 查看計畫指令；quit 或 Ctrl-D 離開。
            """, """
            placemaking — Kaohsiung placemaking and citizen-participation ledger
            database: \(path)
            type help for commands, help plan for plan commands; quit or Ctrl-D to leave.
            """)
        let name = URL(fileURLWithPath: context.databasePath).deletingPathExtension().lastPathComponent
        var worst = ExitStatus.success
        while true {
            var text = ""
            var prompt = "placemaking(\(name))> "
            while true {
                guard let line = editor.readLine(prompt: prompt) else {
                    if text.isEmpty { context.console.write("\n"); return worst }
                    break
                }
                text += text.isEmpty ? line : "\n" + line
                if isComplete(text) { break }
                if text.hasSuffix("\\") { text.removeLast() }
                prompt = String(repeating: " ", count: max(0, DisplayWidth().of(prompt) - 4)) + "...> "
            }
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { editor.remember(text) }
            guard let status = execute(text) else { return worst }
            if status.rawValue > worst.rawValue { worst = status }
        }
    }

    /// Runs one logical line; nil means the user asked to leave.
    func execute(_ line: String) -> ExitStatus? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("--") || trimmed == ";" { return .success }
        let words: [String]
        do {
            words = try ShellTokenizer.split(trimmed.hasSuffix(";") ? String(trimmed.dropLast()) : trimmed)
        } catch {
            context.console.writeError(context.language.pick("用法錯誤：引號沒有成對；請補上結尾的引號\n",
                                                             "usage error: a quote is not closed; add the closing quote\n"))
            return .usage
        }
        guard let first = words.first else { return .success }
        switch first {
        case "quit", "exit", ".quit", ".exit", ".q":
            return nil
        case "help", ".help", "?":
            return runner.run(Array(words.dropFirst()) + ["--help"])
        default:
            return runner.run(words)
        }
    }

    /// Whether a line is a whole command: quotes closed and no trailing backslash.
    private func isComplete(_ text: String) -> Bool {
        if text.hasSuffix("\\") && !text.hasSuffix("\\\\") { return false }
        if case .failure = Result(catching: { try ShellTokenizer.split(text) }) { return false }
        return true
    }
}
