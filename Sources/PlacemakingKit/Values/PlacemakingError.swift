/// An error caused by what the user typed or asked for. Each says, in the user's language, what was
/// wrong and what to type instead; none of them is ever a crash.
public enum PlacemakingError: Error, Equatable, Sendable {
    public enum DateProblem: Sendable { case unreadable, doesNotExist }
    public enum MoneyProblem: Sendable { case unreadable, negative, fractionOfYuan }

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
    case nothingToChange
    case outsideScope(acting: String, owner: String?)
    /// `sql` refused a statement that would do more than read.
    case sqlRefused(SQLRefusal)
    /// `sql` ran past its time limit and was stopped.
    case queryTimedOut(seconds: Double)
    /// `sql` was stopped by Ctrl-C.
    case queryInterrupted

    /// The one-line message for the user.
    public func message(_ language: Language = .chinese) -> String {
        let zh = language == .chinese
        switch self {
        case let .invalidDate(text, .unreadable):
            return zh ? "看不懂日期「\(text)」；請輸入 111/06/30、111-06-30、1110630、111年6月30日 或 2022-06-30"
                : "cannot read the date '\(text)'; type 111/06/30, 111-06-30, 1110630, 111年6月30日 or 2022-06-30"
        case let .invalidDate(text, .doesNotExist):
            return zh ? "日期「\(text)」不存在（請檢查月份天數與閏年）；請輸入存在的日期，例如 111/02/28"
                : "the date '\(text)' does not exist (check the days of the month and leap years); type a real date such as 111/02/28"
        case let .invalidMoney(text, .negative):
            return zh ? "金額「\(text)」不可為負數；請輸入 0 以上的金額，例如 5,000,000 或 500萬"
                : "the amount '\(text)' cannot be negative; type 0 or more, e.g. 5,000,000 or 500萬"
        case let .invalidMoney(text, .fractionOfYuan):
            return zh ? "金額「\(text)」有不足 1 元的零頭；請輸入整數元，例如 37.8億 或 1,245萬"
                : "the amount '\(text)' has a fraction of a 元; type whole 元, e.g. 37.8億 or 1,245萬"
        case let .invalidMoney(text, .unreadable):
            return zh ? "看不懂金額「\(text)」；請輸入 5,000,000、5000000、500萬 或 37.8億"
                : "cannot read the amount '\(text)'; type 5,000,000, 5000000, 500萬 or 37.8億"
        case let .invalidYear(text):
            return zh ? "看不懂年度「\(text)」；請輸入民國年，例如 111（或西元 2022）"
                : "cannot read the year '\(text)'; type an ROC year such as 111 (or 2022)"
        case let .unknownAgency(name, suggestions):
            let hint = suggestions.isEmpty
                ? (zh ? "請用 agency list 查看機關名稱，例如「六龜區」「海洋局」" : "see `agency list` for names such as 六龜區 or 海洋局")
                : (zh ? "您是不是要輸入：\(suggestions.joined(separator: "、"))？" : "did you mean: \(suggestions.joined(separator: ", "))?")
            return zh ? "找不到機關「\(name)」；\(hint)" : "no agency named '\(name)'; \(hint)"
        case let .wrongAgencyKind(name, expected):
            return zh ? "「\(name)」不是\(expected)；請用 agency list 查看可用的名稱"
                : "'\(name)' is not a \(expected); see `agency list` for names"
        case let .unknownStatus(kind, text, known):
            return zh ? "\(kind.label)沒有「\(text)」這個狀態；可用的狀態：\(known.joined(separator: "、"))"
                : "a \(kind.labelEnglish) has no status '\(text)'; statuses: \(known.joined(separator: ", "))"
        case let .transitionNotAllowed(kind, id, from, to, allowed):
            let next = allowed.isEmpty ? (zh ? "（此狀態已不能再變更）" : "(none: this status is final)")
                : allowed.joined(separator: zh ? "、" : ", ")
            return zh ? "\(kind.label) #\(id) 目前為「\(from)」，不能直接改為「\(to)」；可改為：\(next)"
                : "\(kind.labelEnglish) #\(id) is '\(from)' and cannot change to '\(to)'; allowed: \(next)"
        case let .notFound(kind, table, id):
            let what = kind.map { zh ? $0.label : $0.labelEnglish } ?? table
            return zh ? "找不到\(what) #\(id)；請用 list 指令查看現有編號" : "there is no \(what) #\(id); use the list command to see ids"
        case let .emptyValue(field):
            return zh ? "「\(field)」不可空白；請輸入內容" : "'\(field)' cannot be blank; type a value"
        case let .invalidValue(field, value, hint):
            return zh ? "「\(field)」的值「\(value)」不正確；\(hint)" : "'\(value)' is not a valid \(field); \(hint)"
        case let .outsideScope(acting, owner):
            let whose = owner.map { zh ? "屬於「\($0)」" : "belongs to \($0)" } ?? (zh ? "未指定機關" : "has no agency")
            return zh ? "這筆資料\(whose)；以「\(acting)」身分操作時只能新增或修改「\(acting)」的資料（請加上 --agency \(acting)，或以 .as 不帶參數取消身分）"
                : "this record \(whose); acting for \(acting) you may only add or change \(acting)'s records (add --agency \(acting), or type .as alone to stop acting)"
        case .nothingToChange:
            return zh ? "沒有要修改的欄位；請至少給一個選項，例如 --title 新名稱" : "nothing to change; give at least one option, e.g. --title NEW"
        case let .sqlRefused(refusal):
            return refusal.message(language)
        case let .queryTimedOut(seconds):
            let shown = seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)
            return zh ? "查詢超過 \(shown) 秒已中止；請縮小範圍（加上 WHERE 或 LIMIT）"
                : "the query ran longer than \(shown) seconds and was stopped; narrow it (add WHERE or LIMIT)"
        case .queryInterrupted:
            return zh ? "查詢已中斷" : "query interrupted"
        }
    }
}
