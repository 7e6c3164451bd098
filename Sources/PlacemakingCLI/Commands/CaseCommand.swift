import ArgumentParser
import PlacemakingKit

/// `case`: cases of the yearly citizen-participation plan (公民參與).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "公民參與案件 citizen-participation cases",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出案件 list cases",
            discussion: "例：case list --year 111 --subsidized yes").parsedAlone
        @Option(parsing: .unconditional, help: "計畫年度（民國年）") var year: String?
        @Option(parsing: .unconditional, help: "機關") var agency: String?
        @Option(parsing: .unconditional, help: "階段") var phase: String?
        @Option(parsing: .unconditional, help: "是否獲市府補助 yes/no") var subsidized: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let filter = CaseFilter(year: try Parse.year(year), agency: agency, phase: try Parse.phase(phase),
                                    subsidized: try Parse.yesNo(subsidized, field: "--subsidized"))
            try context.list(.participationCase, filter, output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆案件 show a case").parsedAlone
        @Argument(help: "案件編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.caseDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增案件 add a case",
            discussion: """
                是否獲市府補助由狀態決定：核定補助為是，自辦(不補助)與審查前為否。
                例：case add --year 112 --agency 文化局 --title \"社區參與式預算\" --method 參與式預算
                例：case add --year 112 --agency 文化局 --title \"青年審議工作坊\" --status 核定補助 --on 112/03/01 --subsidy 30萬
                """).parsedAlone
        @Option(parsing: .unconditional, help: "計畫年度（民國年）") var year: String
        @Option(parsing: .unconditional, help: "案件名稱") var title: String
        @Option(parsing: .unconditional, help: "辦理機關") var agency: String?
        @Option(parsing: .unconditional, help: "參與方式，如 參與式預算、工作坊") var method: String?
        @Option(parsing: .unconditional, help: "是否獲市府補助 yes/no") var subsidized: String?
        @Option(parsing: .unconditional, help: "補助金額") var subsidy: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?
        @Option(parsing: .unconditional, help: "目前狀態（預設 計畫提報）") var status: String?
        @Option(name: [.customLong("on"), .customLong("status-on")], parsing: .unconditional, help: "目前狀態的生效日期（預設今天；亦可寫 --status-on）") var statusOn: String?

        func run(in context: CommandContext) throws {
            guard let rocYear = try Parse.year(year) else { return }
            let id = try context.database.addCase(
                year: rocYear, title: title, agency: agency, method: method,
                subsidized: try Parse.yesNo(subsidized, field: "--subsidized"), subsidy: Parse.money(subsidy),
                note: note, status: status, statusOn: Parse.date(statusOn))
            context.reportAdded("公民參與案件", "case", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改案件 edit a case").parsedAlone
        @Argument(help: "案件編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "計畫年度") var year: String?
        @Option(parsing: .unconditional, help: "案件名稱") var title: String?
        @Option(parsing: .unconditional, help: "辦理機關") var agency: String?
        @Option(parsing: .unconditional, help: "參與方式") var method: String?
        @Option(parsing: .unconditional, help: "是否獲市府補助 yes/no（須與狀態相符；改補助請改狀態）") var subsidized: String?
        @Option(parsing: .unconditional, help: "補助金額") var subsidy: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .participationCase, id: id).editCase(id: id, year: Parse.year(year), title: title, agency: agency, method: method,
                                          subsidized: Parse.yesNo(subsidized, field: "--subsidized"),
                                          subsidy: Parse.money(subsidy), note: note)
            context.reportEdited("公民參與案件", "case", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "變更案件狀態 change a case's status").parsedAlone
        @OptionGroup var change: StatusChangeOptions
        @Option(parsing: .unconditional, help: "市府補助金額（改為核定補助時）") var amount: String?

        func run(in context: CommandContext) throws {
            try context.changeStatus(.case, change, amount: amount)
        }
    }
}
