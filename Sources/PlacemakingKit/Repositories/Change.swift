/// Who makes a change and when: written to `created_at`/`updated_at`, the status history and the
/// audit log of every row the change touches.
struct Change {
    /// As written in the audit log and the status history: the login, and the agency acted for when
    /// the change is limited to one, «login（agency）».
    let actor: String
    /// The operating-system login alone.
    let login: String
    /// What the login may do, read in the same transaction as the change.
    let standing: Standing
    /// UTC timestamp of the transaction.
    let stamp: String
    /// The day in Taiwan, the default date of a status change.
    let today: ROCDate
    /// The only agency whose records may be written, or nil for all.
    let scope: Int64?
    /// Agencies and statuses already looked up in this transaction (statuses: on this connection).
    let lookups: WriteLookups
}

extension Change {
    /// The one date rule: a date that records something that happened may not lie after today in
    /// Taiwan. Planned dates (an event's planned period, a call round) are not checked: they may lie ahead.
    func checkHappened(_ date: ROCDate?, _ field: HappenedDate) throws {
        if let date, date > today { throw PlacemakingError.dateInFuture(field, date: date, today: today) }
    }
}
