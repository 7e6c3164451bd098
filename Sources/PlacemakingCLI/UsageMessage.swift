import Foundation
import PlacemakingKit

/// Says what was wrong with how a command was typed, in the user's language, with the nearest command
/// or option when a word was mistyped, and how to get the usage.
enum UsageMessage {
    static func explain(_ parserMessage: String, arguments: [String], language: Language) -> String {
        let (command, path) = CommandGrammar.root.resolve(arguments)
        let text = parserMessage.hasPrefix("Error: ") ? String(parserMessage.dropFirst(7)) : parserMessage
        // The first word names no command (`qplan list --columns x`): say that, not what the parser
        // stumbled on later.
        if path.isEmpty, let first = arguments.first, !first.hasPrefix("-") {
            let commands = (command.subcommands ?? []).map(\.commandName).filter { $0 != "help" }
            let suggestion = nearest(first, in: commands).map { ([$0] + arguments.dropFirst()).joined(separator: " ") }
            let hint = suggestion.map { language.pick("；您是不是要輸入「\($0)」？", "; did you mean '\($0)'?") } ?? ""
            return language.pick("用法錯誤：沒有「\(first)」這個指令\(hint)\n（輸入 help 查看所有指令）",
                                 "usage error: there is no command '\(first)'\(hint)\n(type help for the commands)")
        }
        var message = translate(text, language: language)
        let names = quoted(text)
        let isUnexpected = text.hasPrefix("Unexpected argument") || text.range(of: #"^\d+ unexpected arguments"#, options: .regularExpression) != nil
        if let unknown = names.first, isUnexpected || text.hasPrefix("Unknown option") {
            let candidates = unknown.hasPrefix("-") ? command.options.map(\.spelled) : (command.subcommands ?? []).map(\.commandName)
            if let nearest = nearest(unknown, in: candidates) {
                let suggestion = unknown.hasPrefix("-") ? nearest
                    : (path + [nearest] + arguments.dropFirst(path.count + 1)).joined(separator: " ")
                message += language.pick("；您是不是要輸入「\(suggestion)」？", "; did you mean '\(suggestion)'?")
            }
        }
        let helpPath = (["help"] + path).joined(separator: " ")
        let usage = command.subcommands?.isEmpty == false ? "" : "\n" + language.pick("用法：", "usage: ") + HelpText.usage(command, name: path.joined(separator: " "))
        return language.pick("用法錯誤：", "usage error: ") + message + usage + "\n" +
            language.pick("（輸入 \(helpPath) 查看說明）", "(type \(helpPath) for help)")
    }

    /// `help export` when there is no `export`: says so, with the nearest command.
    static func unknownCommand(_ path: [String], resolvedCount: Int, language: Language) -> String {
        let parent = CommandGrammar.root.resolve(Array(path.prefix(resolvedCount)))
        let word = path[resolvedCount]
        let known = (parent.command.subcommands ?? []).map(\.commandName).filter { $0 != "help" }
        let prefix = parent.path.joined(separator: " ")
        let suggestion = nearest(word, in: known).map { language.pick("；您是不是要查「help \((parent.path + [$0]).joined(separator: " "))」？", "; did you mean 'help \((parent.path + [$0]).joined(separator: " "))'?") } ?? ""
        return language.pick("沒有「\((parent.path + [word]).joined(separator: " "))」這個指令\(suggestion)\n\(prefix.isEmpty ? "" : prefix + " ")可用的指令：\(known.joined(separator: "、"))",
                             "there is no command '\((parent.path + [word]).joined(separator: " "))'\(suggestion)\ncommands\(prefix.isEmpty ? "" : " of " + prefix): \(known.joined(separator: ", "))")
    }

    /// The parser's English message, in Traditional Chinese when that is the language.
    static func translate(_ message: String, language: Language) -> String {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        guard language == .chinese else {
            // The parser's own suggestion is replaced by ours, which knows the command's grammar.
            return text.components(separatedBy: ". Did you mean").first ?? text
        }
        let names = quoted(text)
        let first = names.first.map { $0.components(separatedBy: " ").first ?? $0 } ?? ""
        if text.hasPrefix("Missing expected argument") { return "缺少必填的 \(first)" }
        if text.hasPrefix("Missing one of") { return "缺少必填的 \(names.joined(separator: " 或 "))" }
        if text.hasPrefix("Missing value for") { return "\(first) 後面需要一個值" }
        if text.hasPrefix("Missing required subcommand") { return "缺少子指令" }
        if text.hasPrefix("Unknown option") { return "沒有 \(first) 這個選項" }
        if text.hasPrefix("Invalid option") { return "看不懂選項「\(text.dropFirst("Invalid option: ".count))」" }
        if text.hasPrefix("Unexpected argument") { return "看不懂「\(first)」" }
        if text.range(of: #"^\d+ unexpected arguments"#, options: .regularExpression) != nil {
            return "看不懂「\(names.first?.components(separatedBy: "', '").joined(separator: " ") ?? "")」"
        }
        if text.hasPrefix("The option"), text.contains("does not take any value") { return "\(first) 不需要值" }
        if text.hasPrefix("The value"), names.count >= 2 {
            let option = names[1].components(separatedBy: " ").first ?? names[1]
            // "Please provide one of 'plan', 'proposal' …": the allowed values, named in the message.
            if let list = text.range(of: "Please provide one of ") {
                let choices = quoted(String(text[list.upperBound...]))
                return "「\(names[0])」不是有效的 \(option)；可用：\(choices.joined(separator: "、"))"
            }
            let isNumber = names[1].contains("<id>") || names[1].contains("<entry>") || names[1].hasSuffix("id>")
            return "「\(names[0])」不是有效的 \(option)" + (isNumber ? "（請輸入數字編號）" : "")
        }
        if text.hasPrefix("Unexpected extra argument") { return "多出了參數 \(names.joined(separator: "、"))" }
        return "指令格式不正確（\(text)）"
    }

    private static func quoted(_ text: String) -> [String] {
        text.components(separatedBy: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    /// The candidate closest to `word` by edit distance, if close enough to be a typo.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored, score <= max(1, min(word.count, best.count) / 2) else { return nil }
        return best
    }

    /// Levenshtein distance between two words.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
