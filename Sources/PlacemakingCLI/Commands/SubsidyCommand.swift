import ArgumentParser
import PlacemakingKit

/// `subsidy`: applications to subsidy programmes and their awards.
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy", abstract: "補助申請與核定 subsidy applications and awards",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self, Award.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出補助申請 list applications").parsedAlone
        @Option(parsing: .unconditional, help: "徵案年度（民國年）") var year: String?
        @Option(parsing: .unconditional, help: "申請機關") var agency: String?
        @Option(parsing: .unconditional, help: "階段") var phase: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let filter = SubsidyFilter(year: try Parse.year(year), agency: agency, phase: try Parse.phase(phase))
            try context.list(.subsidy, filter, output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆補助申請 show an application").parsedAlone
        @Argument(help: "申請編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.subsidyDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增補助申請 file an application",
            discussion: "例：subsidy add --agency 都發局 --title \"○○基地空間整備\" --year 111 --round 2 --requested 800萬").parsedAlone
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
        @Option(name: [.customLong("on"), .customLong("status-on")], parsing: .unconditional, help: "目前狀態的生效日期（預設為送件日期，未填則今天；亦可寫 --status-on）") var statusOn: String?

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
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改補助申請 edit an application").parsedAlone
        @Argument(help: "申請編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "申請計畫名稱") var title: String?
        @Option(help: "相關地方創生計畫編號") var plan: Int64?
        @Option(parsing: .unconditional, help: "申請金額") var requested: String?
        @Option(parsing: .unconditional, help: "送件日期") var submitted: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .subsidy, id: id).editSubsidy(id: id, title: title, plan: plan, requested: Parse.money(requested),
                                             submittedOn: Parse.date(submitted), note: note)
            context.reportEdited("補助申請", "subsidy application", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "變更補助申請狀態 change an application's status").parsedAlone
        @OptionGroup var change: StatusChangeOptions
        @Option(parsing: .unconditional, help: "核定金額（改為核定補助時）") var amount: String?

        func run(in context: CommandContext) throws {
            try context.changeStatus(.subsidy, change, amount: amount)
        }
    }

    struct Award: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "award", abstract: "核定補助，或更正已核定的金額與日期 award a subsidy, or correct an award",
            discussion: """
                尚未核定的申請改為核定補助；已核定（或已在執行、結案）的申請則更正核定金額與日期，不變更狀態。
                例：subsidy award 2 --amount 500萬 --on 111/06/15
                例：subsidy award 1 --on 111/06/30（補上已核定案的核定日期）
                """).parsedAlone
        @Argument(help: "申請編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "核定金額（未填為未詳）") var amount: String?
        @Option(parsing: .unconditional, help: "核定日期（預設今天）") var on: String?
        @Option(parsing: .unconditional, help: "說明") var note: String?

        func run(in context: CommandContext) throws {
            let award = try context.database(ifVersion: ifVersion, .subsidy, id: id).awardSubsidy(id: id, amount: Parse.money(amount), on: Parse.date(on), note: note)
            let amount = award.amount.map { ($0.inWords, "NT$" + $0.formatted) } ?? (context.language.pick("金額未詳", "amount unknown"), "amount unknown")
            let day = award.on?.roc ?? context.language.pick("日期未詳", "date unknown")
            if award.corrected {
                context.say("補助申請 #\(id) 已更正核定：\(amount.0)（\(day)）", "subsidy application #\(id) award corrected: \(amount.1) (\(day))")
            } else {
                context.say("補助申請 #\(id) 核定補助 \(amount.0)（\(day)）", "subsidy application #\(id) awarded \(amount.1) (\(day))")
            }
        }
    }
}
