/// Who makes a change and when: written to `created_at`/`updated_at`, the status history and the
/// audit log of every row the change touches.
struct Change {
    let actor: String
    /// UTC timestamp of the transaction.
    let stamp: String
    /// The day in Taiwan, the default date of a status change.
    let today: ROCDate
    /// The only agency whose records may be written, or nil for all.
    let scope: Int64?
}
