/// One thing `check` found wrong with a ledger file, said in one line in the user's language. Values
/// come from the file, so they are quoted with `EchoedText` (short, control characters made visible).
public enum LedgerProblem: Sendable, Equatable {
    /// A line of `PRAGMA integrity_check`.
    case integrity(String)
    /// A row of `PRAGMA foreign_key_check`: `table` row `rowid` points at a `parent` row that is missing.
    case foreignKey(table: String, rowid: Int64?, parent: String)
    /// A record's status is not the last status of its history (nil: it has no history).
    case statusNotLastInHistory(RecordKind, id: Int64, status: String, last: String?)
    /// A history entry is dated before the entry recorded before it.
    case historyDateDecreases(RecordKind, id: Int64, status: String, date: String, previous: String)
    /// A history step the transition table does not allow.
    case transitionNotAllowed(RecordKind, id: Int64, from: String, to: String, date: String)
    /// An amount outside 0 … 1 兆元.
    case amountOutOfRange(LedgerTable, id: Int64, column: String, value: Int64)
    /// A case's `subsidized` flag says otherwise than its status implies.
    case subsidizedContradictsStatus(caseId: Int64, status: String, subsidized: Bool)
    /// A record without the audit entry of its creation.
    case noCreationAudit(LedgerTable, id: Int64)
    /// A row the seed data (the source report's facts, the vocabulary) put there is gone.
    case seedRowMissing(table: String, key: String)
    /// A seeded row differs from the seed data without any audited change to it.
    case seedRowChanged(table: String, key: String, column: String, expected: String, found: String)
    /// More problems of the kind above, not listed one by one.
    case more(count: Int)

    /// How many problems `problems` stands for, counting those a `.more` line summarises.
    public static func count(_ problems: [LedgerProblem]) -> Int {
        problems.reduce(0) { total, problem in
            if case let .more(count) = problem { return total + count }
            return total + 1
        }
    }

    public func message(_ language: Language = .chinese) -> String {
        let zh = language == .chinese
        func shown(_ text: String) -> String { EchoedText.shown(text) }
        func day(_ iso: String) -> String { ROCDate(iso: iso)?.roc ?? shown(iso) }
        switch self {
        case let .integrity(line):
            return zh ? "檔案完整性檢查（integrity_check）：\(EchoedText.shown(line, limit: 200))"
                : "integrity_check: \(EchoedText.shown(line, limit: 200))"
        case let .foreignKey(table, rowid, parent):
            let row = rowid.map { "#\($0)" } ?? ""
            return zh ? "\(table) \(row) 參照的 \(parent) 資料不存在（foreign_key_check）"
                : "\(table) row \(row) refers to a missing \(parent) row (foreign_key_check)"
        case let .statusNotLastInHistory(kind, id, status, last):
            guard let last else {
                return zh ? "\(kind.label) #\(id) 目前狀態「\(shown(status))」，但沒有任何狀態歷程"
                    : "\(kind.labelEnglish) #\(id) is '\(shown(status))' but has no status history"
            }
            return zh ? "\(kind.label) #\(id) 目前狀態「\(shown(status))」與狀態歷程最後一筆「\(shown(last))」不同"
                : "\(kind.labelEnglish) #\(id) is '\(shown(status))' but the last entry of its history is '\(shown(last))'"
        case let .historyDateDecreases(kind, id, status, date, previous):
            return zh ? "\(kind.label) #\(id) 的狀態歷程「\(shown(status))」\(day(date)) 早於前一筆的日期 \(day(previous))"
                : "\(kind.labelEnglish) #\(id): history entry '\(shown(status))' \(day(date)) is dated before the entry before it (\(day(previous)))"
        case let .transitionNotAllowed(kind, id, from, to, date):
            return zh ? "\(kind.label) #\(id) 的狀態歷程由「\(shown(from))」改為「\(shown(to))」（\(day(date))）不是允許的狀態變更（statuses \(kind.rawValue) 可查）"
                : "\(kind.labelEnglish) #\(id): the history step '\(shown(from))' → '\(shown(to))' (\(day(date))) is not an allowed change (see statuses \(kind.rawValue))"
        case let .amountOutOfRange(table, id, column, value):
            return zh ? "\(table.label) #\(id) 的金額 \(column) = \(value) 元超出 0 至 1 兆元的範圍"
                : "\(table.labelEnglish) #\(id): the amount \(column) = \(value) is outside 0 … 10¹² 元"
        case let .subsidizedContradictsStatus(caseId, status, subsidized):
            return zh ? "公民參與案件 #\(caseId) 狀態為「\(shown(status))」，市府補助卻記為「\(subsidized ? "是" : "否")」"
                : "participation case #\(caseId) is '\(shown(status))' but is recorded as \(subsidized ? "" : "not ")subsidized"
        case let .noCreationAudit(table, id):
            return zh ? "\(table.label) #\(id) 沒有新增時的異動紀錄（audit_log）"
                : "\(table.labelEnglish) #\(id) has no audit entry of its creation"
        case let .seedRowMissing(table, key):
            return zh ? "種子資料（業務報告與狀態詞彙）\(table) \(key) 不見了"
                : "seeded data (the report's facts, the vocabulary): \(table) \(key) is missing"
        case let .seedRowChanged(table, key, column, expected, found):
            return zh ? "種子資料 \(table) \(key) 的 \(column) 被改為 \(shown(found))（原為 \(shown(expected))），且沒有異動紀錄"
                : "seeded data \(table) \(key): \(column) is \(shown(found)), was \(shown(expected)), with no audit entry"
        case let .more(count):
            return zh ? "……另有 \(count) 個同類問題未列出" : "… and \(count) more of the same kind"
        }
    }
}
