import ArgumentParser
import PlacemakingKit

/// `plan`: placemaking plans (地方創生計畫).
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "地方創生計畫 placemaking plans",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出計畫 list plans",
            discussion: "例：plan list --year 111 --phase approved --as-of 111/06/30").parsedAlone
        @Option(parsing: .unconditional, help: "年度（民國年，如 111）：該年提報或狀態有變動的計畫") var year: String?
        @Option(parsing: .unconditional, help: "機關，如 六龜區") var agency: String?
        @Option(parsing: .unconditional, help: "階段 draft, submitted, reviewing, approved, rejected, executing, closed, withdrawn") var phase: String?
        @Option(parsing: .unconditional, help: "狀態，如 媒合成功") var status: String?
        @Option(name: .customLong("as-of"), parsing: .unconditional, help: "截至某日的狀態，如 111/06/30（預設今天）") var asOf: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let filter = PlanFilter(year: try Parse.year(year), agency: agency, phase: try Parse.phase(phase), status: status,
                                    asOf: try Parse.date(asOf))
            try context.list(.plan, filter, output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆計畫及其媒合、事業提案、狀態歷程 show a plan").parsedAlone
        @Argument(help: "計畫編號 plan id") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.planDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增計畫 add a plan",
            discussion: "例：plan add --agency 六龜區 --title \"六龜山城創生計畫\" --submitted 111/03/15 --budget 1,968萬").parsedAlone
        @Option(parsing: .unconditional, help: "提案機關，如 六龜區、海洋局") var agency: String
        @Option(parsing: .unconditional, help: "計畫名稱") var title: String
        @Option(parsing: .unconditional, help: "提報國發會日期，如 111/03/15") var submitted: String?
        @Option(parsing: .unconditional, help: "總經費，如 5,000,000 或 500萬") var budget: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?
        @Option(parsing: .unconditional, help: "登錄已在進行中的計畫時的目前狀態（預設 構想盤點）") var status: String?
        @Option(name: [.customLong("on"), .customLong("status-on")], parsing: .unconditional, help: "目前狀態的生效日期（預設為提報日期，未填則今天；亦可寫 --status-on）") var statusOn: String?

        func run(in context: CommandContext) throws {
            let id = try context.database.submitPlan(
                agency: agency, title: title, submittedOn: Parse.date(submitted), budget: Parse.money(budget), note: note,
                status: status, statusOn: Parse.date(statusOn))
            context.reportAdded("地方創生計畫", "plan", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改計畫 edit a plan",
            discussion: "例：plan edit 7 --budget 2,000萬 --note \"依工作會議修正\"").parsedAlone
        @Argument(help: "計畫編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "提案機關") var agency: String?
        @Option(parsing: .unconditional, help: "計畫名稱") var title: String?
        @Option(parsing: .unconditional, help: "提報國發會日期") var submitted: String?
        @Option(parsing: .unconditional, help: "總經費") var budget: String?
        @Option(parsing: .unconditional, help: "備註（空字串清除）") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .plan, id: id).editPlan(id: id, agency: agency, title: title, submittedOn: Parse.date(submitted),
                                          budget: Parse.money(budget), note: note)
            context.reportEdited("地方創生計畫", "plan", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "變更計畫狀態 change a plan's status",
            discussion: "例：plan status 7 已提報國發會 --on 111/04/01").parsedAlone
        @OptionGroup var change: StatusChangeOptions

        func run(in context: CommandContext) throws {
            try context.changeStatus(.plan, change)
        }
    }
}
