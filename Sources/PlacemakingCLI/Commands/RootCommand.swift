import ArgumentParser

/// The command grammar, shared by the one-shot command line and the shell.
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placemaking",
        abstract: "高雄市地方創生與公民參與資料庫 Kaohsiung placemaking and citizen-participation ledger",
        discussion: """
            不帶指令時開啟互動式 shell。全域選項（放在指令之前）：
              --db PATH      資料庫檔（預設 ./placemaking.sqlite 或 $PLACEMAKING_DB；不存在時自動建立並載入種子資料）
              --lang en|zh   訊息語言（預設中文；亦可設 PLACEMAKING_LANG）
              --as AGENCY    研考會人員代某機關操作（提示字元顯示，異動紀錄記為「帳號（機關）」）
              -c COMMAND     執行指令後結束（可重複：-c A -c B）
              --bail         批次執行時遇到第一個錯誤即停止
              --version      顯示版本與資料庫結構版本
            例：
              placemaking plan list --phase approved
              placemaking case list --year 111 --format json
              placemaking plan status 1 執行中 --on 111/07/01
              placemaking summary --year 111 --as-of 111/06/30 --format report
              placemaking backup 備份/ledger-20260701.sqlite
              placemaking check
            """,
        subcommands: [PlanCommand.self, MatchCommand.self, ProposalCommand.self, VisitCommand.self, SubsidyCommand.self,
                      CaseCommand.self, EventCommand.self, SummaryCommand.self, ExportCommand.self, ImportCommand.self, AgencyCommand.self,
                      HistoryCommand.self, StatusesCommand.self, AuditCommand.self, SQLCommand.self, OperatorCommand.self,
                      BackupCommand.self, RestoreCommand.self, CheckCommand.self])

    /// The discussion above, for English help.
    static let discussionEnglish = """
        With no command, the interactive shell opens. Global options (before the command):
          --db PATH      database file (default ./placemaking.sqlite or $PLACEMAKING_DB; created and seeded when new)
          --lang en|zh   language of messages (Chinese by default; or PLACEMAKING_LANG)
          --as AGENCY    RDEC staff: act for an agency (shown in the prompt; changes logged as «login（agency）»)
          -c COMMAND     run commands and exit (repeatable: -c A -c B)
          --bail         stop a script at its first error
          --version      print the version and the schema version
        e.g.
          placemaking plan list --phase approved
          placemaking case list --year 111 --format json
          placemaking plan status 1 執行中 --on 111/07/01
          placemaking summary --year 111 --as-of 111/06/30 --format report
          placemaking backup backups/ledger-20260701.sqlite
          placemaking check
        """
}
