import ArgumentParser
import PlacemakingKit

/// `restore FILE`: replaces the ledger with a backup, after checking it, keeping the replaced ledger.
struct RestoreCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "從備份還原資料庫 restore the ledger from a backup",
        discussion: """
            研考會執行（以 --as 代機關操作時不能還原）。先檢查備份檔（SQLite 檔、完整性、是 placemaking 資料庫、
            不比本程式新），把目前的資料庫保留為同資料夾的「檔名.before-restore-時間」，再把備份寫入使用中的資料庫
            （單一交易；其他人讀到的不是舊的就是新的）。較舊版本的備份會升級。還原本身記入異動紀錄（誰、何時、
            備份檔與其 SHA-256、大小、原資料庫保留處），與還原的內容同一交易寫入；audit --table ledger 可查。
            例：restore 備份/placemaking-20260701.sqlite
            """).parsedAlone
    @Argument(help: "備份檔 backup file") var file: String

    func run(in context: CommandContext) throws {
        let report = try context.database.restore(from: file)
        let kept = report.keptAs ?? "?"
        context.say("已從「\(report.path)」還原（\(report.summary(.chinese))）；原資料庫保留為「\(kept)」",
                    "restored from '\(report.path)' (\(report.summary(.english))); the replaced ledger is kept as '\(kept)'")
    }
}
