import Foundation
import PlacemakingKit

/// Help in Traditional Chinese, written from the command grammar: what a command does, how to type it,
/// its options (required ones marked), and its examples.
enum HelpText {
    /// The help of the command at `path`, its lines wrapped to `width` display columns when given.
    static func render(_ path: [String], language: Language, width: Int? = nil) -> String {
        let text = lines(path, language: language)
        guard let width else { return text.joined(separator: "\n") }
        return text.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            .flatMap { fit(String($0), width: max(20, width)) }.joined(separator: "\n")
    }

    private static func lines(_ path: [String], language: Language) -> [String] {
        let (command, resolved) = CommandGrammar.root.resolve(path)
        let name = (["placemaking"] + resolved).joined(separator: " ")
        var lines: [String] = []
        lines.append("\(resolved.isEmpty ? "placemaking" : resolved.joined(separator: " ")) — \(EnglishHelp.pick(command.abstract, language: language) ?? "")")
        if let subcommands = command.subcommands, !subcommands.isEmpty {
            lines.append("")
            lines.append(language.pick("指令：", "commands:"))
            let width = subcommands.map { DisplayWidth().of($0.commandName) }.max() ?? 0
            for sub in subcommands where sub.commandName != "help" {
                lines.append("  " + pad(sub.commandName, width) + "  " + (EnglishHelp.pick(sub.abstract, language: language) ?? ""))
            }
            if resolved.isEmpty {
                lines.append("")
                lines.append(language.pick("shell 指令：", "shell commands:"))
                let commands = shellCommands.map { language.pick($0.command, $0.commandEnglish) }
                let width = commands.map { DisplayWidth().of($0) }.max() ?? 0
                for (command, entry) in zip(commands, shellCommands) {
                    lines.append("  " + pad(command, width) + "  " + language.pick(entry.chinese, entry.english))
                }
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
                    var description = EnglishHelp.describe(argument, language: language)
                    if !argument.isOptional && argument.kind != "flag" { description += language.pick("（必填）", " (required)") }
                    lines.append("  " + pad(text, width) + "  " + description)
                }
            }
        }
        if let discussion = command.discussion, !discussion.isEmpty {
            lines.append("")
            if language == .english {
                lines.append(resolved.isEmpty ? RootCommand.discussionEnglish : discussion.replacingOccurrences(of: "例：", with: "e.g. "))
            } else {
                lines.append(discussion)
            }
        }
        return lines
    }

    /// `line` in lines of at most `width` columns, broken at spaces; continuation lines hang under the
    /// description column (after the first run of two spaces) or, without one, four columns in.
    static func fit(_ line: String, width: Int) -> [String] {
        let measure = DisplayWidth()
        guard measure.of(line) > width else { return [line] }
        let characters = Array(line)
        let indent = characters.prefix { $0 == " " }.count
        var hang = 4
        if let gap = (indent..<max(indent, characters.count - 1)).first(where: { characters[$0] == " " && characters[$0 + 1] == " " }) {
            let start = (gap..<characters.count).first { characters[$0] != " " } ?? gap
            hang = measure.of(String(characters[..<start]))
        }
        if hang > width / 2 { hang = 4 }
        var result: [String] = []
        var current = ""
        var used = 0
        func breakLine() {
            while current.hasSuffix(" ") { current.removeLast() }
            result.append(current)
            current = String(repeating: " ", count: hang)
            used = hang
        }
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let wordWidth = measure.of(String(word))
            let separator = index == 0 ? 0 : 1
            if used + separator + wordWidth <= width {
                current += (index == 0 ? "" : " ") + word
                used += separator + wordWidth
            } else if hang + wordWidth <= width, used > hang {
                breakLine()
                current += word
                used += wordWidth
            } else {
                // A word longer than a line (a Chinese sentence has no spaces): break between characters.
                if separator == 1, used + 1 < width { current += " "; used += 1 }
                for character in word {
                    let characterWidth = measure.of(character)
                    if used + characterWidth > width { breakLine() }
                    current.append(character)
                    used += characterWidth
                }
            }
        }
        result.append(current)
        return result
    }

    /// The shell's own commands, one a line, so the list aligns by display width in either language.
    static let shellCommands: [(command: String, commandEnglish: String, chinese: String, english: String)] = [
        (".tables / .schema [表]", ".tables / .schema [TABLE]", "列出資料表／資料表結構", "list tables / a table's schema"),
        (".mode table|box|markdown|csv|json", ".mode table|box|markdown|csv|json", "預設輸出格式", "default output format"),
        (".headers on|off", ".headers on|off", "是否顯示表頭", "header row on or off"),
        (".timer on|off", ".timer on|off", "顯示執行時間", "show run times"),
        (".read 檔案", ".read FILE", "執行檔案中的指令", "run the commands in FILE"),
        (".output 檔案 / .once 檔案", ".output FILE / .once FILE", "輸出到檔案（.once 僅下一個指令）", "write output to FILE (.once: the next command only)"),
        (".as 機關", ".as AGENCY", "以該機關身分操作（不帶參數則取消）", "act for an agency (alone: stop acting)"),
        (".ambiguous wide|narrow", ".ambiguous wide|narrow", "─ ○ ① 等字元佔兩格或一格", "whether ─ ○ ① take two columns or one"),
        ("sql \"SELECT …\"", "sql \"SELECT …\"", "唯讀查詢", "read-only query"),
        ("quit / Ctrl-D", "quit / Ctrl-D", "離開", "leave"),
    ]

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
