/// What an audit entry is about, as `audit --table` names it: a record of one of the ledger's tables,
/// or what has no table of records of its own: an operator (`operator add` …), the ledger as a whole
/// (`restore`), an imported file (`import`).
public struct AuditEntity: Sendable, Equatable {
    /// As stored in `audit_log.entity`.
    public let entity: String
    /// The word users type (`plan`, `match`, `operator` …).
    public let noun: String
    public let label: String
    public let labelEnglish: String

    /// The entities with no `LedgerTable`.
    static let beyondTables: [AuditEntity] = [
        AuditEntity(entity: "operator", noun: "operator", label: "操作人員", labelEnglish: "operator"),
        AuditEntity(entity: "ledger", noun: "ledger", label: "資料庫", labelEnglish: "ledger"),
        AuditEntity(entity: "source_document", noun: "import", label: "匯入檔案", labelEnglish: "imported file"),
    ]

    init(entity: String, noun: String, label: String, labelEnglish: String) {
        self.entity = entity
        self.noun = noun
        self.label = label
        self.labelEnglish = labelEnglish
    }

    init(_ table: LedgerTable) {
        self.init(entity: table.table, noun: table.noun ?? table.table, label: table.label, labelEnglish: table.labelEnglish)
    }

    /// Every entity, the ledger's tables first.
    public static var all: [AuditEntity] { LedgerTable.allCases.map(AuditEntity.init) + beyondTables }

    /// The entity a user means: a table (see `LedgerTable(named:)`), or the noun, stored name or
    /// Chinese name of one beyond the tables.
    public init?(named name: String) {
        if let table = LedgerTable(named: name) { self.init(table); return }
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.beyondTables.first(where: { $0.entity == wanted || $0.noun == wanted || $0.label == wanted }) else { return nil }
        self = found
    }

    /// The entity stored as `entity`, when it is known.
    public init?(stored entity: String) {
        guard let found = Self.all.first(where: { $0.entity == entity }) else { return nil }
        self = found
    }
}
