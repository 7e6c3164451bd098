import Foundation
import PlacemakingKit

/// Says what was wrong with how a command was typed, in the user's language, with the nearest command
/// or option when a word was mistyped, and how to get the usage.
enum UsageMessage {
    static func explain(_ parserMessage: String, arguments: [String], language: Language) -> String {
        let (command, path) = CommandGrammar.root.resolve(arguments)
        var message = translate(parserMessage, language: language)
        if let unknown = quoted(parserMessage).first, parserMessage.hasPrefix("Unexpected argument") || parserMessage.hasPrefix("Unknown option") {
            let candidates = unknown.hasPrefix("-") ? command.options.map(\.spelled) : (command.subcommands ?? []).map(\.commandName)
            if let nearest = nearest(unknown, in: candidates) {
                let suggestion = (path + [nearest]).joined(separator: " ")
                message += language.pick("；您是不是要輸入「\(unknown.hasPrefix("-") ? nearest : suggestion)」？",
                                         "; did you mean '\(unknown.hasPrefix("-") ? nearest : suggestion)'?")
            }
        }
        let helpPath = (["help"] + path).joined(separator: " ")
        let usage = command.subcommands?.isEmpty == false ? "" : "\n" + language.pick("用法：", "usage: ") + HelpText.usage(command, name: path.joined(separator: " "))
        return language.pick("用法錯誤：", "usage error: ") + message + usage + "\n" +
            language.pick("（輸入 \(helpPath) 查看說明）", "(type \(helpPath) for help)")
    }

    /// The parser's English message, in Traditional Chinese when that is the language.
    static func translate(_ message: String, language: Language) -> String {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        guard language == .chinese else { return text }
        let names = quoted(text)
        let first = names.first.map { $0.components(separatedBy: " ").first ?? $0 } ?? ""
        if text.hasPrefix("Missing expected argument") { return "缺少必填的 \(first)" }
        if text.hasPrefix("Missing value for") { return "\(first) 後面需要一個值" }
        if text.hasPrefix("Unknown option") { return "沒有 \(first) 這個選項" }
        if text.hasPrefix("Unexpected argument") { return "看不懂「\(first)」" }
        if text.hasPrefix("The value"), names.count >= 2 {
            return "「\(names[0])」不是有效的 \(names[1].components(separatedBy: " ").first ?? names[1])" + (names[1].contains("id") ? "（請輸入數字編號）" : "")
        }
        if text.hasPrefix("Unexpected extra argument") { return "多出了參數 \(names.joined(separator: "、"))" }
        return text
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
