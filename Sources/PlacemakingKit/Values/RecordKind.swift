/// The kinds of record that carry a status, with a vocabulary in the `status` table. Their tables and
/// names come from `LedgerTable`, the one description of the nouns.
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case plan, proposal, subsidy, `case`, event

    /// The ledger table that holds records of this kind.
    public var ledgerTable: LedgerTable {
        switch self {
        case .plan: .plan
        case .proposal: .proposal
        case .subsidy: .subsidy
        case .case: .participationCase
        case .event: .event
        }
    }

    /// The table's name in SQL.
    public var table: String { ledgerTable.table }

    /// What users call a record of this kind.
    public var label: String { ledgerTable.label }

    public var labelEnglish: String { ledgerTable.labelEnglish }
}
