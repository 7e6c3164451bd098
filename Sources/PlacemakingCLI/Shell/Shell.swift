import Foundation
import PlacemakingKit

/// The shell: reads lines, splits them into words and runs them with the same grammar as the one-shot
/// command line. A line whose quotes are still open, or that ends with `\`, continues on the next.
/// Dot commands (`.mode`, `.tables`, `.read` …) change the session, as in SQLite's shell.
final class Shell {
    let runner: CommandRunner
    /// Stop a script at its first failing command.
    let bail: Bool
    private var timer = false
    private var outputOnce = false
    private var editor: LineEditor?
    /// Nesting of `.read`, to refuse a file that reads itself.
    private var readDepth = 0

    init(runner: CommandRunner, bail: Bool) {
        self.runner = runner
        self.bail = bail
    }

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
        let editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(environment: ProcessEnvironment.all()))
        self.editor = editor
        let path = URL(fileURLWithPath: context.databasePath).standardizedFileURL.path
        context.say("""
            placemaking — 高雄市地方創生與公民參與資料庫
            資料庫：\(path)\(context.actingAgency.map { "\n操作身分：\($0)" } ?? "")
            輸入 help 查看指令、help plan 查看計畫指令；Tab 補全；quit 或 Ctrl-D 離開。
            """, """
            placemaking — Kaohsiung placemaking and citizen-participation ledger
            database: \(path)\(context.actingAgency.map { "\nacting for: \($0)" } ?? "")
            type help for commands, help plan for plan commands; Tab completes; quit or Ctrl-D to leave.
            """)
        let name = URL(fileURLWithPath: context.databasePath).deletingPathExtension().lastPathComponent
        var worst = ExitStatus.success
        while true {
            refreshCompletion()
            var text = ""
            var prompt = "placemaking(\(name)\(context.actingAgency.map { "·" + $0 } ?? ""))> "
            var interrupted = false
            while true {
                context.console.flush()
                switch editor.read(prompt: prompt) {
                case .end:
                    if text.isEmpty { context.console.write("\n"); return worst }
                case .interrupted:
                    interrupted = true
                case .line(let line):
                    text += text.isEmpty ? line : "\n" + line
                    if !isComplete(text) {
                        if text.hasSuffix("\\") { text.removeLast() }
                        prompt = String(repeating: " ", count: max(0, DisplayWidth().of(prompt) - 5)) + "...> "
                        continue
                    }
                }
                break
            }
            if interrupted { continue }
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { editor.remember(text) }
            context.terminalWidth = Terminal.columns()
            guard let status = execute(text) else { return worst }
            editor.forgetInterrupt()
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
        if ["quit", "exit", ".quit", ".exit", ".q"].contains(first) { return nil }

        let started = Date()
        let paging = editor != nil && !context.console.isRedirected
        if paging { context.console.beginPaging() }
        let status: ExitStatus
        if first.hasPrefix(".") {
            status = dotCommand(first, Array(words.dropFirst()))
        } else if let editor, isFormRequest(words) {
            // `plan add` or `plan edit 7` with no options: ask for them in a form.
            if paging { context.console.write(context.console.endPaging()) }
            let command = CommandGrammar.root.resolve(Array(words.prefix(2))).command
            if words[1] == "edit" { return runEditForm(words, command: command, editor: editor) }
            let arguments = Form(path: words, command: command, context: context, editor: editor).run()
            return arguments.map { runner.run($0) } ?? .success
        } else {
            status = runner.run(first == "?" ? ["help"] + words.dropFirst() : words)
        }
        // Under set-group-id no pager runs: it would hold the group's privilege and can start a shell.
        if paging, SystemIdentity.isSetGroupID {
            context.console.write(context.console.endPaging())
        } else if paging { Pager.show(context.console.endPaging(), rows: Terminal.rows(), console: context.console) }
        if timer {
            context.say(String(format: "執行時間：%.3f 秒", Date().timeIntervalSince(started)),
                        String(format: "run time: %.3f s", Date().timeIntervalSince(started)))
        }
        if outputOnce, first != ".once" {
            context.console.endRedirect()
            outputOnce = false
        }
        return status
    }

    /// `NOUN edit ID` as a form: shows the record, asks for new values, and writes them only if nobody
    /// changed the record meanwhile (`--if-version` of the version read before it was shown). When
    /// someone did, offers to show the new values and start again.
    private func runEditForm(_ words: [String], command: CommandGrammar, editor: LineEditor) -> ExitStatus {
        let table = LedgerTable(named: words[0])
        while true {
            // The version before the record: a change between the two reads is refused, never lost.
            let version = Int64(words[2]).flatMap { id in table.flatMap { try? context.database.version(of: $0, id: id) } }
            let shown = runner.run([words[0], "show", words[2]])
            guard shown == .success else { return shown }
            guard var arguments = Form(path: words, command: command, context: context, editor: editor).run() else { return .success }
            if let version { arguments += ["--if-version", String(version)] }
            let status = runner.run(arguments)
            guard case .some(.staleRecord) = context.lastError else { return status }
            context.console.flush()
            switch editor.read(prompt: context.language.pick("要查看最新內容並重新填寫嗎？(y/N) ", "show the new values and start again? (y/N) ")) {
            case .line(let answer) where ["y", "yes", "是", "好"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()):
                continue
            default:
                return status
            }
        }
    }

    // MARK: - Dot commands

    private func dotCommand(_ name: String, _ arguments: [String]) -> ExitStatus {
        let language = context.language
        func fail(_ chinese: String, _ english: String) -> ExitStatus {
            context.console.writeError(language.pick("錯誤：", "error: ") + language.pick(chinese, english) + "\n")
            return .failure
        }
        do {
            // Under set-group-id a file the user names would be read or written with the group's privilege.
            if SystemIdentity.isSetGroupID, [".read", ".output", ".once"].contains(name), let path = arguments.first, path != "stdout" {
                throw PlacemakingError.notUnderSetGroupID(what: name)
            }
            switch name {
            case ".tables":
                context.console.write(try context.database.tableNames().joined(separator: "  ") + "\n")
            case ".schema":
                let statements = try context.database.schemaSQL(table: arguments.first)
                if statements.isEmpty, let table = arguments.first { return fail("沒有資料表「\(table)」；請用 .tables 查看", "no table '\(table)'; see .tables") }
                context.console.write(statements.joined(separator: "\n") + "\n")
            case ".mode":
                guard let word = arguments.first, let style = OutputFormat.Style(rawValue: word) else {
                    return fail(".mode 後面請接 table、box、markdown、csv 或 json", "type .mode table, box, markdown, csv or json")
                }
                context.defaultStyle = style
            case ".headers":
                guard let on = onOff(arguments) else { return fail("請輸入 .headers on 或 .headers off", "type .headers on or .headers off") }
                context.headers = on
            case ".ambiguous":
                switch arguments.first {
                case "wide": context.ambiguousIsWide = true
                case "narrow": context.ambiguousIsWide = false
                default: return fail("請輸入 .ambiguous wide 或 .ambiguous narrow（─、○、① 等字元佔兩格或一格）",
                                     "type .ambiguous wide or .ambiguous narrow (whether ─ ○ ① take two columns or one)")
                }
            case ".timer":
                guard let on = onOff(arguments) else { return fail("請輸入 .timer on 或 .timer off", "type .timer on or .timer off") }
                timer = on
            case ".read":
                guard let path = arguments.first else { return fail("請輸入 .read 檔名", "type .read FILE") }
                guard readDepth < 8 else { return fail(".read 巢狀太深（檔案是否讀取自己？）", ".read is nested too deeply (does the file read itself?)") }
                guard let data = FileManager.default.contents(atPath: path) else { return fail("讀不到檔案 \(path)", "cannot read \(path)") }
                readDepth += 1
                defer { readDepth -= 1 }
                return runScript(try ScriptText.decode(data))
            case ".output", ".once":
                guard let path = arguments.first, path != "stdout" else {
                    context.console.endRedirect()
                    return .success
                }
                do { try context.console.redirect(to: path) } catch { return fail("無法寫入檔案 \(path)", "cannot write \(path)") }
                outputOnce = name == ".once"
            case ".as":
                try context.act(for: arguments.first)
                context.say(arguments.first.map { _ in "現在以「\(context.actingAgency ?? "")」的身分操作" } ?? "已取消代理身分",
                            arguments.first.map { _ in "now acting for \(context.actingAgency ?? "")" } ?? "acting for no agency")
            default:
                let known = [".tables", ".schema", ".mode", ".headers", ".ambiguous", ".timer", ".read", ".output", ".once", ".as", ".quit"]
                let hint = UsageMessage.nearest(name, in: known).map { language.pick("；您是不是要輸入 \($0)？", "; did you mean \($0)?") } ?? ""
                return fail("沒有 \(name) 這個指令\(hint)（help 可查看全部）", "no command \(name)\(hint) (see help)")
            }
            return .success
        } catch let error as PlacemakingError {
            return fail(error.message(language), error.message(language))
        } catch {
            return fail("\(error)", "\(error)")
        }
    }

    /// `NOUN add`, or `NOUN edit ID`, typed without options.
    private func isFormRequest(_ words: [String]) -> Bool {
        let known = CommandGrammar.root.resolve(Array(words.prefix(2))).path.count == 2
        // `operator add` needs its LOGIN argument, which forms do not ask for.
        return known && words[0] != "operator" && ((words.count == 2 && words[1] == "add") || (words.count == 3 && words[1] == "edit" && Int64(words[2]) != nil))
    }

    private func onOff(_ arguments: [String]) -> Bool? {
        switch arguments.first?.lowercased() {
        case "on", "yes", "1": true
        case "off", "no", "0": false
        default: nil
        }
    }

    /// Marks the vocabulary as stale after a command (it may have added records); it is read again at the
    /// next Tab, not at every prompt.
    private func refreshCompletion() {
        guard let editor else { return }
        var cached: Completer?
        editor.completer = { [context] in
            if cached == nil, let vocabulary = try? context.database.vocabulary() { cached = Completer(vocabulary: vocabulary) }
            return cached
        }
    }

    /// Whether a line is a whole command: quotes closed and no trailing backslash.
    private func isComplete(_ text: String) -> Bool {
        if text.hasSuffix("\\") && !text.hasSuffix("\\\\") { return false }
        if case .failure = Result(catching: { try ShellTokenizer.split(text) }) { return false }
        return true
    }
}
