import ArgumentParser
import PlacemakingKit

extension OutputFormat.Style: ExpressibleByArgument {}

/// `--format`, shared by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "輸出格式 output format: table, box, markdown, csv, json")
    var format: OutputFormat.Style?
}

/// The date and note of a status change, shared by every `status` command.
struct StatusChangeOptions: ParsableArguments {
    @Argument(help: "編號 id")
    var id: Int64

    @Argument(help: "新狀態 new status（例如 媒合成功；statuses ENTITY 可查）")
    var status: String

    @Option(name: .long, parsing: .unconditional, help: "生效日期 date it took effect（111/06/30、2022-06-30…；預設今天）")
    var on: String?

    @Option(name: .long, parsing: .unconditional, help: "說明 note")
    var note: String?
}

/// Parsing helpers that turn option text into domain values, throwing the user-facing messages.
enum Parse {
    static func date(_ text: String?) throws -> ROCDate? { try text.map(ROCDate.parse) }
    static func money(_ text: String?) throws -> Money? { try text.map(Money.parse) }
    static func year(_ text: String?) throws -> Int? { try text.map(ROCDate.parseYear) }

    static func phase(_ text: String?) throws -> Phase? {
        guard let text else { return nil }
        guard let phase = Phase(text: text) else {
            throw PlacemakingError.invalidValue(field: "階段 phase", value: text,
                                                hint: "可用：" + Phase.allCases.map { "\($0.rawValue)(\($0.label))" }.joined(separator: "、"))
        }
        return phase
    }

    static func yesNo(_ text: String?, field: String) throws -> Bool? {
        guard let text else { return nil }
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是", "有": return true
        case "no", "n", "false", "0", "否", "無": return false
        default: throw PlacemakingError.invalidValue(field: field, value: text, hint: "請輸入 yes 或 no（是／否）")
        }
    }
}

extension CommandContext {
    /// Prints a list in the requested format.
    func show(_ table: ResultTable, _ options: OutputOptions) {
        var stream = console.stream
        format(options.format).write(table, to: &stream)
    }

    /// Prints one record and its sections in the requested format.
    func show(_ detail: RecordDetail, _ options: OutputOptions) {
        var stream = console.stream
        format(options.format).writeDetail(detail, to: &stream)
    }

    /// Applies a status change and reports it.
    func changeStatus(_ kind: RecordKind, _ options: StatusChangeOptions, amount: String? = nil) throws {
        let change = try database.changeStatus(kind, id: options.id, to: options.status, on: Parse.date(options.on),
                                               note: options.note, amount: Parse.money(amount))
        say("\(kind.label) #\(change.id)：\(change.from) → \(change.to)（\(change.on.roc)）",
            "\(kind.labelEnglish) #\(change.id): \(change.from) → \(change.to) (\(change.on.roc))")
    }

    func reportAdded(_ kind: String, _ kindEnglish: String, id: Int64) {
        say("已新增\(kind) #\(id)", "added \(kindEnglish) #\(id)")
    }

    func reportEdited(_ kind: String, _ kindEnglish: String, id: Int64) {
        say("已修改\(kind) #\(id)", "updated \(kindEnglish) #\(id)")
    }
}
