import ArgumentParser
import PlacemakingKit

/// `visit`: counseling visits (實地輔導).
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "實地輔導 counseling visits",
        subcommands: [List.self, Show.self, Add.self, Edit.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出輔導紀錄 list visits").parsedAlone
        @Option(parsing: .unconditional, help: "年度（民國年）") var year: String?
        @Option(parsing: .unconditional, help: "受輔導機關") var agency: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.list(.visit, ListFilter(year: Parse.year(year), agency: agency), output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆輔導紀錄 show a visit").parsedAlone
        @Argument(help: "輔導紀錄編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.visitDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登錄輔導 record a visit",
            discussion: "例：visit add --agency 燕巢區 --partner 南區輔導中心 --on 111/08/10 --purpose 計畫提報及修正").parsedAlone
        @Option(parsing: .unconditional, help: "受輔導機關") var agency: String
        @Option(parsing: .unconditional, help: "同行單位，如 南區輔導中心") var partner: String?
        @Option(help: "相關計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "輔導日期") var on: String?
        @Option(parsing: .unconditional, help: "年度（預設為輔導日期的年度）") var year: String?
        @Option(parsing: .unconditional, help: "事由") var purpose: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            let id = try context.database.recordVisit(agency: agency, partner: partner, plan: plan, on: Parse.date(on),
                                                      year: Parse.year(year), purpose: purpose, note: note)
            context.reportAdded("輔導紀錄", "visit", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改輔導紀錄 edit a visit").parsedAlone
        @Argument(help: "輔導紀錄編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "受輔導機關") var agency: String?
        @Option(parsing: .unconditional, help: "同行單位") var partner: String?
        @Option(help: "相關計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "輔導日期") var on: String?
        @Option(parsing: .unconditional, help: "年度") var year: String?
        @Option(parsing: .unconditional, help: "事由") var purpose: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .visit, id: id).editVisit(id: id, agency: agency, partner: partner, plan: plan, on: Parse.date(on),
                                           year: Parse.year(year), purpose: purpose, note: note)
            context.reportEdited("輔導紀錄", "visit", id: id)
        }
    }
}
