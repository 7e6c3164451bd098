import PlacemakingKit

/// Help in Traditional Chinese, written from the command grammar: what a command does, how to type it,
/// its options (required ones marked), and its examples.
enum HelpText {
    static func render(_ path: [String], language: Language) -> String {
        let (command, resolved) = CommandGrammar.root.resolve(path)
        let name = (["placemaking"] + resolved).joined(separator: " ")
        var lines: [String] = []
        lines.append("\(resolved.isEmpty ? "placemaking" : resolved.joined(separator: " ")) — \(command.abstract ?? "")")
        if let subcommands = command.subcommands, !subcommands.isEmpty {
            lines.append("")
            lines.append(language.pick("指令：", "commands:"))
            let width = subcommands.map { DisplayWidth().of($0.commandName) }.max() ?? 0
            for sub in subcommands where sub.commandName != "help" {
                lines.append("  " + pad(sub.commandName, width) + "  " + (sub.abstract ?? ""))
            }
            if resolved.isEmpty {
                lines.append("")
                lines.append(language.pick("shell 指令：", "shell commands:"))
                lines.append(language.pick("""
                      .tables / .schema [表]   列出資料表／結構        .mode table|box|markdown|csv|json
                      .headers on|off          表頭                   .timer on|off   顯示執行時間
                      .read 檔案               執行檔案中的指令         .output 檔案 / .once 檔案   輸出到檔案
                      .as 機關                 以該機關身分操作         .ambiguous wide|narrow  ─○① 等字元寬度
                      sql "SELECT …"           唯讀查詢                 quit 或 Ctrl-D 離開
                    """, """
                      .tables / .schema [table]   list tables / schema     .mode table|box|markdown|csv|json
                      .headers on|off             header row               .timer on|off   show timings
                      .read FILE                  run commands from FILE   .output FILE / .once FILE   write to FILE
                      .as AGENCY                  act for an agency        .ambiguous wide|narrow  width of ─○①
                      sql "SELECT …"              read-only query          quit or Ctrl-D to leave
                    """))
            }
            lines.append("")
            lines.append(language.pick("輸入 help 指令名稱 查看用法，例如 help \(resolved.first ?? "plan") \(resolved.isEmpty ? "add" : (command.subcommands?.first?.commandName ?? ""))。",
                                       "type help COMMAND for usage, e.g. help plan add."))
        } else {
            lines.append("")
            lines.append(language.pick("用法：", "usage: ") + usage(command, name: name))
            let arguments = command.positionals + command.options
            if !arguments.isEmpty {
                lines.append("")
                lines.append(language.pick("參數與選項：", "arguments and options:"))
                let labels = arguments.map(label)
                let width = labels.map { DisplayWidth().of($0) }.max() ?? 0
                for (argument, text) in zip(arguments, labels) {
                    var description = argument.abstract ?? ""
                    if !argument.isOptional && argument.kind != "flag" { description += language.pick("（必填）", " (required)") }
                    lines.append("  " + pad(text, width) + "  " + description)
                }
            }
        }
        if let discussion = command.discussion, !discussion.isEmpty {
            lines.append("")
            lines.append(discussion)
        }
        return lines.joined(separator: "\n")
    }

    /// `plan add --agency <agency> --title <title> [--submitted <submitted>] …`
    static func usage(_ command: CommandGrammar, name: String) -> String {
        let parts = (command.positionals + command.options).map { argument -> String in
            let text = argument.kind == "positional" ? "<\(argument.valueName ?? "")>" : label(argument)
            return argument.isOptional || argument.kind == "flag" ? "[\(text)]" : text
        }
        return ([name] + parts).joined(separator: " ")
    }

    private static func label(_ argument: CommandGrammar.Argument) -> String {
        switch argument.kind {
        case "positional": return "<\(argument.valueName ?? "")>"
        case "option": return "\(argument.spelled) <\(argument.valueName ?? "")>"
        default: return argument.spelled
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth().of(text)))
    }
}
