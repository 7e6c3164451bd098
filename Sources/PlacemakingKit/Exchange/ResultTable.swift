/// Rows of typed cells with named columns: what every list and show returns, and what every output
/// format (table, CSV, JSON) writes. Keeping cells typed lets each format show a value its own way:
/// a date is `111/06/30` on screen and `2022-06-30` in JSON.
public struct ResultTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// camelCase key, used by JSON.
        public var key: String
        /// Header in Traditional Chinese, with the unit where there is one: 預算(元).
        public var header: String
        /// Header in English.
        public var headerEnglish: String
        /// Whether NULL means "not known" (未詳) rather than "none" (blank).
        public var nullIsUnknown: Bool

        public init(_ key: String, _ header: String, _ headerEnglish: String, nullIsUnknown: Bool = true) {
            self.key = key
            self.header = header
            self.headerEnglish = headerEnglish
            self.nullIsUnknown = nullIsUnknown
        }

        public func header(_ language: Language) -> String { language.pick(header, headerEnglish) }
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        case money(Money)
        case date(ROCDate)
        case bool(Bool)
        /// A code that JSON keeps as is (`approved`) and screens show by its label (核定).
        case code(String, label: String)
        /// A date known only as "on or before" (the exact day is unknown): 111/06/30前.
        case dateOnOrBefore(ROCDate)
        /// A moment, stored as UTC ISO 8601 (`2026-11-27T07:24:44Z`), shown in Taiwan's time and calendar.
        case timestamp(String)
        case null

        /// The cell as a person reads it on screen or in a spreadsheet.
        public func display(_ language: Language, nullIsUnknown: Bool = true, groupedMoney: Bool = true) -> String {
            switch self {
            case .text(let s): return s
            case .integer(let i): return String(i)
            case .money(let m): return groupedMoney ? m.formatted : String(m.yuan)
            case .date(let d): return d.roc
            case .bool(let b): return b ? language.pick("是", "yes") : language.pick("否", "no")
            case .code(let code, let label): return language.pick(label, code)
            case .dateOnOrBefore(let d): return language.pick("\(d.roc)前", "by \(d.roc)")
            case .timestamp(let stamp): return Timestamp.local(stamp) ?? stamp
            case .null: return nullIsUnknown ? language.pick("未詳", "unknown") : ""
            }
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]]
    /// The keys of the columns people scan, shown on screen unless `--wide` or `--columns` asks for
    /// others; nil shows every column.
    public var brief: [String]?

    public init(columns: [Column], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Only the columns with these keys, in the order given.
    public func selecting(_ keys: [String]) -> ResultTable {
        let indices = keys.compactMap { key in columns.firstIndex { $0.key == key } }
        return ResultTable(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
    }

    /// The key of the column a user means by its key (`statusOn`), its Chinese or English header
    /// (`狀態日期`, `status date`), ignoring case and a unit in parentheses; nil when there is none.
    public func columnKey(named name: String) -> String? {
        let wanted = Self.folded(name)
        return columns.first { column in
            [column.key, column.header, column.headerEnglish].contains { Self.folded($0) == wanted || Self.folded(Self.withoutUnit($0)) == wanted }
        }?.key
    }

    private static func folded(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
    }

    private static func withoutUnit(_ s: String) -> String {
        guard let open = s.firstIndex(where: { $0 == "(" || $0 == "（" }) else { return s }
        return String(s[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// The value of column `key` in row `index`, for tests and summaries.
    public func value(_ key: String, row index: Int) -> Cell? {
        guard let c = columns.firstIndex(where: { $0.key == key }), rows.indices.contains(index) else { return nil }
        return rows[index][c]
    }
}

extension ResultTable.Cell {
    /// Text or NULL.
    public static func from(_ text: String?) -> Self { text.map { .text($0) } ?? .null }
    /// An amount of 元 or NULL.
    public static func money(_ yuan: Int64?) -> Self { yuan.map { .money(Money(yuan: $0)) } ?? .null }
    /// An ISO date column or NULL.
    public static func date(iso: String?) -> Self { iso.flatMap(ROCDate.init(iso:)).map { .date($0) } ?? .null }
    /// An integer or NULL.
    public static func integer(_ value: Int64?) -> Self { value.map { .integer($0) } ?? .null }
}
