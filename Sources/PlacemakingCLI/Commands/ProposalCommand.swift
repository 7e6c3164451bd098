import ArgumentParser
import PlacemakingKit

/// `proposal`: business proposals (事業提案) under plans.
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal", abstract: "事業提案 business proposals",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出事業提案 list proposals").parsedAlone
        @Option(parsing: .unconditional, help: "提報年度（民國年）") var year: String?
        @Option(parsing: .unconditional, help: "機關") var agency: String?
        @Option(parsing: .unconditional, help: "階段") var phase: String?
        @Option(help: "計畫編號") var plan: Int64?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let filter = ProposalFilter(year: try Parse.year(year), agency: agency, phase: try Parse.phase(phase), plan: plan)
            try context.list(.proposal, filter, output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆事業提案 show a proposal").parsedAlone
        @Argument(help: "提案編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.proposalDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "提報事業提案 file a proposal",
            discussion: "例：proposal add --plan 1 --title \"山城旅宿整備\" --submitted 111/05/02 --amount 300萬 --ministry 經濟部").parsedAlone
        @Option(help: "計畫編號") var plan: Int64
        @Option(parsing: .unconditional, help: "提案名稱") var title: String
        @Option(parsing: .unconditional, help: "提報年度（預設為提報日期的年度）") var year: String?
        @Option(parsing: .unconditional, help: "提報日期") var submitted: String?
        @Option(parsing: .unconditional, help: "金額") var amount: String?
        @Option(parsing: .unconditional, help: "部會") var ministry: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?
        @Option(parsing: .unconditional, help: "目前狀態（預設 研擬）") var status: String?
        @Option(name: [.customLong("on"), .customLong("status-on")], parsing: .unconditional, help: "目前狀態的生效日期（預設為提報日期，未填則今天；亦可寫 --status-on）") var statusOn: String?

        func run(in context: CommandContext) throws {
            let id = try context.database.fileProposal(
                plan: plan, title: title, year: Parse.year(year), submittedOn: Parse.date(submitted), amount: Parse.money(amount),
                ministry: ministry, note: note, status: status, statusOn: Parse.date(statusOn))
            context.reportAdded("事業提案", "proposal", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改事業提案 edit a proposal").parsedAlone
        @Argument(help: "提案編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "提案名稱") var title: String?
        @Option(parsing: .unconditional, help: "提報年度") var year: String?
        @Option(parsing: .unconditional, help: "提報日期") var submitted: String?
        @Option(parsing: .unconditional, help: "金額") var amount: String?
        @Option(parsing: .unconditional, help: "部會") var ministry: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .proposal, id: id).editProposal(id: id, title: title, year: Parse.year(year), submittedOn: Parse.date(submitted),
                                              amount: Parse.money(amount), ministry: ministry, note: note)
            context.reportEdited("事業提案", "proposal", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "變更事業提案狀態 change a proposal's status").parsedAlone
        @OptionGroup var change: StatusChangeOptions

        func run(in context: CommandContext) throws {
            try context.changeStatus(.proposal, change)
        }
    }
}
