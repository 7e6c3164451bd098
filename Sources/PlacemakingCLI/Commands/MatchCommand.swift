import ArgumentParser
import PlacemakingKit

/// `match`: ministries' parts in matching a plan (媒合).
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "部會媒合 ministries' matching of plans",
        subcommands: [List.self, Show.self, Add.self, Edit.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出媒合 list matches").parsedAlone
        @Option(help: "計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "媒合年度（民國年）") var year: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.list(.planMatch, ListFilter(year: Parse.year(year), plan: plan), output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆媒合 show a match").parsedAlone
        @Argument(help: "媒合編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.matchDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登錄部會媒合 record a match",
            discussion: "例：match add --plan 1 --ministry 經濟部 --subsidy 1,245萬 --investment 723萬 --meeting 第46次工作會議 --on 111/05/20").parsedAlone
        @Option(help: "計畫編號") var plan: Int64
        @Option(parsing: .unconditional, help: "部會，如 經濟部、文化部") var ministry: String
        @Option(parsing: .unconditional, help: "補助金額") var subsidy: String?
        @Option(parsing: .unconditional, help: "投資金額") var investment: String?
        @Option(parsing: .unconditional, help: "會議，如 行政院地方創生會報第46次工作會議") var meeting: String?
        @Option(parsing: .unconditional, help: "媒合日期") var on: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            let id = try context.database.recordMatch(plan: plan, ministry: ministry, subsidy: Parse.money(subsidy),
                                                      investment: Parse.money(investment), meeting: meeting,
                                                      on: Parse.date(on), note: note)
            context.reportAdded("部會媒合", "match", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改媒合 edit a match").parsedAlone
        @Argument(help: "媒合編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "部會") var ministry: String?
        @Option(parsing: .unconditional, help: "補助金額") var subsidy: String?
        @Option(parsing: .unconditional, help: "投資金額") var investment: String?
        @Option(parsing: .unconditional, help: "會議") var meeting: String?
        @Option(parsing: .unconditional, help: "媒合日期") var on: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .planMatch, id: id).editMatch(id: id, ministry: ministry, subsidy: Parse.money(subsidy),
                                           investment: Parse.money(investment), meeting: meeting, on: Parse.date(on), note: note)
            context.reportEdited("部會媒合", "match", id: id)
        }
    }
}
