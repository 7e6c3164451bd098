import ArgumentParser
import PlacemakingKit

extension RecordKind: ExpressibleByArgument {}

/// `history`: a record's status history (`history plan 1`, the default `show`), and correcting the
/// date of one entry (`history fix plan 1 2 --on 112/04/01`) when an office dated a status wrongly or
/// the date was known only as an upper bound.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "狀態歷程 status history of a record",
        discussion: "ENTITY：plan, proposal, subsidy, case, event。例：history plan 1；history fix plan 7 2 --on 112/04/01",
        subcommands: [Show.self, Fix.self], defaultSubcommand: Show.self)

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "顯示狀態歷程（「序」欄為 history fix 用的序號）show a record's status history",
            discussion: "例：history plan 1（與 history show plan 1 相同）").parsedAlone
        @Argument(help: "plan, proposal, subsidy, case, event") var entity: RecordKind
        @Argument(help: "編號 id") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.history(entity, id: id), output)
        }
    }

    struct Fix: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "fix", 
            abstract: "更正一筆狀態的生效日期 correct the date of a status history entry",
            discussion: """
                ENTRY 是 history ENTITY ID 的「序」。新日期須在前後兩筆之間、不晚於今天；更正後不再標示「日期為上限」。
                核定補助的日期同時更正補助申請的核定日期。記入異動紀錄（history.fix）。
                例：history fix plan 7 2 --on 112/04/01
                """).parsedAlone
        @Argument(help: "plan, proposal, subsidy, case, event") var entity: RecordKind
        @Argument(help: "編號 id") var id: Int64
        @Argument(help: "序 entry（history ENTITY ID 的第一欄）") var entry: Int
        @Option(parsing: .unconditional, help: "正確的生效日期 the right date") var on: String

        func run(in context: CommandContext) throws {
            guard let day = try Parse.date(on) else { return }
            let fix = try context.database.fixHistory(entity, id: id, entry: entry, on: day)
            context.say("\(entity.label) #\(id) 狀態歷程第 \(entry) 筆「\(fix.status)」：\(fix.from.roc) → \(fix.to.roc)",
                        "\(entity.labelEnglish) #\(id) history entry \(entry) '\(fix.status)': \(fix.from.roc) → \(fix.to.roc)")
        }
    }
}

/// `statuses ENTITY`: the status vocabulary of a kind of record and the allowed changes.
struct StatusesCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statuses", abstract: "狀態與可變更的狀態 the statuses of a kind of record",
        discussion: "例：statuses plan").parsedAlone
    @Argument(help: "plan, proposal, subsidy, case, event") var entity: RecordKind
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) throws {
        var table = ResultTable(columns: [
            .init("status", "狀態", "status"), .init("statusEn", "英文", "English"), .init("phase", "階段", "phase"),
            .init("initial", "起始", "initial"), .init("next", "可改為", "may change to", nullIsUnknown: false),
        ])
        let transitions = try context.database.transitions(entity)
        for status in try context.database.statuses(entity) {
            let next = transitions[status.name] ?? []
            table.rows.append([.text(status.name), .text(status.nameEn),
                               .code(status.phase, label: Phase(rawValue: status.phase)?.label ?? status.phase),
                               .bool(status.isInitial), .text(next.joined(separator: context.language.pick("、", ", ")))])
        }
        try context.show(table, output)
    }
}

/// `audit`: the audit log, newest first.
struct AuditCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "異動紀錄 the audit log", discussion: "例：audit --table plan --id 1").parsedAlone
    @Option(parsing: .unconditional, help: "資料種類，如 plan、match、case、operator、ledger（或資料表名稱）") var table: String?
    @Option(help: "資料編號") var id: Int64?
    @Option(help: "筆數上限") var limit: Int = 50
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) throws {
        var entity: AuditEntity?
        if let table {
            guard let found = AuditEntity(named: table) else {
                let names = AuditEntity.all.map(\.noun).joined(separator: "、")
                throw PlacemakingError.invalidValue(field: "--table", value: table, hint: "可用：\(names)")
            }
            entity = found
        }
        try context.show(try context.database.auditLog(entity: entity, id: id, limit: max(1, limit), language: context.language), output)
    }
}
