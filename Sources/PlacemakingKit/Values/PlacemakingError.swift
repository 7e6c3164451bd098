/// An error caused by what the user typed or asked for. Each says, in the user's language, what was
/// wrong and what to type instead; none of them is ever a crash.
public enum PlacemakingError: Error, Equatable, Sendable {
    public enum DateProblem: Sendable { case unreadable, doesNotExist, outOfRange }
    public enum MoneyProblem: Sendable { case unreadable, negative, fractionOfYuan, tooLarge }
    public enum StorageProblem: Sendable { case busy, readOnly, diskFull, constraint, syntax, corrupt, cannotOpen, other }
    public enum NotALedgerReason: Sendable, Equatable {
        case notSQLite, foreignTables
        /// Migrated by a newer program: `found` is the file's schema version, as `--version` shows one.
        case newerVersion(found: String)
    }
    /// Why a `--db` value cannot be a ledger file.
    public enum LedgerPathProblem: Sendable { case empty, inMemory, directory, companion }

    case invalidDate(String, reason: DateProblem)
    case invalidMoney(String, reason: MoneyProblem)
    case invalidYear(String)
    case unknownAgency(String, suggestions: [String])
    case wrongAgencyKind(String, expected: String)
    case unknownStatus(RecordKind, String, known: [String])
    case transitionNotAllowed(RecordKind, id: Int64, from: String, to: String, allowed: [String])
    case notFound(RecordKind?, table: String, id: Int64)
    case emptyValue(field: String)
    case invalidValue(field: String, value: String, hint: String)
    /// A text field holds a control character (NUL, ESC, …; in a title also a newline or tab).
    case controlCharacter(field: String, value: String, character: Unicode.Scalar)
    /// A text field holds U+FFFD, which stands where bytes were not valid UTF-8.
    case replacementCharacter(field: String, value: String)
    /// A text field is longer than its limit; lengths count Unicode scalars.
    case textTooLong(field: String, length: Int, limit: Int)
    /// A script is not valid UTF-8 from this byte on (offset from 0; line from 1).
    case scriptNotUTF8(byteOffset: Int, line: Int)
    /// A script holds a NUL byte.
    case scriptHasNUL(byteOffset: Int, line: Int)
    case nothingToChange
    case outsideScope(acting: String, owner: String?)
    /// A date of something that happened (submitted, matched, held, awarded, a status) lies after today.
    case dateInFuture(HappenedDate, date: ROCDate, today: ROCDate)
    /// A status date would put the history out of date order: it must lie from `notBefore` to
    /// `notAfter` (nil: no bound on that side).
    case statusDateOutOfOrder(date: ROCDate, notBefore: ROCDate?, notAfter: ROCDate?)
    /// `history fix` named an entry that the record's history does not have (entries count from 1).
    case noHistoryEntry(RecordKind, id: Int64, entry: Int, count: Int)
    /// `--amount` with a status that grants no money (自辦(不補助), or any status of a plan).
    case amountNotGranted(RecordKind, status: String)
    /// `--subsidized` or `--subsidy` on a participation case that says otherwise than its status does.
    case subsidyContradictsStatus(status: String, subsidized: Bool)
    /// A decision of the NDC or the city, which 研考會's staff record: refused while acting for an agency.
    case decisionKeptByRDEC(acting: String, what: RDECDecision)
    /// SQLite refused or failed; `detail` keeps its own message after the explanation.
    case storage(StorageProblem, detail: String)
    /// A file that is not a ledger of this program (or of a newer version of it).
    case notALedger(path: String, reason: NotALedgerReason)
    /// Something the program itself got wrong; never caused by input.
    case programDefect(String)
    /// The agency list is kept by 研考會's staff: refused while acting for one agency.
    case agenciesKeptByRDEC(acting: String)
    /// A name (after dropping spaces and reading 臺 as 台) already belongs to an agency.
    case agencyNameTaken(String, owner: String)
    /// `sql` refused a statement that would do more than read.
    case sqlRefused(SQLRefusal)
    /// `sql` ran past its time limit and was stopped.
    case queryTimedOut(seconds: Double)
    /// `sql` was stopped by Ctrl-C.
    case queryInterrupted
    /// `summary --year` named a year that has not begun.
    case summaryYearNotStarted(year: Int, today: ROCDate)
    /// `summary --as-of` named a day after today: a summary states what had happened.
    case summaryAsOfInFuture(date: ROCDate, today: ROCDate)
    /// `summary --as-of` named a day before the year it summarises began.
    case summaryAsOfBeforeYear(year: Int, date: ROCDate)
    /// `--out` could not be written (no such folder, no permission, disk full); `detail` is the system's.
    case outputNotWritten(path: String, detail: String)
    /// An ODS or XLSX export was asked to go to the screen: a workbook is a zip archive, not text.
    case workbookNeedsFile(format: String)
    /// An export file could not be written (`detail`: the system's reason); no partial file is left.
    case exportFileUnwritable(path: String, detail: String)
    /// A sheet has more rows than a spreadsheet holds (1,048,576 with the header, in Calc and Excel).
    case sheetTooLarge(sheet: String, limit: Int)
    /// The login is not an operator of this ledger: it may read, not write.
    case notAnOperator(login: String)
    /// A viewer tried to write.
    case viewerCannotWrite(login: String)
    /// `--as` (`.as`) by someone other than 研考會's staff; `ownAgency` is a clerk's own agency.
    case actingNotAllowed(login: String, ownAgency: String?)
    /// The operator list is kept by 研考會's staff (not acting for an agency).
    case operatorsKeptByStaff(login: String)
    /// Not a name an operating-system account can have.
    case invalidLogin(String)
    case operatorExists(String)
    case noSuchOperator(String)
    /// A clerk works for one agency: `--agency` is needed.
    case clerkNeedsAgency(login: String)
    /// `--agency` with a role other than clerk.
    case agencyOnlyForClerks(role: String)
    /// Removing or demoting the last staff member would leave nobody to manage operators.
    case lastStaff(login: String)
    /// An edit or status change made from version `read` of a record that is now at `current`: the
    /// last change (`by`, at `at`, Taiwan time) came in between. Refused so neither change is lost.
    case staleRecord(LedgerTable, id: Int64, read: Int64, current: Int64, by: String?, at: String?)
    /// Under set-group-id: a file the user names (other than the install's ledger) is not opened with
    /// the group's privilege.
    case notUnderSetGroupID(what: String)
    /// `--db` names no file that could keep the ledger (empty, `:memory:`, a directory): writes would be lost.
    case ledgerPathUnusable(path: String, problem: LedgerPathProblem)
    /// The ledger was opened read-only (the file or its folder is not writable), and a write was asked for.
    case ledgerReadOnly(path: String)
    /// A read-only ledger made by an older version needs upgrading, which needs writing.
    case readOnlyLedgerNeedsUpgrade(path: String)
    /// `backup FILE` would replace an existing file (without `--force`), or the ledger itself.
    case backupTargetExists(path: String)
    /// A backup (being made, or offered to `restore`) failed its check; `detail` says what was found.
    case backupUnsound(path: String, detail: String)
    /// `restore` is 研考會 staff's: refused while acting for an agency.
    case restoreKeptByRDEC(acting: String)
    /// `check` found problems (each already shown on its own line).
    case checkFoundProblems(count: Int)
    /// A quoted CSV field opened on `line` never closes.
    case csvUnclosedQuote(line: Int)
    /// A file to import is valid UTF-8, Big5 and Big5-HKSCS nowhere past this byte (offset from 0).
    case fileNotText(path: String, byteOffset: Int, line: Int)
    /// A header row an import cannot use as it stands (empty, a column twice, the wrong kind of file).
    case importHeaderProblem(zh: String, en: String)
    /// A CSV file that is not in the encoding given with `--encoding`.
    case fileNotInEncoding(path: String, encoding: String, byteOffset: Int, line: Int)
    /// A file to import could not be opened or is not the workbook it claims to be.
    case importFileUnreadable(path: String, detail: String)
    /// `--sheet` named a sheet the workbook does not have.
    case importSheetNotFound(String, available: [String])
    /// No column of the file maps to a field the import needs.
    case importMissingColumn(field: String, headers: [String])
    /// A real import found bad rows and wrote nothing.
    case importRejected(rows: Int, cells: Int)
    /// `--map` was not `header=field`, or named a field the import does not know.
    case invalidColumnMapping(String, fields: [String])
    /// The file's extension is not one the import reads.
    case importUnknownFormat(path: String)

