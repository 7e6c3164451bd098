import ArgumentParser
import PlacemakingKit

/// `subsidy`: applications to subsidy programmes and their awards.
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy", abstract: "補助申請與核定 subsidy applications and awards",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self, Award.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "列出補助申請 list applications")
        @Option(parsing: .unconditional, help: "徵案年度（民國年）") var year: String?
        @Option(parsing: .unconditional, help: "申請機關") var agency: String?
        @Option(parsing: .unconditional, help: "階段") var phase: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let filter = SubsidyFilter(year: try Parse.year(year), agency: agency, phase: try Parse.phase(phase))
            try context.show(try context.database.subsidies(filter), output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "顯示一筆補助申請 show an application")
        @Argument(help: "申請編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.subsidyDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "新增補助申請 file an application",
            discussion: "例：subsidy add --agency 都發局 --title \"○○基地空間整備\" --year 111 --round 2 --requested 800萬")
        @Option(parsing: .unconditional, help: "申請機關") var agency: String
        @Option(parsing: .unconditional, help: "申請計畫名稱") var title: String
        @Option(parsing: .unconditional, help: "徵案年度（民國年）") var year: String
        @Option(help: "第幾次徵案") var round: Int?
        @Option(parsing: .unconditional, help: "補助計畫名稱（只有一個時可省略）") var programme: String?
        @Option(help: "相關地方創生計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "申請金額") var requested: String?
        @Option(parsing: .unconditional, help: "送件日期") var submitted: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?
        @Option(parsing: .unconditional, help: "目前狀態（預設 草擬）") var status: String?
        @Option(name: .customLong("status-on"), parsing: .unconditional, help: "目前狀態的生效日期") var statusOn: String?

        func run(in context: CommandContext) throws {
            guard let rocYear = try Parse.year(year) else { return }
            let id = try context.database.applyForSubsidy(
                agency: agency, title: title, year: rocYear, round: round, programme: programme, plan: plan,
                requested: Parse.money(requested), submittedOn: Parse.date(submitted), note: note, status: status,
                statusOn: Parse.date(statusOn))
            context.reportAdded("補助申請", "subsidy application", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "修改補助申請 edit an application")
        @Argument(help: "申請編號") var id: Int64
        @Option(parsing: .unconditional, help: "申請計畫名稱") var title: String?
        @Option(help: "相關地方創生計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "申請金額") var requested: String?
        @Option(parsing: .unconditional, help: "送件日期") var submitted: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database.editSubsidy(id: id, title: title, plan: plan, requested: Parse.money(requested),
                                             submittedOn: Parse.date(submitted), note: note)
            context.reportEdited("補助申請", "subsidy application", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "變更補助申請狀態 change an application's status")
        @OptionGroup var change: StatusChangeOptions
        @Option(parsing: .unconditional, help: "核定金額（改為核定補助時）") var amount: String?

        func run(in context: CommandContext) throws {
            try context.changeStatus(.subsidy, change, amount: amount)
        }
    }

    struct Award: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "核定補助 award a subsidy",
            discussion: "例：subsidy award 2 --amount 500萬 --on 111/06/15")
        @Argument(help: "申請編號") var id: Int64
        @Option(parsing: .unconditional, help: "核定金額") var amount: String
        @Option(parsing: .unconditional, help: "核定日期（預設今天）") var on: String?
        @Option(parsing: .unconditional, help: "說明") var note: String?

        func run(in context: CommandContext) throws {
            guard let money = try Parse.money(amount) else { return }
            let change = try context.database.awardSubsidy(id: id, amount: money, on: Parse.date(on), note: note)
            context.say("補助申請 #\(id) 核定補助 \(money.inWords)（\(change.on.roc)）",
                        "subsidy application #\(id) awarded NT$\(money.formatted) (\(change.on.roc))")
        }
    }
}
