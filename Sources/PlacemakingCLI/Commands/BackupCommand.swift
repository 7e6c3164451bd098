import ArgumentParser
import PlacemakingKit

/// `backup FILE`: a consistent copy of the ledger taken while others may be writing, checked before it
/// is reported done.
struct BackupCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "備份資料庫 back up the ledger",
        discussion: """
            以 SQLite 備份機制複製一份一致的資料庫（其他人同時寫入也可以），先寫到同一資料夾的暫存檔，
            通過完整性檢查後才改名為 FILE；新檔只有本人可讀寫（0600）。FILE 已存在時不覆寫，除非加上 --force。
            例：backup 備份/placemaking-20260701.sqlite；backup /srv/backup/ledger.sqlite --force
            """).parsedAlone
    @Argument(help: "備份檔 backup file") var file: String
    @Flag(name: .long, help: "覆寫已存在的 FILE replace an existing FILE") var force = false

    func run(in context: CommandContext) throws {
        let report = try context.database.backup(to: file, replacing: force)
        let seconds = String(format: "%.1f", report.seconds)
        context.say("已備份到「\(report.path)」（\(report.size)，\(seconds) 秒；\(report.summary(.chinese))），已通過完整性檢查",
                    "backed up to '\(report.path)' (\(report.size), \(seconds) s; \(report.summary(.english))); integrity checked")
    }
}