    /// The one-line message for the user.
    public func message(_ language: Language = .chinese) -> String {
        let zh = language == .chinese
        switch self {
        case let .invalidDate(typed, .unreadable):
            let text = EchoedText.shown(typed)
            return zh ? "看不懂日期「\(text)」；請輸入 111/06/30、111-06-30、1110630、111年6月30日 或 2022-06-30"
                : "cannot read the date '\(text)'; type 111/06/30, 111-06-30, 1110630, 111年6月30日 or 2022-06-30"
        case let .invalidDate(typed, .doesNotExist):
            let text = EchoedText.shown(typed)
            return zh ? "日期「\(text)」不存在（請檢查月份天數與閏年）；請輸入存在的日期，例如 111/02/28"
                : "the date '\(text)' does not exist (check the days of the month and leap years); type a real date such as 111/02/28"
        case let .invalidDate(typed, .outOfRange):
            let text = EchoedText.shown(typed)
            return zh ? "日期「\(text)」超出範圍：民國年須在 1–999 年（西元 1912–2910 年）之間；7 位數字或 2–3 位數年份為民國年（1110630、111/06/30），8 位數字或 4 位數年份為西元年（20220630、2022-06-30）"
                : "the date '\(text)' is out of range: ROC years run from 1 to 999 (1912 to 2910); 7 digits or a 2–3 digit year are ROC (1110630, 111/06/30), 8 digits or a 4-digit year Gregorian (20220630, 2022-06-30)"
        case let .invalidMoney(typed, .negative):
            let text = EchoedText.shown(typed)
            return zh ? "金額「\(text)」不可為負數；請輸入 0 以上的金額，例如 5,000,000 或 500萬"
                : "the amount '\(text)' cannot be negative; type 0 or more, e.g. 5,000,000 or 500萬"
        case let .invalidMoney(typed, .fractionOfYuan):
            let text = EchoedText.shown(typed)
            return zh ? "金額「\(text)」有不足 1 元的零頭；請輸入整數元，例如 37.8億 或 1,245萬"
                : "the amount '\(text)' has a fraction of a 元; type whole 元, e.g. 37.8億 or 1,245萬"
        case let .invalidMoney(typed, .unreadable):
            let text = EchoedText.shown(typed)
            return zh ? "看不懂金額「\(text)」；請輸入 5,000,000、5000000、500萬 或 37.8億"
                : "cannot read the amount '\(text)'; type 5,000,000, 5000000, 500萬 or 37.8億"
        case let .invalidMoney(typed, .tooLarge):
            let text = EchoedText.shown(typed)
            return zh ? "金額「\(text)」超過 1 兆元上限；請確認單位（萬、億），例如 500萬 或 37.8億"
                : "the amount '\(text)' is above the limit of 1 兆 (10¹²) 元; check the unit (萬, 億), e.g. 500萬 or 37.8億"
        case let .invalidYear(typed):
            let text = EchoedText.shown(typed)
            return zh ? "看不懂年度「\(text)」；請輸入民國年 1–999（例如 111），或 4 位數西元年 1912–2910（例如 2022）"
                : "cannot read the year '\(text)'; type an ROC year from 1 to 999 such as 111, or a 4-digit year from 1912 to 2910 such as 2022"
        case let .unknownAgency(typed, suggestions):
            let name = EchoedText.shown(typed)
            let hint = suggestions.isEmpty
                ? (zh ? "請用 agency list 查看機關名稱，例如「六龜區」「海洋局」" : "see `agency list` for names such as 六龜區 or 海洋局")
                : (zh ? "您是不是要輸入：\(suggestions.joined(separator: "、"))？" : "did you mean: \(suggestions.joined(separator: ", "))?")
            return zh ? "找不到機關「\(name)」；\(hint)" : "no agency named '\(name)'; \(hint)"
        case let .wrongAgencyKind(typed, expected):
            let name = EchoedText.shown(typed)
            return zh ? "「\(name)」不是\(expected)；請用 agency list 查看可用的名稱"
                : "'\(name)' is not a \(expected); see `agency list` for names"
        case let .unknownStatus(kind, typed, known):
            let text = EchoedText.shown(typed)
            return zh ? "\(kind.label)沒有「\(text)」這個狀態；可用的狀態：\(known.joined(separator: "、"))"
                : "a \(kind.labelEnglish) has no status '\(text)'; statuses: \(known.joined(separator: ", "))"
        case let .transitionNotAllowed(kind, id, from, typedTarget, allowed):
            let to = EchoedText.shown(typedTarget)
            let next = allowed.isEmpty ? (zh ? "（此狀態已不能再變更）" : "(none: this status is final)")
                : allowed.joined(separator: zh ? "、" : ", ")
            return zh ? "\(kind.label) #\(id) 目前為「\(from)」，不能直接改為「\(to)」；可改為：\(next)"
                : "\(kind.labelEnglish) #\(id) is '\(from)' and cannot change to '\(to)'; allowed: \(next)"
        case let .notFound(kind, table, id):
            let what = kind.map { zh ? $0.label : $0.labelEnglish }
                ?? LedgerTable(rawValue: table).map { zh ? $0.label : $0.labelEnglish } ?? table
            return zh ? "找不到\(what) #\(id)；請用 list 指令查看現有編號" : "there is no \(what) #\(id); use the list command to see ids"
        case let .emptyValue(field):
            return zh ? "「\(field)」不可空白；請輸入內容" : "'\(field)' cannot be blank; type a value"
        case let .invalidValue(field, typed, hint):
            let value = EchoedText.shown(typed)
            return zh ? "「\(field)」的值「\(value)」不正確；\(hint)" : "'\(value)' is not a valid \(field); \(hint)"
        case let .controlCharacter(field, typed, character):
            let value = EchoedText.shown(typed)
            let shown = "\(EchoedText.codePoint(character)) \(EchoedText.visible(character))"
            let isNewlineOrTab = character == "\n" || character == "\t"
            return zh ? "「\(field)」含有控制字元 \(shown)：「\(value)」；\(isNewlineOrTab ? "名稱不可換行或含定位字元，請改為一行" : "請刪除這個字元後再輸入")"
                : "'\(field)' holds the control character \(shown): '\(value)'; \(isNewlineOrTab ? "a name must be one line without tabs" : "remove it and try again")"
        case let .replacementCharacter(field, typed):
            let value = EchoedText.shown(typed)
            return zh ? "「\(field)」含有替代字元 �（U+FFFD）：「\(value)」，表示輸入的位元組不是有效的 UTF-8（可能是 Big5 檔案）；請以 UTF-8 重新輸入"
                : "'\(field)' holds the replacement character � (U+FFFD): '\(value)', which means the input bytes were not valid UTF-8 (perhaps a Big5 file); type it again as UTF-8"
        case let .textTooLong(field, length, limit):
            return zh ? "「\(field)」有 \(length) 個字，超過上限 \(limit) 個字；請縮短後再輸入"
                : "'\(field)' has \(length) characters, more than the limit of \(limit); shorten it"
        case let .scriptNotUTF8(byteOffset, line):
            return zh ? "指令檔第 \(line) 行（第 \(byteOffset) 位元組，從 0 起算）不是有效的 UTF-8；請將檔案另存為 UTF-8（Big5 檔案請先轉換）"
                : "the script is not valid UTF-8 at line \(line) (byte offset \(byteOffset), counting from 0); save it as UTF-8 (convert Big5 files first)"
        case let .scriptHasNUL(byteOffset, line):
            return zh ? "指令檔第 \(line) 行（第 \(byteOffset) 位元組，從 0 起算）含有 NUL 位元組；這不是文字檔，或檔案是 UTF-16 編碼；請另存為 UTF-8"
                : "the script holds a NUL byte at line \(line) (byte offset \(byteOffset), counting from 0); it is not a text file, or is UTF-16; save it as UTF-8"
        case let .outsideScope(acting, owner):
            let whose = owner.map { zh ? "涉及「\($0)」的資料" : "\($0)'s records" } ?? (zh ? "未指定機關的資料" : "records of no agency")
            return zh ? "以「\(acting)」身分操作時，只能新增、修改或連結「\(acting)」自己的資料，不能處理\(whose)；請由該機關或研考會處理"
                : "acting for \(acting) you may only add, change or link \(acting)'s own records, not \(whose); ask that agency or RDEC staff"
        case let .storage(problem, detail):
            return Self.storageMessage(problem, detail: detail, zh: zh)
        case let .notALedger(path, reason):
            switch reason {
            case .notSQLite:
                return zh ? "「\(path)」不是 placemaking 資料庫（不是 SQLite 檔案）；請用 --db 指定正確的檔案，或指定新檔名以建立新資料庫"
                    : "'\(path)' is not a placemaking ledger (not an SQLite file); give the right file with --db, or a new name to create one"
            case .foreignTables:
                return zh ? "「\(path)」不是 placemaking 資料庫（是其他程式的 SQLite 檔案），未做任何變更；請用 --db 指定正確的檔案"
                    : "'\(path)' is not a placemaking ledger (it is another program's SQLite file); nothing was changed; give the right file with --db"
            case let .newerVersion(found):
                return zh ? "「\(path)」由較新版本的 placemaking 建立（資料庫結構版本 \(found)，本程式 \(AppDatabase.schemaVersion)），這個版本無法安全使用，未做任何變更；請更新程式（placemaking --version 可查版本）"
                    : "'\(path)' was made by a newer placemaking (schema \(found); this program: \(AppDatabase.schemaVersion)); this version cannot use it safely; nothing was changed; update the program (see placemaking --version)"
            }
        case let .programDefect(detail):
            return zh ? "程式內部錯誤（\(detail)）；請回報給維護人員" : "internal error (\(detail)); please report it"
        case .nothingToChange:
            return zh ? "沒有要修改的內容：沒有給任何選項，或給的值與現有的相同；請用 show 查看現有值，help 查看可用選項"
                : "nothing to change: no option was given, or the values given are the ones already stored; see show for the values, help for the options"
        case let .dateInFuture(field, date, today):
            return zh ? "\(field.label) \(date.roc) 晚於今天（\(today.roc)）；已發生的事不能記在未來的日期，請輸入今天或之前的日期"
                : "the \(field.labelEnglish) \(date.roc) is after today (\(today.roc)); what happened cannot be dated in the future: type today or an earlier date"
        case let .statusDateOutOfOrder(date, notBefore, notAfter):
            let range: String
            switch (notBefore, notAfter) {
            case let (low?, high?): range = zh ? "須在 \(low.roc) 與 \(high.roc) 之間" : "must lie from \(low.roc) to \(high.roc)"
            case let (low?, nil): range = zh ? "不可早於前一個狀態的日期 \(low.roc)" : "cannot be before the previous status's date \(low.roc)"
            case let (nil, high?): range = zh ? "不可晚於下一個狀態的日期 \(high.roc)" : "cannot be after the next status's date \(high.roc)"
            case (nil, nil): range = zh ? "與其他狀態的日期順序不符" : "is out of order"
            }
            return zh ? "狀態日期 \(date.roc) \(range)（狀態歷程依日期排列；history ENTITY ID 可查）"
                : "the status date \(date.roc) \(range) (a status history runs in date order; see history ENTITY ID)"
        case let .noHistoryEntry(kind, id, entry, count):
            return zh ? "\(kind.label) #\(id) 的狀態歷程沒有第 \(entry) 筆（共 \(count) 筆）；請用 history \(kind.rawValue) \(id) 查看「序」欄"
                : "the status history of \(kind.labelEnglish) #\(id) has no entry \(entry) (it has \(count)); see the entry column of history \(kind.rawValue) \(id)"
        case let .amountNotGranted(kind, status):
            return zh ? "\(kind.label)改為「\(status)」不核定金額，不能加 --amount；金額只在核定補助時填寫"
                : "a \(kind.labelEnglish) moving to '\(status)' is granted no money, so --amount is not allowed; give an amount only with an award"
        case let .subsidyContradictsStatus(status, subsidized):
            return zh ? "案件狀態為「\(status)」，市府補助應為「\(subsidized ? "是" : "否")」；補助與否由狀態決定，請改狀態（case status ID 核定補助 --amount 金額）而不是修改補助欄位"
                : "the case's status is '\(status)', so it is \(subsidized ? "" : "not ")subsidized; the status decides this: change the status (case status ID 核定補助 --amount AMOUNT) instead"
        case let .decisionKeptByRDEC(acting, what):
            return zh ? "\(what.label)是國發會、部會或市府的決定，由研考會登錄；以「\(acting)」身分操作時不能登錄或修改，請研考會登錄"
                : "\(what.labelEnglish) are decisions of the NDC, the ministries or the city, which RDEC staff record; acting for \(acting) you cannot record or change them; ask RDEC staff"
        case let .agenciesKeptByRDEC(acting):
            return zh ? "機關名單由研考會維護；以「\(acting)」身分操作時不能新增或修改機關，請研考會處理"
                : "the agency list is kept by RDEC staff; acting for \(acting) you cannot add or change agencies; ask RDEC staff"
        case let .agencyNameTaken(typed, owner):
            let name = EchoedText.shown(typed)
            return zh ? "名稱「\(name)」已是「\(owner)」的名稱（不分臺台、空白）；請換一個名稱，或用 agency show 查看"
                : "the name '\(name)' already belongs to \(owner) (臺/台 and spaces aside); choose another, or see `agency show`"
        case let .sqlRefused(refusal):
            return refusal.message(language)
        case let .queryTimedOut(seconds):
            let shown = seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)
            return zh ? "查詢超過 \(shown) 秒已中止；請縮小範圍（加上 WHERE 或 LIMIT）"
                : "the query ran longer than \(shown) seconds and was stopped; narrow it (add WHERE or LIMIT)"
        case .queryInterrupted:
            return zh ? "查詢已中斷" : "query interrupted"
        case let .summaryYearNotStarted(year, today):
            return zh ? "\(year)年度尚未開始（今天是 \(today.roc)）；請輸入 \(today.rocYear) 年或之前的年度"
                : "the year \(year) has not begun (today is \(today.roc)); give \(today.rocYear) or an earlier year"
        case let .summaryAsOfInFuture(date, today):
            return zh ? "截至日期 \(date.roc) 晚於今天（\(today.roc)）；摘要只呈現已發生的狀態，請輸入今天或之前的日期"
                : "the as-of date \(date.roc) is after today (\(today.roc)); a summary shows what had happened: give today or an earlier date"
        case let .summaryAsOfBeforeYear(year, date):
            return zh ? "截至日期 \(date.roc) 早於 \(year) 年度開始；請輸入 \(year)/01/01 之後的日期，或改用 --year \(date.rocYear)"
                : "the as-of date \(date.roc) is before the year \(year) began; give a date from \(year)/01/01 on, or use --year \(date.rocYear)"
        case let .outputNotWritten(path, detail):
            let shown = EchoedText.shown(path)
            return zh ? "無法寫入檔案「\(shown)」（\(EchoedText.shown(detail, limit: 200))）；請檢查資料夾是否存在與寫入權限"
                : "cannot write the file '\(shown)' (\(EchoedText.shown(detail, limit: 200))); check that the folder exists and may be written"
        case let .workbookNeedsFile(format):
            return zh ? "\(format) 需要 --out 檔名（例如 --out 匯出.\(format.lowercased())）；試算表檔案無法輸出到螢幕，螢幕請用 --format csv 或 json"
                : "\(format) needs --out FILE (e.g. --out export.\(format.lowercased())); a workbook cannot go to the screen: use --format csv or json there"
        case let .exportFileUnwritable(path, detail):
            return zh ? "無法寫入「\(EchoedText.shown(path))」，未留下任何檔案；請檢查資料夾是否存在、權限與磁碟空間（\(EchoedText.shown(detail, limit: 200))）"
                : "cannot write '\(EchoedText.shown(path))'; no file was left; check that the folder exists, its permissions and the free space (\(EchoedText.shown(detail, limit: 200)))"
        case let .sheetTooLarge(sheet, limit):
            return zh ? "工作表「\(sheet)」超過試算表的上限 \(Money.groupThousands(Int64(limit))) 列；請縮小範圍（例如加上 --year），或改用 --format csv"
                : "the sheet '\(sheet)' has more than the \(Money.groupThousands(Int64(limit))) rows a spreadsheet holds; narrow it (e.g. add --year) or use --format csv"
        case let .notAnOperator(login):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」不是這個資料庫的操作人員，只能查詢，不能新增或修改；如需登錄資料，請洽研考會人員以 operator add \(name) --role clerk --agency 機關 加入"
                : "the login '\(name)' is not an operator of this ledger: it may read but not add or change; ask RDEC staff to add it (operator add \(name) --role clerk --agency AGENCY)"
        case let .viewerCannotWrite(login):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」是查詢人員（viewer），只能查詢，不能新增或修改；如需登錄資料，請洽研考會人員變更角色（operator edit \(name) --role clerk --agency 機關）"
                : "the login '\(name)' is a viewer: it may read but not add or change; ask RDEC staff to change its role (operator edit \(name) --role clerk --agency AGENCY)"
        case let .actingNotAllowed(login, ownAgency?):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」是「\(ownAgency)」的承辦人，一律以「\(ownAgency)」身分操作；--as（.as）只限研考會人員代其他機關登錄"
                : "the login '\(name)' is a clerk of \(ownAgency) and always acts for \(ownAgency); --as (.as) is for RDEC staff entering data for an agency"
        case let .actingNotAllowed(login, nil):
            let name = EchoedText.shown(login)
            return zh ? "--as（.as）只限研考會人員代機關登錄；帳號「\(name)」不是研考會人員"
                : "--as (.as) is for RDEC staff entering data for an agency; the login '\(name)' is not RDEC staff"
        case let .operatorsKeptByStaff(login):
            let name = EchoedText.shown(login)
            return zh ? "操作人員名單由研考會人員維護（且不以 --as 代機關操作時）；帳號「\(name)」不能新增、修改或移除操作人員"
                : "the operator list is kept by RDEC staff (not acting for an agency); the login '\(name)' cannot add, change or remove operators"
        case let .invalidLogin(login):
            let name = EchoedText.shown(login)
            return zh ? "「\(name)」不是有效的系統帳號名稱；請輸入 1–32 個英文字母、數字、.、_ 或 -（不以 - 開頭），例如 liugui01"
                : "'\(name)' is not a valid system login; type 1–32 letters, digits, '.', '_' or '-' (not first), e.g. liugui01"
        case let .operatorExists(login):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」已是操作人員；要變更角色或機關請用 operator edit \(name)"
                : "the login '\(name)' is already an operator; use operator edit \(name) to change its role or agency"
        case let .noSuchOperator(login):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」不是操作人員；請用 operator list 查看" : "the login '\(name)' is not an operator; see operator list"
        case let .clerkNeedsAgency(login):
            let name = EchoedText.shown(login)
            return zh ? "機關承辦人（clerk）須指定機關；請加上 --agency，例如 operator add \(name) --role clerk --agency 六龜區"
                : "a clerk works for one agency; add --agency, e.g. operator add \(name) --role clerk --agency 六龜區"
        case let .agencyOnlyForClerks(role):
            return zh ? "只有機關承辦人（clerk）有所屬機關；角色 \(role) 不能加 --agency"
                : "only a clerk has an agency; the role \(role) takes no --agency"
        case let .lastStaff(login):
            let name = EchoedText.shown(login)
            return zh ? "帳號「\(name)」是最後一位研考會人員（staff），移除或改變角色後將無人能管理操作人員；請先 operator add 另一位研考會人員"
                : "the login '\(name)' is the last RDEC staff member; without one nobody could manage operators; add another staff member first"
        case let .staleRecord(table, id, read, current, by, at):
            let who = by.map { EchoedText.shown($0) } ?? (zh ? "其他人" : "someone else")
            let when = at.map { zh ? "於 \($0) " : " at \($0)" } ?? ""
            let show = table.noun.map { "\($0) show \(id)" } ?? ""
            return zh ? "\(table.label) #\(id) 在您讀取（版本 \(read)）之後，已由「\(who)」\(when)修改（現為版本 \(current)）；為免蓋掉對方的修改，這次沒有寫入。請重新查看（\(show)）後再修改"
                : "\(table.labelEnglish) #\(id) was changed by \(who)\(when) after you read it (version \(read); now \(current)); nothing was written, so as not to overwrite that change: look at it again (\(show)) and redo your change"
        case let .notUnderSetGroupID(what):
            return zh ? "共用安裝（set-group-id）的程式不代使用者開啟檔案（\(what)）；請將輸出導向（> 檔名）或在自己的帳號下處理檔案"
                : "the shared (set-group-id) install does not open files for users (\(what)); redirect the output (> FILE) or handle files under your own account"
        case let .ledgerPathUnusable(path, problem):
            switch problem {
            case .empty:
                return zh ? "--db 不可為空白：資料必須存在檔案中；請指定檔名，例如 --db placemaking.sqlite"
                    : "--db cannot be empty: the ledger must live in a file; give a file name, e.g. --db placemaking.sqlite"
            case .inMemory:
                return zh ? "--db \(EchoedText.shown(path)) 是記憶體資料庫，結束時所有寫入都會遺失；請指定檔名，例如 --db placemaking.sqlite"
                    : "--db \(EchoedText.shown(path)) is an in-memory database: every write would be lost at exit; give a file name, e.g. --db placemaking.sqlite"
            case .directory:
                return zh ? "「\(EchoedText.shown(path))」是資料夾，不是資料庫檔案；請指定檔名，例如 --db \(EchoedText.shown(path))/placemaking.sqlite"
                    : "'\(EchoedText.shown(path))' is a folder, not a database file; give a file name, e.g. --db \(EchoedText.shown(path))/placemaking.sqlite"
            case .companion:
                let ledger = EchoedText.shown(LedgerPath.companionOwner(path) ?? path)
                return zh ? "「\(EchoedText.shown(path))」是 SQLite 的日誌檔（-wal、-shm、-journal），不是資料庫；請指定資料庫本身，例如 --db \(ledger)"
                    : "'\(EchoedText.shown(path))' is one of SQLite's journal files (-wal, -shm, -journal), not a database; name the database itself, e.g. --db \(ledger)"
            }
        case let .ledgerReadOnly(path):
            return zh ? "資料庫是唯讀的（「\(EchoedText.shown(path))」或所在資料夾沒有寫入權限），只能查詢，未寫入任何資料；需要修改請洽管理員開放權限"
                : "the ledger is read-only ('\(EchoedText.shown(path))' or its folder may not be written): it can be read but not changed; nothing was written; ask the administrator for write access"
        case let .readOnlyLedgerNeedsUpgrade(path):
            return zh ? "資料庫「\(EchoedText.shown(path))」由較舊版本建立，需要升級才能使用，但檔案或所在資料夾是唯讀的；請由有寫入權限的人以本程式開啟一次"
                : "the ledger '\(EchoedText.shown(path))' was made by an older version and must be upgraded, but the file or its folder is read-only; have someone with write access open it once with this program"
        case let .backupTargetExists(path):
            return zh ? "「\(EchoedText.shown(path))」已存在，未覆寫；請換一個檔名，或加上 --force 覆寫（不可覆寫使用中的資料庫本身）"
                : "'\(EchoedText.shown(path))' exists and was not replaced; choose another name, or add --force to replace it (never the ledger in use itself)"
        case let .backupUnsound(path, detail):
            return zh ? "備份檔「\(EchoedText.shown(path))」未通過檢查（\(EchoedText.shown(detail, limit: 200))），沒有使用它"
                : "the backup '\(EchoedText.shown(path))' failed its check (\(EchoedText.shown(detail, limit: 200))); it was not used"
        case let .restoreKeptByRDEC(acting):
            return zh ? "還原資料庫由研考會執行；以「\(acting)」身分操作時不能還原（以 .as 不帶參數取消身分，或請研考會還原）"
                : "restoring the ledger is for RDEC staff; acting for \(acting) you cannot restore (type .as alone to stop acting, or ask RDEC)"
        case let .checkFoundProblems(count):
            return zh ? "檢查發現 \(count) 個問題（如上）；請從備份還原或洽維護人員" : "the check found \(count) problem\(count == 1 ? "" : "s") (above); restore a backup or ask the maintainers"
        case let .csvUnclosedQuote(line):
            return zh ? "CSV 第 \(line) 行的引號欄位沒有結束的引號；請檢查該欄的 \" 是否成對"
                : "the quoted CSV field on line \(line) never closes; check that its \" are paired"
        case let .fileNotText(path, offset, line):
            return zh ? "「\(EchoedText.shown(path))」不是 UTF-8、Big5 或 Big5-HKSCS 文字：第 \(offset + 1) 個位元組（第 \(line) 行）無法解讀；請另存為 UTF-8 CSV，或以 --encoding 指定編碼"
                : "'\(EchoedText.shown(path))' is not UTF-8, Big5 or Big5-HKSCS text: byte \(offset + 1) (line \(line)) cannot be read; save it as UTF-8 CSV or give --encoding"
        case let .importHeaderProblem(zhText, enText):
            return zh ? zhText : enText
        case let .fileNotInEncoding(path, encoding, offset, line):
            return zh ? "「\(EchoedText.shown(path))」不是 \(encoding) 文字：第 \(offset + 1) 個位元組（第 \(line) 行）無法解讀；請去掉 --encoding 讓程式自動判斷，或改指定其他編碼"
                : "'\(EchoedText.shown(path))' is not \(encoding) text: byte \(offset + 1) (line \(line)) cannot be read; leave out --encoding to detect it, or name another"
        case let .importFileUnreadable(path, detail):
            return zh ? "無法讀取「\(EchoedText.shown(path))」：\(EchoedText.shown(detail, limit: 200))；可匯入的是 CSV、ODS 或 XLSX 試算表"
                : "cannot read '\(EchoedText.shown(path))': \(EchoedText.shown(detail, limit: 200)); import a CSV, ODS or XLSX file"
        case let .importSheetNotFound(sheet, available):
            return zh ? "找不到工作表「\(EchoedText.shown(sheet))」；檔案中的工作表：\(available.joined(separator: "、"))"
                : "no sheet '\(EchoedText.shown(sheet))'; the file has: \(available.joined(separator: ", "))"
        case let .importMissingColumn(field, headers):
            return zh ? "檔案缺少「\(field)」欄；檔案的欄位：\(headers.map { EchoedText.shown($0) }.joined(separator: "、"))；可用 --map '欄名=\(field)' 指定"
                : "the file has no '\(field)' column; its columns: \(headers.map { EchoedText.shown($0) }.joined(separator: ", ")); use --map 'HEADER=\(field)'"
        case let .importRejected(rows, cells):
            return zh ? "\(rows) 列共 \(cells) 個欄位有錯誤，未匯入任何資料；請修正後再匯入（--dry-run 可先檢查）"
                : "\(cells) cells in \(rows) rows are wrong; nothing was imported; correct them and import again (--dry-run checks first)"
        case let .invalidColumnMapping(typed, fields):
            return zh ? "看不懂欄位對應「\(EchoedText.shown(typed))」；請寫成 --map '欄名=欄位'，欄位可用：\(fields.joined(separator: "、"))"
                : "cannot read the mapping '\(EchoedText.shown(typed))'; write --map 'HEADER=FIELD' with FIELD one of: \(fields.joined(separator: ", "))"
        case let .importUnknownFormat(path):
            return zh ? "無法判斷「\(EchoedText.shown(path))」的格式；可匯入 .csv、.tsv、.txt、.ods、.xlsx"
                : "cannot tell the format of '\(EchoedText.shown(path))'; import .csv, .tsv, .txt, .ods or .xlsx"
        }
    }

    private static func storageMessage(_ problem: StorageProblem, detail: String, zh: Bool) -> String {
        let explanation: String
        switch problem {
        case .busy:
            // SQLite's own words ("database is locked") would only alarm: this is a wait that ran out.
            return zh ? "其他人正在寫入資料庫，等候 \(AppDatabase.busyTimeoutSeconds) 秒仍未輪到，這次沒有寫入任何資料；請稍後再試一次"
                : "someone else is writing to the database and did not finish within \(AppDatabase.busyTimeoutSeconds) seconds; nothing was written; try again in a moment"
        case .readOnly:
            explanation = zh ? "資料庫檔案無法寫入（唯讀或權限不足）；請檢查檔案與資料夾的權限" : "the database file cannot be written (read-only or no permission); check the file's and folder's permissions"
        case .diskFull:
            explanation = zh ? "磁碟空間不足，未寫入任何資料；請清出空間後再試" : "the disk is full; nothing was written; free some space and try again"
        case .constraint:
            explanation = zh ? "資料不符合資料庫的規則，未寫入" : "the data breaks a rule of the database; nothing was written"
        case .syntax:
            explanation = zh ? "查詢語法錯誤" : "SQL syntax error"
        case .corrupt:
            explanation = zh ? "資料庫檔案已損壞；請從備份還原" : "the database file is damaged; restore it from a backup"
        case .cannotOpen:
            explanation = zh ? "無法開啟資料庫檔案；請檢查路徑與權限" : "cannot open the database file; check the path and permissions"
        case .other:
            explanation = zh ? "資料庫錯誤" : "database error"
        }
        return "\(explanation)\(zh ? "（" : " (")\(EchoedText.shown(detail, limit: 200))\(zh ? "）" : ")")"
    }
}
