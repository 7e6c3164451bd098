import ArgumentParser
import PlacemakingKit

/// `sql "SELECT …"`: one read-only statement, for questions the commands do not answer.
struct SQLCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "唯讀 SQL 查詢 a read-only SQL query",
        discussion: "只能讀取，任何寫入都會被拒絕；超過 10 秒（PLACEMAKING_SQL_TIMEOUT）自動中止，Ctrl-C 可中斷。例：sql \"SELECT name, town_code FROM agency WHERE kind = 'district'\"").parsedAlone
    @OptionGroup var output: OutputOptions
    @Argument(parsing: .remaining, help: "SELECT 陳述式") var statement: [String] = []

    func run(in context: CommandContext) throws {
        let sql = statement.joined(separator: " ")
        guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PlacemakingError.emptyValue(field: "SQL") }
        try context.show(try context.database.query(sql, timeout: context.sqlTimeout), output)
    }
}
