import ArgumentParser
import PlacemakingKit

/// `operator`: who may change the ledger (研考會's staff keep the list). Operators are the
/// operating-system logins of the people who run the program; a login not listed may only read.
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator", abstract: "操作人員（限研考會）operators: who may change the ledger",
        subcommands: [List.self, Add.self, Edit.self, Remove.self])

    /// `--role` as typed: staff, clerk, viewer or their Chinese labels.
    static func role(_ text: String) throws -> OperatorRole {
        guard let role = OperatorRole(text: text) else {
            throw PlacemakingError.invalidValue(field: "--role", value: text,
                                                hint: "請輸入 staff（研考會人員）、clerk（機關承辦人）或 viewer（查詢人員）")
        }
        return role
    }

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出操作人員 list operators").parsedAlone
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.operatorTable(), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增操作人員（限研考會）add an operator (RDEC staff only)",
            discussion: """
                LOGIN 是系統帳號名稱（id -un 所示）。staff：研考會人員，可改所有資料、可 --as 代機關登錄；clerk：機關承辦人，
                只能新增、修改所屬機關的資料（須 --agency）；viewer：只能查詢。未列入名單的帳號只能查詢。
                例：operator add liugui01 --role clerk --agency 六龜區
                """).parsedAlone
        @Argument(help: "系統帳號 login") var login: String
        @Option(parsing: .unconditional, help: "角色 staff（研考會人員）, clerk（機關承辦人）, viewer（查詢人員）") var role: String
        @Option(parsing: .unconditional, help: "所屬機關（clerk 必填），如 六龜區") var agency: String?

        func run(in context: CommandContext) throws {
            try context.database.addOperator(login: login, role: OperatorCommand.role(role), agency: agency)
            context.say("已新增操作人員 \(login)", "added operator \(login)")
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "變更操作人員的角色或機關（限研考會）change an operator (RDEC staff only)",
            discussion: "例：operator edit liugui01 --agency 甲仙區；operator edit liugui01 --role viewer").parsedAlone
        @Argument(help: "系統帳號 login") var login: String
        @Option(parsing: .unconditional, help: "新角色 staff, clerk, viewer") var role: String?
        @Option(parsing: .unconditional, help: "新所屬機關（clerk）") var agency: String?

        func run(in context: CommandContext) throws {
            try context.database.editOperator(login: login, role: role.map(OperatorCommand.role), agency: agency)
            context.say("已變更操作人員 \(login)", "updated operator \(login)")
        }
    }

    struct Remove: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "移除操作人員（限研考會；之後只能查詢）remove an operator (RDEC staff only)",
            discussion: "例：operator remove liugui01").parsedAlone
        @Argument(help: "系統帳號 login") var login: String

        func run(in context: CommandContext) throws {
            try context.database.removeOperator(login: login)
            context.say("已移除操作人員 \(login)（仍可查詢）", "removed operator \(login) (may still read)")
        }
    }
}
