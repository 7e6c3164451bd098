import GRDB

/// What reaching a status does to a record besides setting its status, as one table rather than
/// branches on the kind. Looked up by status name first, then by phase, because one phase may hold
/// statuses with different effects: a case's 核定補助 and 自辦(不補助) are both approved, and only the
/// first grants money.
struct StatusEffect: Equatable, Sendable {
    /// The column `--amount` is written to; nil when the status grants no money (an amount is refused).
    var amountColumn: String?
    /// The column set to the date the status took effect (an award's date).
    var dateColumn: String?
    /// The `subsidized` flag of a case the status implies; nil keeps what the case had.
    var subsidized: Bool?
    /// Columns emptied with it (a case that is not subsidized has no subsidy amount).
    var clears: [String] = []

    static let none = StatusEffect()

    /// A participation case that is not (or no longer) subsidized by the city.
    private static let caseNotSubsidized = StatusEffect(subsidized: false, clears: ["subsidy_amount"])

    private enum Key: Hashable {
        case status(RecordKind, String)
        case phase(RecordKind, Phase)
    }

    private static let table: [Key: StatusEffect] = [
        // A subsidy's award records the amount (NULL: not known) and the day.
        .phase(.subsidy, .approved): StatusEffect(amountColumn: "awarded_amount", dateColumn: "awarded_on"),
        // A case is subsidized exactly from 核定補助 on: 辦理中 … 結案 (executing, closed) keep the flag,
        // every status before the decision, 自辦(不補助) and a withdrawal clear it.
        .status(.case, "核定補助"): StatusEffect(amountColumn: "subsidy_amount", subsidized: true),
        .phase(.case, .draft): caseNotSubsidized,
        .phase(.case, .submitted): caseNotSubsidized,
        .phase(.case, .reviewing): caseNotSubsidized,
        .phase(.case, .approved): caseNotSubsidized,
        .phase(.case, .rejected): caseNotSubsidized,
        .phase(.case, .withdrawn): caseNotSubsidized,
    ]

    /// The effect of reaching `status` on a record of `kind`.
    static func of(_ kind: RecordKind, _ status: StatusDefinition) -> StatusEffect {
        if let effect = table[.status(kind, status.name)] { return effect }
        if let phase = Phase(rawValue: status.phase), let effect = table[.phase(kind, phase)] { return effect }
        return .none
    }

    /// The columns to set with the status when it is reached on `day` with `amount`; an amount with a
    /// status that grants nothing is refused.
    func assignments(amount: Money?, on day: ROCDate, kind: RecordKind, status: String) throws -> [(column: String, value: (any DatabaseValueConvertible)?)] {
        var result: [(column: String, value: (any DatabaseValueConvertible)?)] = []
        if let amount {
            guard let amountColumn else { throw PlacemakingError.amountNotGranted(kind, status: status) }
            result.append((amountColumn, amount.yuan))
        }
        if let dateColumn { result.append((dateColumn, day.iso)) }
        if let subsidized { result.append(("subsidized", subsidized)) }
        result += clears.map { ($0, nil) }
        return result
    }
}

extension Database {
    /// The `subsidized` flag a case must have at `status`: what the status implies, else (辦理中 …
    /// 結案) what the latest status in the case's history that implies one says; nil when nothing says
    /// (a case entered directly at 辦理中), so the flag is the user's to set.
    func impliedSubsidized(caseId: Int64?, status: StatusDefinition) throws -> Bool? {
        if let implied = StatusEffect.of(.case, status).subsidized { return implied }
        guard let caseId else { return nil }
        let earlier = try String.fetchAll(self, sql: """
            SELECT status FROM status_history WHERE entity = 'case' AND entity_id = ? ORDER BY effective_on DESC, id DESC
            """, arguments: [caseId])
        for name in earlier {
            if let implied = StatusEffect.of(.case, try statusDefinition(.case, named: name)).subsidized { return implied }
        }
        return nil
    }
}
