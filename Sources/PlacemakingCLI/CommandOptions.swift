import ArgumentParser
import PlacemakingKit

extension OutputFormat.Style: ExpressibleByArgument {}

/// `--format`, `--wide` and `--columns`, shared by every command that prints records.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "輸出格式 output format: table, box, markdown, csv, json")
    var format: OutputFormat.Style?

    @Flag(name: .long, help: "顯示所有欄位（畫面預設只顯示常用欄位）show every column")
    var wide = false

    @Option(name: .long, parsing: .unconditional, help: "只顯示這些欄位，以逗號分隔，如 編號,機關,預算 choose columns")
    var columns: String?
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

    @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version")
    var ifVersion: Int64?
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
    /// Prints the list of `noun`: rows stream from the database into the output; the terminal table
    /// collects their shown text first, to measure widths. On screen the brief columns unless `--wide`; CSV and
    /// JSON every column; `--columns` the named ones in any format.
    func list(_ noun: LedgerTable, _ filter: ListFilter, _ options: OutputOptions) throws {
        let format = format(options.format)
        let choice = columnChoice(options, style: format.style)
        switch format.style {
        case .csv:
            // Rows go out as they are read. A file made with `.output` is for people (Excel: BOM, CRLF,
            // formula guard); the screen and pipes get CSV for programs.
            var sink = CSVSink(output: StreamTextOutput(console.stream), forPeople: console.isRedirected,
                               language: language, headers: headers)
            try database.list(noun, filter, columns: choice, into: &sink)
            try sink.finish()
        case .json:
            var sink = JSONSink(output: StreamTextOutput(console.stream), keyedBySheet: false)
            try database.list(noun, filter, columns: choice, into: &sink)
            try sink.finish()
        case .table, .box, .markdown:
            // Rows are shown as text and measured as they are read; only that text is kept.
            var sink = TextTableSink(format: format)
            try database.list(noun, filter, columns: choice, into: &sink)
            var stream = console.stream
            for (index, rows) in sink.rowCounts.enumerated() {
                // An empty list says so, rather than leaving a header that looks cut off.
                if rows == 0 { say("（沒有符合條件的資料）", "(no matching records)") } else { sink.write(index, to: &stream) }
            }
        }
    }

    func columnChoice(_ options: OutputOptions, style: OutputFormat.Style) -> ColumnChoice {
        if let columns = options.columns {
            return .named(columns.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map(String.init))
        }
        return options.wide || ![.table, .box, .markdown].contains(style) ? .all : .brief
    }

    /// Prints a table in the requested format: on screen the brief columns unless `--wide`; CSV and
    /// JSON every column; `--columns` the named ones in any format.
    func show(_ table: ResultTable, _ options: OutputOptions) throws {
        let format = format(options.format)
        var stream = console.stream
        format.write(try table.choosing(columnChoice(options, style: format.style)), to: &stream)
    }

    /// Prints one record and its sections in the requested format.
    func show(_ detail: RecordDetail, _ options: OutputOptions) throws {
        var stream = console.stream
        format(options.format).writeDetail(detail, to: &stream)
    }

    /// Applies a status change and reports it.
    func changeStatus(_ kind: RecordKind, _ options: StatusChangeOptions, amount: String? = nil) throws {
        let change = try database(ifVersion: options.ifVersion, kind.ledgerTable, id: options.id).changeStatus(kind, id: options.id, to: options.status, on: Parse.date(options.on),
                                               note: options.note, amount: Parse.money(amount))
        say("\(kind.label) #\(change.id)：\(change.from) → \(change.to)（\(change.on.roc)）",
            "\(kind.labelEnglish) #\(change.id): \(change.from) → \(change.to) (\(change.on.roc))")
    }

    /// The database for a change made from version `version` of the record (`--if-version`; nil: from
    /// whatever version it is at).
    func database(ifVersion version: Int64?, _ table: LedgerTable, id: Int64) -> AppDatabase {
        database.expecting(version.map { VersionExpectation(table: table, id: id, version: $0) })
    }

    func reportAdded(_ kind: String, _ kindEnglish: String, id: Int64) {
        say("已新增\(kind) #\(id)", "added \(kindEnglish) #\(id)")
    }

    func reportEdited(_ kind: String, _ kindEnglish: String, id: Int64) {
        say("已修改\(kind) #\(id)", "updated \(kindEnglish) #\(id)")
    }
}
