import PlacemakingKit

/// An interactive form for an `add` or `edit` command typed without options: asks for each option in
/// turn, in the user's language, shows the default and the allowed values, re-asks with the reason when
/// an answer is invalid, and confirms before anything is written. Ctrl-C or Ctrl-D cancels without
/// writing. In an edit every item is optional: Enter keeps the current value.
///
/// The answers become the command's arguments, so the write goes through exactly the same command as
/// the one-shot form.
struct Form {
    let path: [String]
    let command: CommandGrammar
    let context: CommandContext
    let editor: LineEditor

    private var language: Language { context.language }

    /// Whether this form edits an existing record (`plan edit 7`) rather than adding one.
    private var isEdit: Bool { path.count == 3 && path[1] == "edit" }

    /// The arguments to run, or nil when the user cancelled.
    func run() -> [String]? {
        if isEdit {
            context.say("（逐項輸入新值；直接按 Enter 保留原值；Tab 補全；Ctrl-C 取消，不會寫入）",
                        "(type new values; press Enter to keep a value; Tab completes; Ctrl-C cancels without writing)")
        } else {
            context.say("（逐項輸入，Enter 確認；可空白的項目直接按 Enter 略過；Tab 補全；Ctrl-C 取消，不會寫入）",
                        "(answer each item and press Enter; leave optional items blank; Tab completes; Ctrl-C cancels without writing)")
        }
        var arguments = path
        var answers: [(String, String)] = []
        var answered: [String: String] = [:]
        // `--if-version` is not asked: an edit form adds it itself, from the version it showed.
        for option in Self.ordered(command.options.filter { $0.takesValue && $0.spelled != "--if-version" }) {
            let fallback = isEdit ? nil : defaultValue(for: option, answered: answered)
            if let choices = choices(for: option) {
                context.say("  可選：\(choices.joined(separator: "、"))", "  choices: \(choices.joined(separator: ", "))")
            }
            var prompt = "  " + EnglishHelp.describe(option, language: language)
            if !option.isOptional { prompt += language.pick("（必填）", " (required)") }
            if let fallback { prompt += " [\(fallback)]" }
            prompt += language.pick("：", ": ")
            while true {
                context.console.flush()
                switch editor.read(prompt: prompt, context: (path.prefix(2) + [option.spelled]).joined(separator: " ") + " ") {
                case .interrupted, .end:
                    context.say("已取消，沒有寫入任何資料。", "cancelled; nothing was written.")
                    return nil
                case .line(let raw):
                    let text = raw.trimmingCharacters(in: .whitespaces)
                    let answer = text.isEmpty ? fallback : text
                    guard let answer else {
                        if option.isOptional || isEdit { break }
                        context.say("  ✗ 此項必填，請輸入內容", "  ✗ this item is required")
                        continue
                    }
                    do {
                        let value = try validate(answer, for: option)
                        arguments += [option.spelled, value]
                        answers.append((EnglishHelp.describe(option, language: language), value))
                        answered[option.spelled] = value
                    } catch let error as PlacemakingError {
                        context.say("  ✗ " + error.message(language), "  ✗ " + error.message(language))
                        continue
                    } catch {
                        context.say("  ✗ \(error)", "  ✗ \(error)")
                        continue
                    }
                }
                break
            }
        }
        if isEdit, answers.isEmpty {
            context.say("沒有修改任何欄位。", "nothing changed.")
            return nil
        }
        var summary = ResultTable(columns: [.init("field", "欄位", "field"), .init("value", "內容", "value")])
        summary.rows = answers.map { [.text($0.0), .text($0.1)] }
        var stream = context.console.stream
        context.format(.table).write(summary, to: &stream)
        context.console.flush()
        switch editor.read(prompt: language.pick("確定寫入？(y/N) ", "write it? (y/N) ")) {
        case .line(let answer) where ["y", "yes", "是", "好"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()):
            return arguments
        default:
            context.say("已取消，沒有寫入任何資料。", "cancelled; nothing was written.")
            return nil
        }
    }

    private var kind: RecordKind? { path.first.flatMap(RecordKind.init(rawValue:)) }

    /// The options in the order a person answers them: the dates a year defaults from come before it.
    static func ordered(_ options: [CommandGrammar.Argument]) -> [CommandGrammar.Argument] {
        guard let year = options.firstIndex(where: { $0.spelled == "--year" }) else { return options }
        var ordered = options
        let moved = ordered.remove(at: year)
        let sources = yearSources(among: options)
        guard let lastDate = ordered.lastIndex(where: { sources.contains($0.spelled) }) else { return options }
        ordered.insert(moved, at: max(year, lastDate + 1))
        return ordered
    }

    /// What a date option records when it records something that happened; nil for planned dates
    /// (`--from`, `--to`), which may lie ahead.
    static func happened(_ spelled: String, noun: String?) -> HappenedDate? {
        switch spelled {
        case "--submitted": return noun == "subsidy" ? .filed : .submitted
        case "--held": return .held
        case "--status-on": return .status
        case "--on":
            switch noun {
            case "visit": return .visited
            case "match": return .matched
            default: return .status
            }
        default: return nil
        }
    }

    /// The dates a record's year defaults from, in the order they are looked at. `--on` is one only
    /// where it dates the record itself (a visit, a match); where the command also takes `--status`,
    /// `--on` dates the first status, and the year follows the submission or the planned start.
    static func yearSources(among options: [CommandGrammar.Argument]) -> [String] {
        let datesStatus = options.contains { $0.spelled == "--status" }
        return ["--on", "--submitted", "--from", "--held"].filter { !(datesStatus && $0 == "--on") }
    }

    private func defaultValue(for option: CommandGrammar.Argument, answered: [String: String]) -> String? {
        switch option.spelled {
        case "--agency", "--organiser": return context.actingAgency
        case "--year":
            // The year of the date already answered (a visit on 111/08/10 is of 111), else this year.
            let date = Self.yearSources(among: command.options).lazy.compactMap { answered[$0] }.first
            return String((date.flatMap { try? ROCDate.parse($0) } ?? ROCDate.today).rocYear)
        default: return nil
        }
    }

    private func choices(for option: CommandGrammar.Argument) -> [String]? {
        switch value(option) {
        case .status: return kind.flatMap { try? context.database.statuses($0).map(\.name) }
        case .yesNo: return ["yes", "no"]
        case .programme: return try? context.database.subsidyProgrammes()
        default: return nil
        }
    }

    private func value(_ option: CommandGrammar.Argument) -> OptionValue { OptionValue.of(option.spelled, noun: path.first) }

    private func validate(_ answer: String, for option: CommandGrammar.Argument) throws -> String {
        try FormAnswerCheck(path: path, context: context).validate(answer, for: option)
    }
}
