import ArgumentParser
import PlacemakingKit

/// `check`: whether the ledger file is sound, one line per problem; exit 1 when there is any.
struct CheckCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "檢查資料庫 check the ledger",
        discussion: """
            檢查檔案完整性（integrity_check）、外鍵（foreign_key_check），以及資料庫自己的規則：每筆資料的目前狀態
            等於狀態歷程最後一筆、歷程日期依登錄順序不倒退、每一步都是允許的狀態變更、金額在 0 至 1 兆元之間、
            公民參與案件的補助與狀態一致、每筆資料都有新增的異動紀錄、種子資料（業務報告的事實）未被無紀錄地修改。
            每個問題一行；沒有問題時結束碼 0，有問題時 1。大型資料庫可能需要數十秒。
            例：check；placemaking --db ledger.sqlite check
            """).parsedAlone

    func run(in context: CommandContext) throws {
        let problems = try context.database.check()
        guard !problems.isEmpty else {
            context.say("檢查完成：沒有發現問題", "check complete: no problems found")
            return
        }
        for problem in problems { context.console.write(problem.message(context.language) + "\n") }
        throw PlacemakingError.checkFoundProblems(count: LedgerProblem.count(problems))
    }
}
