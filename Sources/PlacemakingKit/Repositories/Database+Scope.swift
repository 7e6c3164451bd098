import GRDB

/// Acting for one agency (`AppDatabase.scope`): who owns a record, and what an agency acting for itself
/// may write. Every write path asks here, so the rule lives in one place:
///   * it writes only its own records (`checkScope`), and links them only to its own records
///     (`checkLink`: the plan of an application or a proposal);
///   * it does not record the decisions of the NDC, the ministries or the city (`checkDecision`):
///     matches, awards, visits, events, a case's subsidy, and any status in the approved or rejected
///     phase. 研考會's staff (no scope) record those.
extension Database {
    /// The agency a record belongs to: a plan's proposer (also for its matches and proposals), the agency
    /// of an application, a case or a visit, an event's organiser. Nil when not known.
    func owner(table: String, id: Int64) throws -> Int64? {
        guard let sql = LedgerTable(rawValue: table)?.ownerQuery else { return nil }
        return try Int64.fetchOne(self, sql: sql, arguments: [id])
    }

    /// Refuses a write to a record of another agency while the user acts for one agency.
    func checkScope(table: String, id: Int64, change: Change) throws {
        guard let scope = change.scope else { return }
        let owner = try owner(table: table, id: id)
        guard owner != scope else { return }
        throw PlacemakingError.outsideScope(acting: try agencyName(scope) ?? "?", owner: try owner.flatMap(agencyName))
    }

    /// Refuses linking a record to another agency's record (an application or proposal to another
    /// agency's plan) while acting for one agency: the link would put work under someone else's plan.
    func checkLink(table: String, id: Int64, change: Change) throws {
        try checkScope(table: table, id: id, change: change)
    }

    /// Refuses, while acting for one agency, what only 研考會's staff record.
    func checkDecision(_ what: RDECDecision, change: Change) throws {
        guard let scope = change.scope else { return }
        throw PlacemakingError.decisionKeptByRDEC(acting: try agencyName(scope) ?? "?", what: what)
    }

    /// Refuses, while acting, setting or re-dating a status that records a decision.
    func checkStatusDecision(_ kind: RecordKind, _ status: StatusDefinition, change: Change) throws {
        if let decision = Self.decision(kind, status: status) { try checkDecision(decision, change: change) }
    }

    /// The decision a status records, if any: every status of an event (研考會's own events), and any
    /// status in the approved or rejected phase.
    static func decision(_ kind: RecordKind, status: StatusDefinition) -> RDECDecision? {
        if kind == .event { return .event }
        switch Phase(rawValue: status.phase) {
        case .approved: return .approval
        case .rejected: return .rejection
        default: return nil
        }
    }

    private func agencyName(_ id: Int64) throws -> String? {
        try String.fetchOne(self, sql: "SELECT name FROM agency WHERE id = ?", arguments: [id])
    }
}

extension AppDatabase {
    /// The decision a status of `kind` records (an approval, a rejection, an event's), nil for the
    /// statuses an agency may set on its own records: forms refuse it at the field when acting.
    public func decision(_ kind: RecordKind, status: StatusDefinition) -> RDECDecision? {
        Database.decision(kind, status: status)
    }
}
